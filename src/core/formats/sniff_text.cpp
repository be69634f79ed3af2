// Sniffing text: markup, scripts, CSV tables (core/codecs/csv) and plain text in UTF-8 or Windows-1252.
#include "core/formats/sniff_detail.hpp"

#include "core/codecs/csv.hpp"
#include "core/codecs/utf8.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>

namespace core::sniff_detail {

// [SECTION] text, markup, CSV ---------------------------------------------------------------------------

constexpr std::size_t k_markup_window = 1024;  // "within the first KB", as browsers sniff

// The name of the root element (lower-case), skipping the XML declaration, processing instructions,
// comments and the doctype; empty when `head` ends first.
std::string root_element(std::string_view head) {
  std::size_t i = 0;
  for (;;) {
    while (i < head.size() && is_space(head[i])) ++i;
    const std::string_view rest = head.substr(i);
    std::size_t end = std::string_view::npos, terminator = 1;
    if (starts(rest, "<?")) end = rest.find("?>"), terminator = 2;
    else if (starts(rest, "<!--")) end = rest.find("-->"), terminator = 3;
    else if (starts(rest, "<!")) end = rest.find('>');
    else if (starts(rest, "<")) {
      std::string name;
      for (std::size_t k = 1; k < rest.size() && !is_space(rest[k]) && rest[k] != '>' && rest[k] != '/'; ++k)
        name.push_back(lower(rest[k]));
      return name;
    } else {
      return {};
    }
    if (end == std::string_view::npos) return {};
    i += end + terminator;
  }
}

bool is_svg_name(std::string_view name) noexcept {
  return name == "svg" || (name.size() > 4 && name.substr(name.size() - 4) == ":svg");
}

// Text that starts with '<' (after BOM and whitespace): always refused, described as precisely as we can.
Verdict sniff_markup(std::string_view t) {
  const std::string_view head = t.substr(0, k_markup_window);
  if (starts_ci(head, "<?php")) return Verdict{K::script, "PHP script", "application/x-php"};
  // The tags WHATWG's MIME sniffing treats as HTML when they open a document.
  static constexpr std::string_view html_tags[] = {
      "<!doctype html", "<html", "<head", "<script", "<iframe", "<h1", "<div", "<font", "<table", "<a", "<style",
      "<title", "<b", "<body", "<br", "<p", "<meta", "<link", "<img", "<form", "<object", "<embed"};
  for (std::string_view tag : html_tags) {
    if (starts_ci(head, tag) && head.size() > tag.size() &&
        (is_space(head[tag.size()]) || head[tag.size()] == '>' || head[tag.size()] == '/'))
      return Verdict{K::html};
  }
  // After a prologue, the root element decides (an SVG may hold a <script>; an XHTML page an <svg>).
  const std::string root = root_element(head);
  if (is_svg_name(root)) return Verdict{K::svg};
  if (!root.empty()) {
    for (std::string_view tag : html_tags)
      if (tag.substr(1) == root) return Verdict{K::html};
    // LibreOffice's "Flat XML" documents: one XML file whose root is office:document.
    if (ends_ci(root, ":document") && contains_ci(head, "urn:oasis:names:tc:opendocument:xmlns:office"))
      return Verdict{D::odf_flat, {}, "application/vnd.oasis.opendocument"};
    if (is_alpha(root[0])) return Verdict{K::xml};
  }
  // No root element within the first KB: go by what it contains.
  if (contains_ci(head, "<svg")) return Verdict{K::svg};
  for (std::string_view marker : {"<html", "<!doctype html", "<body", "<script", "<head"})
    if (contains_ci(head, marker)) return Verdict{K::html};
  if (starts_ci(head, "<?xml") || starts_ci(head, "<!doctype")) return Verdict{K::xml};
  if (starts_ci(head, "<!--")) return Verdict{K::html};  // as browsers sniff it
  return Verdict{K::text, "text starting like markup ('<')"};
}

// Obvious scripts without "#!" (those with it are caught first). A CSV header never starts this way.
bool looks_like_script(std::string_view t) noexcept {
  for (std::string_view p : {"@echo off", "function ", "function(", "var ", "let ", "const ", "import ", "export ",
                             "'use strict'", "\"use strict\"", "(function", "<#", "param(", "set-strictmode"})
    if (starts_ci(t, p)) return true;
  return false;
}

// C0 controls other than tab, CR, LF (and DEL) never appear in a CSV. Also used as the "is this text at
// all" test for the UTF-8 path.
bool has_control_bytes(std::string_view t) noexcept {
  for (char ch : t) {
    const auto c = static_cast<std::uint8_t>(ch);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) return true;
  }
  return false;
}
// Bytes 0x81 0x8D 0x8F 0x90 0x9D are unassigned in Windows-1252.
bool plausible_windows_1252(std::string_view t) noexcept {
  std::uint64_t high = 0;
  for (char ch : t) {
    const auto c = static_cast<std::uint8_t>(ch);
    if (c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D) return false;
    if (c >= 0x80) ++high;
  }
  // French text has a few accented letters per line; binary data has half its bytes >= 0x80.
  return high * 4 <= t.size();
}

Verdict sniff_text(std::string_view b) {
  const bool bom = starts(b, "\xEF\xBB\xBF");
  const std::string_view body = bom ? b.substr(3) : b;
  std::size_t lead = 0;
  while (lead < body.size() && is_space(body[lead])) ++lead;
  const std::string_view t = body.substr(lead);
  if (!t.empty() && t[0] == '<') return sniff_markup(t);
  // A PDF header a little way in, after something other than blanks: readers accept it, we do not.
  if (b.substr(0, k_pdf_prefix_window).find("%PDF-") != std::string_view::npos) return Verdict{D::pdf_prefix};
  if (starts(t, "#!")) return Verdict{K::script, "script (#!)", "text/x-shellscript"};
  if (starts(t, "%!")) return Verdict{K::postscript};
  if (starts(t, "{\\rtf")) return Verdict{K::rtf};
  if (has_control_bytes(b)) return Verdict{K::unknown};
  std::string_view encoding = "utf-8";
  if (first_invalid_utf8(body)) {
    if (bom) return Verdict{D::text_invalid_utf8};
    if (!plausible_windows_1252(body)) return Verdict{K::unknown};
    encoding = "windows-1252";
  }
  if (t.empty()) return Verdict{K::text, "blank text (only spaces and line breaks)"};
  if ((t[0] == '{' || t[0] == '[') && nlohmann::json::accept(t.begin(), t.end())) return Verdict{K::json};
  if (looks_like_script(t)) return Verdict{K::script};
  if (const auto shape = identify_csv(body)) {
    std::string description = shape->columns == 1 ? "CSV table (one column)" : std::string();
    if (encoding != "utf-8") description = shape->columns == 1 ? "CSV table (one column, Windows-1252)" : "CSV table (Windows-1252)";
    Verdict v{K::csv, description};
    v.encoding = encoding;
    v.separator = shape->separator;
    return v;
  }
  return Verdict{K::text, encoding == "utf-8" ? std::string() : std::string("plain text (Windows-1252)")};
}

} // namespace core::sniff_detail
