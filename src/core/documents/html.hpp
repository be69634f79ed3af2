// What the app's printable HTML documents share (attestation, dossier summary, evaluation sheet): text
// escaping, dates and sizes in the document's language, the document's head and a sober print stylesheet.
//
// Every document is UTF-8 HTML with inline CSS only: no script, no external resource, and a
// Content-Security-Policy of its own (default-src 'none': no script can run even if some text slipped
// through unescaped), in case it is opened from disk. Deterministic: the same inputs give the same bytes.
#pragma once

#include "core/base/date.hpp"
#include "core/codecs/text.hpp"  // is_blank and format_size, used with the helpers below

#include <cstdint>
#include <string>
#include <string_view>

namespace core {

// `text` with & < > " ' as character references; ill-formed UTF-8 becomes U+FFFD and control
// characters other than tab and line feed are dropped (they have no place in HTML text).
std::string html_escape(std::string_view text);

// A document's language: "en", or French (the reference language) for anything else.
inline std::string_view document_lang(std::string_view lang) noexcept { return lang == "en" ? "en" : "fr"; }

// "14 mars 2025", "1er avril 2025": the French long form of a date.
std::string french_long_date(const Date& date);
// "14 March 2025".
std::string english_long_date(const Date& date);
// One of the two, following document_lang(lang).
std::string long_date(const Date& date, std::string_view lang);

// format_size() in the document's language: "512 octets", "12,3 Kio" / "512 bytes", "12.3 KiB".
std::string human_size(std::uint64_t bytes, std::string_view lang);
// A whole or half number with the language's decimal separator: "165", "165,5" / "165.5".
std::string half_number(double value, std::string_view lang);

// The document's wording in its two languages: `w("Oui", "Yes")`.
struct Words {
  bool en = false;
  const char* operator()(const char* fr, const char* english) const noexcept { return en ? english : fr; }
};
inline Words words_for(std::string_view lang) noexcept { return Words{document_lang(lang) == "en"}; }

// A visible gap, in words (never colour alone): <span class="missing">Non renseigné</span>.
std::string html_missing(const Words& w, const char* fr = "Non renseigné", const char* en = "Not given");
// A one-line text, escaped, or html_missing() when blank.
std::string html_value(const Words& w, std::string_view text);
// A definition list entry: "<dt>label</dt><dd>html</dd>\n" (`label` and `html` are markup already).
std::string html_row(std::string_view label, std::string_view html);
// The same for a free text (escaped, its line breaks kept by the .text class), or a gap when blank.
std::string html_text_row(const Words& w, std::string_view label, std::string_view text);
// "14 mars 2025 à 09:26 UTC" / "14 March 2025 at 09:26 UTC" from "2025-03-14T09:26:53Z"; any other
// text is shown as it is (escaped).
std::string long_timestamp(std::string_view utc, std::string_view lang);

// From "<!DOCTYPE html>" to "<body>\n": charset, the Content-Security-Policy, viewport, <title> (`title`
// is plain text: escaped here) and <style> with `style`.
std::string html_document_start(std::string_view lang, std::string_view title, std::string_view style);
// "</body>\n</html>\n".
std::string html_document_end();

// The stylesheet of the report-like documents (dossier summary, evaluation sheet): A4 print, serif body,
// tables and definition lists, candidate text keeping its line breaks, nothing that relies on colour.
const char* report_style() noexcept;

} // namespace core
