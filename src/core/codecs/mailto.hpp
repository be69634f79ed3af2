// Mail drafts as mailto: links (RFC 6068): the recipient, a subject and a body, percent-encoded, under
// the length mail clients and browsers take (about 2,000 characters), the body cut politely when longer.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace core {

// What mail clients reliably accept in a mailto: link (some cut or refuse longer ones).
inline constexpr std::size_t mailto_max_length = 2000;

// Each byte outside RFC 3986's unreserved characters (A–Z a–z 0–9 - . _ ~) as %XX, uppercase hex, UTF-8
// bytes one by one: "é" → "%C3%A9", " " → "%20" (never "+"), "&" → "%26", "?" → "%3F", "%" → "%25".
std::string mailto_encode(std::string_view text);

// Line breaks as a mail body has them (RFC 6068 §5): each LF, CR or CRLF becomes CRLF.
std::string crlf_lines(std::string_view text);

// Whether `address` can be the link's one recipient: local@domain, with no spaces, controls, commas
// (a second recipient), angle brackets or a second '@', at most 254 bytes.
bool is_mail_address(std::string_view address) noexcept;

struct MailtoLink {
  std::string uri;         // "mailto:<to>?subject=<…>&body=<…>"
  bool truncated = false;  // the body was cut to fit `max_length` (and `cut_note` added)
};

// The link of a draft. `to` is left out (the coach picks the recipient) unless is_mail_address. Over
// `max_length` bytes, the body is cut on a character boundary — at a line's end or a space when one is
// near — and `cut_note` (e.g. "\n[…] (suite à compléter)") appended; a subject too long is cut too.
// The result never exceeds `max_length` when the address and the note fit in it.
MailtoLink mailto_link(std::string_view to, std::string_view subject, std::string_view body, std::string_view cut_note,
                       std::size_t max_length = mailto_max_length);

} // namespace core
