// The printable documents' shared parts: escaping, dates and sizes, the document head, the report style.
#include "core/documents/html.hpp"

#include "core/codecs/utf8.hpp"

#include <algorithm>
#include <cmath>

namespace core {

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  std::size_t i = 0;
  while (i < text.size()) {
    const Utf8Char c = decode_utf8(text, i);
    i += std::max<std::size_t>(c.length, 1);
    switch (c.code_point) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if ((c.code_point < 0x20 && c.code_point != '\t' && c.code_point != '\n') ||
            (c.code_point >= 0x7F && c.code_point <= 0x9F)) {
          break;
        }
        append_utf8(out, c.code_point);
    }
  }
  return out;
}

std::string french_long_date(const Date& d) {
  static const char* const months[] = {"janvier", "février", "mars",      "avril",   "mai",      "juin",
                                       "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
  if (!is_valid(d)) return "[date invalide]";
  return (d.day == 1 ? std::string("1er") : std::to_string(d.day)) + " " + months[d.month - 1] + " " + std::to_string(d.year);
}

std::string english_long_date(const Date& d) {
  static const char* const months[] = {"January", "February", "March",     "April",   "May",      "June",
                                       "July",    "August",   "September", "October", "November", "December"};
  if (!is_valid(d)) return "[invalid date]";
  return std::to_string(d.day) + " " + months[d.month - 1] + " " + std::to_string(d.year);
}

std::string long_date(const Date& d, std::string_view lang) {
  return document_lang(lang) == "en" ? english_long_date(d) : french_long_date(d);
}

std::string human_size(std::uint64_t bytes, std::string_view lang) {
  return format_size(bytes, size_units_for(document_lang(lang)));
}

std::string half_number(double value, std::string_view lang) {
  const double halves = std::round(value * 2);
  const long long whole = static_cast<long long>(halves) / 2;
  const bool half = static_cast<long long>(halves) % 2 != 0;
  std::string s = std::to_string(whole);
  if (half) s += document_lang(lang) == "en" ? ".5" : ",5";
  return s;
}

std::string html_missing(const Words& w, const char* fr, const char* en) {
  return std::string("<span class=\"missing\">") + w(fr, en) + "</span>";
}

std::string html_value(const Words& w, std::string_view text) { return is_blank(text) ? html_missing(w) : html_escape(text); }

std::string html_row(std::string_view label, std::string_view html) {
  std::string r = "<dt>";
  r += label;
  r += "</dt><dd>";
  r += html;
  r += "</dd>\n";
  return r;
}

std::string html_text_row(const Words& w, std::string_view label, std::string_view text) {
  if (is_blank(text)) return html_row(label, html_missing(w));
  return "<dt>" + std::string(label) + "</dt><dd class=\"text\">" + html_escape(text) + "</dd>\n";
}

std::string long_timestamp(std::string_view t, std::string_view lang) {
  if (t.size() >= 16 && t[10] == 'T' && t[13] == ':') {
    if (const auto d = parse_iso_date(t.substr(0, 10))) {
      return long_date(*d, lang) + (document_lang(lang) == "en" ? " at " : " à ") + html_escape(t.substr(11, 5)) + " UTC";
    }
  }
  return html_escape(t);
}

std::string html_document_start(std::string_view lang, std::string_view title, std::string_view style) {
  std::string h;
  h += "<!DOCTYPE html>\n<html lang=\"";
  h += document_lang(lang);
  h += "\">\n<head>\n<meta charset=\"utf-8\">\n";
  h += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n";
  h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  h += "<title>" + html_escape(title) + "</title>\n";
  h += "<style>\n";
  h += style;
  h += "</style>\n</head>\n<body>\n";
  return h;
}

std::string html_document_end() { return "</body>\n</html>\n"; }

const char* report_style() noexcept {
  return R"(@page { size: A4; margin: 18mm 16mm; }
html { background: #fff; color: #111; }
body { font-family: "Marianne", "Liberation Serif", "Times New Roman", serif; font-size: 11pt; line-height: 1.45;
       max-width: 180mm; margin: 0 auto; padding: 8mm 4mm; }
header { border-bottom: 2px solid #000091; padding-bottom: 3mm; margin-bottom: 6mm; }
header p { margin: 0; font-size: 10pt; }
h1 { font-size: 18pt; margin: 0 0 2mm; }
h2 { font-size: 14pt; margin: 8mm 0 2mm; border-bottom: 1px solid #666; padding-bottom: 1mm; break-after: avoid; }
h3 { font-size: 12pt; margin: 5mm 0 1.5mm; break-after: avoid; }
.lead { font-size: 13pt; font-weight: bold; margin: 0 0 4mm; }
dl { display: grid; grid-template-columns: minmax(35mm, max-content) 1fr; gap: 1mm 5mm; margin: 2mm 0 4mm; }
dt { font-weight: bold; }
dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; font-size: 10pt; }
caption { text-align: left; font-weight: bold; padding-bottom: 1mm; }
th, td { border: 1px solid #666; padding: 1mm 2mm; text-align: left; vertical-align: top; }
thead th { background: #eee; }
tr { break-inside: avoid; }
ul { margin: 0; padding-left: 6mm; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
.digest { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 9pt; overflow-wrap: anywhere; }
.missing { font-style: italic; color: #444; }
footer { margin-top: 10mm; border-top: 1px solid #999; padding-top: 2mm; font-size: 8.5pt; color: #444; }
@media (max-width: 600px) { dl { grid-template-columns: 1fr; } dd { margin-bottom: 1mm; } }
@media print { body { padding: 0; max-width: none; } }
)";
}

} // namespace core
