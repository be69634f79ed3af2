// Mail drafts as mailto: links (RFC 6068): percent-encoding, line breaks, the length limit.
#include "core/codecs/mailto.hpp"

namespace core {

namespace {

bool unreserved(unsigned char c) noexcept {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
         c == '~';
}

void encode_into(std::string& out, std::string_view text) {
  static constexpr char hex[] = "0123456789ABCDEF";
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (unreserved(c)) {
      out += ch;
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 0x0F];
    }
  }
}

std::size_t encoded_size(std::string_view text) noexcept {
  std::size_t n = 0;
  for (char ch : text) n += unreserved(static_cast<unsigned char>(ch)) ? std::size_t{1} : std::size_t{3};
  return n;
}

// The length of the UTF-8 sequence starting at text[i] (1 for a stray byte: never split further).
std::size_t sequence_length(std::string_view text, std::size_t i) noexcept {
  const auto c = static_cast<unsigned char>(text[i]);
  const std::size_t n = c < 0x80 ? 1u : (c >> 5) == 0x6 ? 2u : (c >> 4) == 0xE ? 3u : (c >> 3) == 0x1E ? 4u : 1u;
  if (i + n > text.size()) return 1;
  for (std::size_t k = 1; k < n; ++k) {
    if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return 1;
  }
  return n;
}

// The longest prefix of `text`, whole characters only, whose encoding takes at most `budget` bytes.
std::size_t fitting_prefix(std::string_view text, std::size_t budget) noexcept {
  std::size_t i = 0, used = 0;
  while (i < text.size()) {
    const std::size_t n = sequence_length(text, i);
    const std::size_t cost = encoded_size(text.substr(i, n));
    if (used + cost > budget) break;
    used += cost;
    i += n;
  }
  return i;
}

} // namespace

std::string mailto_encode(std::string_view text) {
  std::string out;
  out.reserve(text.size() * 3);
  encode_into(out, text);
  return out;
}

std::string crlf_lines(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out += "\r\n";
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else if (text[i] == '\n') {
      out += "\r\n";
    } else {
      out += text[i];
    }
  }
  return out;
}

bool is_mail_address(std::string_view a) noexcept {
  if (a.empty() || a.size() > 254) return false;
  const std::size_t at = a.find('@');
  if (at == 0 || at == std::string_view::npos || at + 1 >= a.size() || a.find('@', at + 1) != std::string_view::npos) return false;
  for (char ch : a) {
    const auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c == 0x7F || ch == ',' || ch == ';' || ch == '<' || ch == '>' || ch == '"' || ch == '(' || ch == ')' ||
        ch == '[' || ch == ']' || ch == '\\')
      return false;
  }
  const std::string_view domain = a.substr(at + 1);
  return domain.find('.') != std::string_view::npos && domain.front() != '.' && domain.back() != '.';
}

MailtoLink mailto_link(std::string_view to, std::string_view subject, std::string_view body, std::string_view cut_note,
                       std::size_t max_length) {
  MailtoLink link;
  std::string head = "mailto:";
  if (is_mail_address(to)) {
    // The address as it is but for what would end it or be read as an escape ('?', '#', '%', '&'...).
    for (char ch : to) {
      if (ch == '@') head += ch;
      else encode_into(head, std::string_view(&ch, 1));
    }
  }
  head += "?subject=";
  const std::string crlf_body = crlf_lines(body);
  const std::string note = crlf_lines(cut_note);
  // The subject takes at most a quarter of the link: the body says what matters.
  const std::size_t subject_budget = max_length / 4;
  const std::string_view kept_subject = subject.substr(0, fitting_prefix(subject, subject_budget));
  encode_into(head, kept_subject);
  if (crlf_body.empty()) {
    link.uri = std::move(head);
    link.truncated = kept_subject.size() < subject.size();
    return link;
  }
  head += "&body=";
  const std::size_t full = head.size() + encoded_size(crlf_body);
  if (full <= max_length) {
    encode_into(head, crlf_body);
    link.uri = std::move(head);
    link.truncated = kept_subject.size() < subject.size();
    return link;
  }
  const std::size_t note_size = encoded_size(note);
  const std::size_t budget = max_length > head.size() + note_size ? max_length - head.size() - note_size : 0;
  std::size_t cut = fitting_prefix(crlf_body, budget);
  // At a line's end, else at a space, when one is in the last fifth of what fits.
  const std::string_view kept(crlf_body.data(), cut);
  const std::size_t line = kept.rfind("\r\n");
  const std::size_t space = kept.rfind(' ');
  if (line != std::string_view::npos && line >= cut - cut / 5) cut = line;
  else if (space != std::string_view::npos && space >= cut - cut / 5) cut = space;
  encode_into(head, std::string_view(crlf_body.data(), cut));
  encode_into(head, note);
  link.uri = std::move(head);
  link.truncated = true;
  return link;
}

} // namespace core
