// Content-based media-type detection: magic numbers, PDF structure at both ends, image headers, ZIP-based
// documents (core/zip: directory, content types, relationships), and the CSV heuristic (core/csv). See
// sniff.hpp for the decisions.
//
// [SECTION] kinds and details   [SECTION] byte helpers   [SECTION] XML attributes
// [SECTION] OpenDocument / Office Open XML   [SECTION] PDF   [SECTION] images   [SECTION] binary magics
// [SECTION] text, markup, CSV   [SECTION] public API
#include "core/formats/sniff.hpp"

#include "core/base/bytes.hpp"
#include "core/codecs/csv.hpp"
#include "core/codecs/image_header.hpp"
#include "core/codecs/utf8.hpp"
#include "core/codecs/zip.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>

namespace core {

namespace {

// [SECTION] kinds and details -------------------------------------------------------------------------

enum class K {
  pdf, png, jpeg, webp, odt, ods, odp, docx, xlsx, pptx, csv,  // accepted
  empty, html, svg, xml, json, script, exe, elf, macho, gif, tiff, bmp, heic, avif, video, audio, zip,
  gzip, bzip2, xz, seven_z, rar, legacy_office, encrypted, rtf, postscript, odf_other, macro, text_utf16, text,
  image_too_large, damaged, unknown,
};

struct KindInfo {
  K k;
  std::string_view id;
  std::string_view media_type;
  std::string_view description;
  std::string_view hint;
  bool accepted;
};

constexpr std::string_view k_odt = "application/vnd.oasis.opendocument.text";
constexpr std::string_view k_ods = "application/vnd.oasis.opendocument.spreadsheet";
constexpr std::string_view k_odp = "application/vnd.oasis.opendocument.presentation";
constexpr std::string_view k_docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
constexpr std::string_view k_xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr std::string_view k_pptx = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
constexpr std::string_view k_again = "export or print it to PDF again";
constexpr std::string_view k_resave = "open it in LibreOffice and save it again, or export it as PDF";
constexpr std::string_view k_password = "remove the password (or export it as PDF): coaches could not open it";
constexpr std::string_view k_programs = "programs are never accepted";

// Accepted kinds first. The same media types as accepted_media_types() (below); a test checks it.
constexpr KindInfo k_kinds[] = {
    {K::pdf, "pdf", "application/pdf", "PDF document", "", true},
    {K::png, "png", "image/png", "PNG image", "", true},
    {K::jpeg, "jpeg", "image/jpeg", "JPEG image", "", true},
    {K::webp, "webp", "image/webp", "WebP image", "", true},
    {K::odt, "odt", k_odt, "OpenDocument text (.odt)", "", true},
    {K::ods, "ods", k_ods, "OpenDocument spreadsheet (.ods)", "", true},
    {K::odp, "odp", k_odp, "OpenDocument presentation (.odp)", "", true},
    {K::docx, "docx", k_docx, "Word document (.docx)", "", true},
    {K::xlsx, "xlsx", k_xlsx, "Excel workbook (.xlsx)", "", true},
    {K::pptx, "pptx", k_pptx, "PowerPoint presentation (.pptx)", "", true},
    {K::csv, "csv", "text/csv", "CSV table", "", true},
    {K::empty, "empty", "application/octet-stream", "empty file", "choose the file again: it has no content", false},
    {K::html, "html", "text/html", "HTML page", "print or save the page as PDF", false},
    {K::svg, "svg", "image/svg+xml", "SVG image", "export it as PNG or PDF", false},
    {K::xml, "xml", "application/xml", "XML document", "export it as PDF (or CSV for a table)", false},
    {K::json, "json", "application/json", "JSON data", "export it as CSV or PDF", false},
    {K::script, "script", "text/plain", "script", "scripts are never accepted", false},
    {K::exe, "exe", "application/x-msdownload", "Windows executable", k_programs, false},
    {K::elf, "elf", "application/x-executable", "Linux executable (ELF)", k_programs, false},
    {K::macho, "macho", "application/x-mach-binary", "macOS executable (Mach-O)", k_programs, false},
    {K::gif, "gif", "image/gif", "GIF image", "convert it to PNG or JPEG", false},
    {K::tiff, "tiff", "image/tiff", "TIFF image", "convert it to PNG, JPEG or PDF", false},
    {K::bmp, "bmp", "image/bmp", "BMP image", "convert it to PNG or JPEG", false},
    {K::heic, "heic", "image/heic", "HEIC photo", "export it as JPEG or PNG", false},
    {K::avif, "avif", "image/avif", "AVIF image", "export it as JPEG or PNG", false},
    {K::video, "video", "video/mp4", "MP4 video", "video is not accepted", false},
    {K::audio, "audio", "audio/mpeg", "audio file", "audio is not accepted", false},
    {K::zip, "zip", "application/zip", "ZIP archive", "attach the files it contains one by one", false},
    {K::gzip, "gzip", "application/gzip", "gzip archive", "attach the files it contains one by one", false},
    {K::bzip2, "bzip2", "application/x-bzip2", "bzip2 archive", "attach the files it contains one by one", false},
    {K::xz, "xz", "application/x-xz", "xz archive", "attach the files it contains one by one", false},
    {K::seven_z, "7z", "application/x-7z-compressed", "7-Zip archive", "attach the files it contains one by one", false},
    {K::rar, "rar", "application/vnd.rar", "RAR archive", "attach the files it contains one by one", false},
    {K::legacy_office, "legacy_office", "application/x-ole-storage", "legacy Microsoft Office file",
     "save it as .docx/.xlsx/.pptx or PDF", false},
    {K::encrypted, "encrypted", "application/octet-stream", "password-protected document", k_password, false},
    {K::rtf, "rtf", "application/rtf", "RTF document", "save it as .docx, .odt or PDF", false},
    {K::postscript, "postscript", "application/postscript", "PostScript document", "convert it to PDF", false},
    {K::odf_other, "odf_other", "application/vnd.oasis.opendocument", "OpenDocument file of another kind",
     "export it as PDF, or save it as .odt, .ods or .odp", false},
    {K::macro, "macro", "application/vnd.ms-office.macroEnabled", "document with macros",
     "macros are not accepted: save it without macros (.docx/.xlsx/.pptx or .odt/.ods/.odp) or as PDF", false},
    {K::text_utf16, "text_utf16", "text/plain", "UTF-16 text", "save it as \"CSV UTF-8\" (or PDF)", false},
    {K::text, "text", "text/plain", "plain text", "save it as PDF, or as CSV if it is a table", false},
    {K::image_too_large, "image_too_large", "application/octet-stream", "image too large",
     "reduce it to at most 100 megapixels (12000×8000, for example)", false},
    {K::damaged, "damaged", "application/octet-stream", "damaged file", "it looks damaged or truncated: export it again", false},
    {K::unknown, "unknown", "application/octet-stream", "unrecognised binary data", "", false},
};

const KindInfo& info(K k) noexcept {
  for (const auto& i : k_kinds)
    if (i.k == k) return i;
  return k_kinds[sizeof k_kinds / sizeof k_kinds[0] - 1];
}

// The precise findings within a kind that deserve their own words and advice (in both catalogs too).
enum class D {
  none,
  pdf_no_version, pdf_prefix, pdf_truncated, pdf_archive_appended, pdf_data_appended, pdf_encrypted,
  png_damaged, jpeg_damaged, webp_damaged,
  zip_damaged, zip_unsupported, zip_too_many, zip_duplicate, zip_encrypted,
  odf_damaged, odf_mimetype_order, odf_mimetype_value, odf_mimetype_stored, odf_incomplete, odf_encrypted, odf_macro,
  odf_template, odf_flat, odf_drawing, odf_other_type,
  ooxml_damaged, ooxml_ambiguous, ooxml_other, ooxml_template, ooxml_macro, ooxml_encrypted,
  epub, jar, apk,
  text_utf32, text_invalid_utf8,
};

struct DetailInfo {
  D d;
  std::string_view id;
  K kind;
  std::string_view description;
  std::string_view hint;  // empty: the kind's
};

constexpr DetailInfo k_details[] = {
    {D::pdf_no_version, "pdf_no_version", K::damaged, "damaged PDF document (no version in its header)", k_again},
    {D::pdf_prefix, "pdf_prefix", K::damaged, "PDF document with unexpected bytes before its header",
     "export or print it to PDF again (data before the header is how files pretending to be two formats are made)"},
    {D::pdf_truncated, "pdf_truncated", K::damaged, "truncated PDF document (its end is missing)",
     "download or export it again: the file was cut short"},
    {D::pdf_archive_appended, "pdf_archive_appended", K::damaged, "PDF document with a ZIP archive appended",
     "export or print it to PDF again, and attach any other file on its own"},
    {D::pdf_data_appended, "pdf_data_appended", K::damaged, "PDF document followed by other data", k_again},
    {D::pdf_encrypted, "pdf_encrypted", K::encrypted, "password-protected PDF document",
     "remove the password or the restrictions (print it to a new PDF): coaches could not open it"},
    {D::png_damaged, "png_damaged", K::damaged, "damaged PNG image", "export it again as PNG or JPEG"},
    {D::jpeg_damaged, "jpeg_damaged", K::damaged, "damaged JPEG image (no frame header)", "export it again as JPEG or PNG"},
    {D::webp_damaged, "webp_damaged", K::damaged, "damaged WebP image", "export it again as WebP, PNG or JPEG"},
    {D::zip_damaged, "zip_damaged", K::damaged, "damaged ZIP archive", ""},
    {D::zip_unsupported, "zip_unsupported", K::zip, "ZIP64 or multi-part ZIP archive", ""},
    {D::zip_too_many, "zip_too_many", K::zip, "ZIP archive with too many entries", ""},
    {D::zip_duplicate, "zip_duplicate", K::damaged, "ZIP-based file with two entries of the same name",
     "save it again from the program that made it, or export it as PDF"},
    {D::zip_encrypted, "zip_encrypted", K::encrypted, "ZIP-based file with encrypted entries", ""},
    {D::odf_damaged, "odf_damaged", K::damaged, "damaged OpenDocument file", k_resave},
    {D::odf_mimetype_order, "odf_mimetype_order", K::damaged,
     "non-conforming OpenDocument file ('mimetype' is not the first entry)", k_resave},
    {D::odf_mimetype_value, "odf_mimetype_value", K::damaged,
     "non-conforming OpenDocument file ('mimetype' is not exactly the media type)", k_resave},
    {D::odf_mimetype_stored, "odf_mimetype_stored", K::damaged,
     "non-conforming OpenDocument file ('mimetype' compressed or with extra data)", k_resave},
    {D::odf_incomplete, "odf_incomplete", K::damaged, "incomplete OpenDocument file (no content.xml)", k_resave},
    {D::odf_encrypted, "odf_encrypted", K::encrypted, "password-protected OpenDocument file",
     "save it again without a password (File > Properties > Security in LibreOffice), or export it as PDF"},
    {D::odf_macro, "odf_macro", K::macro, "OpenDocument file with macros", ""},
    {D::odf_template, "odf_template", K::odf_other, "OpenDocument template",
     "create a document from the template and save that as .odt, .ods or .odp (or export it as PDF)"},
    {D::odf_flat, "odf_flat", K::odf_other, "flat OpenDocument XML file (.fodt, .fods, .fodp)",
     "save it as .odt, .ods or .odp (not \"Flat XML\"), or export it as PDF"},
    {D::odf_drawing, "odf_drawing", K::odf_other, "OpenDocument drawing (.odg)", "export it as PDF or PNG"},
    {D::odf_other_type, "odf_other_type", K::odf_other, "OpenDocument file of another kind", ""},
    {D::ooxml_damaged, "ooxml_damaged", K::damaged, "damaged Office document",
     "open it in Office or LibreOffice and save it again, or export it as PDF"},
    {D::ooxml_ambiguous, "ooxml_ambiguous", K::damaged, "ambiguous Office document (several main parts)",
     "save it again from the program that made it, or export it as PDF"},
    {D::ooxml_other, "ooxml_other", K::zip, "Office Open XML package of another kind (Visio, XPS…)", "export it as PDF"},
    {D::ooxml_template, "ooxml_template", K::zip, "Office template (.dotx, .xltx, .potx)",
     "create a document from the template and save that as .docx, .xlsx or .pptx (or export it as PDF)"},
    {D::ooxml_macro, "ooxml_macro", K::macro, "Office document with macros", ""},
    {D::ooxml_encrypted, "ooxml_encrypted", K::encrypted, "password-protected Office document",
     "remove the password (File > Info > Protect in Office) and save it again, or export it as PDF"},
    {D::epub, "epub", K::zip, "EPUB e-book", "export it as PDF"},
    {D::jar, "jar", K::zip, "Java archive (.jar)", k_programs},
    {D::apk, "apk", K::zip, "Android application (.apk)", k_programs},
    {D::text_utf32, "text_utf32", K::text_utf16, "UTF-32 text", ""},
    {D::text_invalid_utf8, "text_invalid_utf8", K::text, "text with invalid UTF-8", "save it as \"CSV UTF-8\" again"},
};

const DetailInfo* detail_info(D d) noexcept {
  for (const auto& i : k_details)
    if (i.d == d) return &i;
  return nullptr;
}

// What a detector found: a kind (or a detail, which implies its kind), optionally with a more precise
// description, media type or encoding.
struct Verdict {
  K kind = K::unknown;
  std::string description = {};
  std::string_view media_type = {};
  std::string_view encoding = {};
  D detail = D::none;
  char separator = '\0';
  std::optional<ImageHeader> image = {};

  Verdict() = default;
  Verdict(K k, std::string desc = {}, std::string_view type = {}) : kind(k), description(std::move(desc)), media_type(type) {}
  Verdict(D d, std::string desc = {}, std::string_view type = {})  // NOLINT: a detail stands for its kind
      : kind(detail_info(d) ? detail_info(d)->kind : K::unknown), description(std::move(desc)), media_type(type), detail(d) {}
};

// [SECTION] byte helpers -------------------------------------------------------------------------------

using namespace core::bytes;

bool starts_ci(std::string_view s, std::string_view prefix) noexcept {
  return s.size() >= prefix.size() && equal_ci(s.substr(0, prefix.size()), prefix);
}
bool ends_ci(std::string_view s, std::string_view suffix) noexcept {
  return s.size() >= suffix.size() && equal_ci(s.substr(s.size() - suffix.size()), suffix);
}
// `needle` must be lower-case.
bool contains_ci(std::string_view hay, std::string_view needle) noexcept {
  if (needle.empty()) return true;
  for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i)
    if (lower(hay[i]) == needle[0] && equal_ci(hay.substr(i, needle.size()), needle)) return true;
  return false;
}
bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_alpha(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// [SECTION] XML attributes ---------------------------------------------------------------------------
// [Content_Types].xml and the relationship parts are read as Office reads them: attribute values with
// their entities decoded ("macro&#x45;nabled" is "macroEnabled"). A DTD (which could define entities) is
// forbidden in OPC packages (ECMA-376 part 2, 8.1.4): its presence makes the package damaged.

struct XmlAttribute {
  std::string_view name;  // local name (any prefix dropped)
  std::string value;      // entities decoded
};

std::string_view local_name(std::string_view qname) noexcept {
  const std::size_t colon = qname.rfind(':');
  return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}

// Appends `raw` with its five predefined and numeric character references decoded; false on any other.
bool decode_entities(std::string_view raw, std::string& out) {
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '&') {
      out.push_back(raw[i]);
      continue;
    }
    const std::size_t semi = raw.find(';', i);
    if (semi == std::string_view::npos || semi - i > 12) return false;
    const std::string_view ref = raw.substr(i + 1, semi - i - 1);
    i = semi;
    if (ref == "lt") out.push_back('<');
    else if (ref == "gt") out.push_back('>');
    else if (ref == "amp") out.push_back('&');
    else if (ref == "quot") out.push_back('"');
    else if (ref == "apos") out.push_back('\'');
    else if (ref.size() >= 2 && ref[0] == '#') {
      const bool hex = ref[1] == 'x';
      const std::string_view digits = ref.substr(hex ? 2 : 1);
      if (digits.empty()) return false;
      std::uint32_t cp = 0;
      for (char c : digits) {
        std::uint32_t v = 0;
        if (is_digit(c)) v = static_cast<std::uint32_t>(c - '0');
        else if (hex && lower(c) >= 'a' && lower(c) <= 'f') v = static_cast<std::uint32_t>(lower(c) - 'a' + 10);
        else return false;
        cp = cp * (hex ? 16u : 10u) + v;
        if (cp > 0x10FFFF) return false;
      }
      if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
      append_utf8(out, static_cast<char32_t>(cp));
    } else {
      return false;
    }
  }
  return true;
}

// UTF-16 XML (allowed by OPC) as UTF-8, so that it is read like the rest.
std::string as_utf8_xml(std::string text) {
  const bool le = starts(text, "\xFF\xFE"), be = starts(text, "\xFE\xFF");
  if (!le && !be) return text;
  std::string out;
  for (std::size_t i = 2; i + 1 < text.size(); i += 2) {
    const auto lo = static_cast<std::uint8_t>(text[le ? i : i + 1]), hi = static_cast<std::uint8_t>(text[le ? i + 1 : i]);
    const char32_t unit = static_cast<char32_t>(lo | (hi << 8));
    append_utf8(out, unit >= 0xD800 && unit <= 0xDFFF ? U'\uFFFD' : unit);
  }
  return out;
}

// Calls `on(local element name, attributes)` for each start tag; false when the XML has a DTD, an
// unterminated tag or an undecodable attribute value.
template <class F>
bool scan_xml(std::string_view xml, F&& on) {
  std::size_t i = 0;
  std::vector<XmlAttribute> attrs;
  while ((i = xml.find('<', i)) != std::string_view::npos) {
    const std::string_view rest = xml.substr(i);
    if (starts(rest, "<!--")) {
      const std::size_t end = rest.find("-->");
      if (end == std::string_view::npos) return false;
      i += end + 3;
      continue;
    }
    if (starts(rest, "<!")) return false;  // DOCTYPE, ENTITY, CDATA: none belongs here
    if (starts(rest, "<?") || starts(rest, "</")) {
      const std::size_t end = rest.find('>');
      if (end == std::string_view::npos) return false;
      i += end + 1;
      continue;
    }
    std::size_t k = 1;
    while (k < rest.size() && !is_space(rest[k]) && rest[k] != '>' && rest[k] != '/') ++k;
    const std::string_view name = local_name(rest.substr(1, k - 1));
    attrs.clear();
    for (;;) {
      while (k < rest.size() && is_space(rest[k])) ++k;
      if (k >= rest.size()) return false;
      if (rest[k] == '>' || rest[k] == '/') break;
      const std::size_t name_start = k;
      while (k < rest.size() && rest[k] != '=' && !is_space(rest[k]) && rest[k] != '>') ++k;
      const std::string_view attr_name = rest.substr(name_start, k - name_start);
      while (k < rest.size() && is_space(rest[k])) ++k;
      if (k >= rest.size() || rest[k] != '=') return false;
      ++k;
      while (k < rest.size() && is_space(rest[k])) ++k;
      if (k >= rest.size() || (rest[k] != '"' && rest[k] != '\'')) return false;
      const char quote = rest[k++];
      const std::size_t close = rest.find(quote, k);
      if (close == std::string_view::npos) return false;
      XmlAttribute a{local_name(attr_name), {}};
      if (!decode_entities(rest.substr(k, close - k), a.value)) return false;
      attrs.push_back(std::move(a));
      k = close + 1;
    }
    on(name, attrs);
    const std::size_t end = rest.find('>', k);
    if (end == std::string_view::npos) return false;
    i += end + 1;
  }
  return true;
}

std::string_view attr(const std::vector<XmlAttribute>& attrs, std::string_view name) noexcept {
  for (const auto& a : attrs)
    if (a.name == name) return a.value;
  return {};
}

// [SECTION] OpenDocument / Office Open XML --------------------------------------------------------------

struct OdfType {
  std::string_view media_type;
  std::string_view description;
  D detail;
};
// Refused OpenDocument types, for a precise message.
constexpr OdfType k_other_odf[] = {
    {"application/vnd.oasis.opendocument.graphics", "OpenDocument drawing (.odg)", D::odf_drawing},
    {"application/vnd.oasis.opendocument.chart", "OpenDocument chart (.odc)", D::odf_other_type},
    {"application/vnd.oasis.opendocument.formula", "OpenDocument formula (.odf)", D::odf_other_type},
    {"application/vnd.oasis.opendocument.image", "OpenDocument image (.odi)", D::odf_other_type},
    {"application/vnd.oasis.opendocument.text-master", "OpenDocument master document (.odm)", D::odf_other_type},
    {"application/vnd.oasis.opendocument.text-web", "OpenDocument web page template (.oth)", D::odf_template},
    {"application/vnd.oasis.opendocument.base", "OpenDocument database (.odb)", D::odf_other_type},
    {"application/vnd.oasis.opendocument.text-template", "OpenDocument text template (.ott)", D::odf_template},
    {"application/vnd.oasis.opendocument.spreadsheet-template", "OpenDocument spreadsheet template (.ots)", D::odf_template},
    {"application/vnd.oasis.opendocument.presentation-template", "OpenDocument presentation template (.otp)", D::odf_template},
    {"application/vnd.oasis.opendocument.graphics-template", "OpenDocument drawing template (.otg)", D::odf_template},
};

std::optional<Verdict> sniff_opendocument(std::string_view b, const zip::Directory& d) {
  const zip::Entry* first = nullptr;
  for (const auto& z : d.entries)
    if (z.local_offset == 0) first = &z;
  if (first == nullptr || first->name != "mimetype") {
    // An OpenDocument package whose "mimetype" is not first (some zip tools reorder entries).
    const zip::Entry* mimetype = d.find("mimetype");
    if (mimetype != nullptr && d.find("content.xml") != nullptr) {
      const auto value = zip::entry_content(b, d, *mimetype, 256);
      if (value && starts_ci(*value, "application/vnd.oasis.opendocument.")) return Verdict{D::odf_mimetype_order};
    }
    return std::nullopt;
  }
  const auto value = zip::entry_content(b, d, *first, 256);
  if (!value) return Verdict{D::odf_damaged};
  K kind = K::unknown;
  if (*value == k_odt) kind = K::odt;
  else if (*value == k_ods) kind = K::ods;
  else if (*value == k_odp) kind = K::odp;
  if (kind == K::unknown) {
    for (const std::string_view type : {k_odt, k_ods, k_odp}) {
      // "mimetype" must hold exactly the type; a trailing newline is a common mistake of hand-made packages.
      std::string_view v = *value;
      while (!v.empty() && is_space(v.back())) v.remove_suffix(1);
      if (v == type) return Verdict{D::odf_mimetype_value};
    }
    for (const auto& t : k_other_odf)
      if (*value == t.media_type) return Verdict{t.detail, std::string(t.description), t.media_type};
    if (starts_ci(*value, "application/vnd.oasis.opendocument.")) return Verdict{D::odf_other_type};
    if (*value == "application/epub+zip") return Verdict{D::epub, {}, "application/epub+zip"};
    return std::nullopt;  // some other "mimetype"-first package: let the generic checks describe it
  }
  // The specification's rules, which are what make the type knowable from the first bytes.
  if (first->method != 0 || first->local_extra != 0) return Verdict{D::odf_mimetype_stored};
  if (d.find("content.xml") == nullptr) return Verdict{D::odf_incomplete};
  const std::string_view type = info(kind).media_type;
  for (const auto& z : d.entries) {
    if (z.name.substr(0, 6) == "Basic/" || z.name.substr(0, 8) == "Scripts/") {
      if (kind == K::odt) return Verdict{D::odf_macro, "OpenDocument text with macros", type};
      if (kind == K::ods) return Verdict{D::odf_macro, "OpenDocument spreadsheet with macros", type};
      return Verdict{D::odf_macro, "OpenDocument presentation with macros", type};
    }
  }
  // A password-protected package keeps its structure but encrypts its parts; only the manifest says so.
  if (const zip::Entry* manifest = d.find("META-INF/manifest.xml")) {
    const auto text = zip::entry_content(b, d, *manifest, std::size_t{1} << 20);
    if (!text) return Verdict{D::odf_damaged};
    if (contains_ci(*text, "encryption-data")) return Verdict{D::odf_encrypted, {}, type};
  }
  return Verdict{kind};
}

// Media types (or relationship types) that mean VBA, Excel 4 macro sheets or a macro-enabled part.
bool names_macros(std::string_view type) noexcept {
  return contains_ci(type, "macroenabled") || contains_ci(type, "vbaproject") || contains_ci(type, "macrosheet") ||
         contains_ci(type, "vbadata");
}

struct ContentTypes {
  std::vector<std::pair<std::string, std::string>> defaults;   // extension, type
  std::vector<std::pair<std::string, std::string>> overrides;  // part name (no leading '/'), type
  bool macros = false;

  std::string_view type_of(std::string_view part) const noexcept {
    for (const auto& [name, type] : overrides)
      if (equal_ci(name, part)) return type;
    const std::size_t dot = part.rfind('.');
    const std::string_view ext = dot == std::string_view::npos ? std::string_view{} : part.substr(dot + 1);
    for (const auto& [e, type] : defaults)
      if (equal_ci(e, ext)) return type;
    return {};
  }
};

std::string_view without_slash(std::string_view s) noexcept {
  while (!s.empty() && s.front() == '/') s.remove_prefix(1);
  return s;
}

std::optional<ContentTypes> read_content_types(const std::string& xml) {
  ContentTypes ct;
  const bool ok = scan_xml(xml, [&](std::string_view name, const std::vector<XmlAttribute>& attrs) {
    if (name == "Default") ct.defaults.emplace_back(std::string(attr(attrs, "Extension")), std::string(attr(attrs, "ContentType")));
    if (name == "Override")
      ct.overrides.emplace_back(std::string(without_slash(attr(attrs, "PartName"))), std::string(attr(attrs, "ContentType")));
  });
  if (!ok || !contains_ci(xml, "<types")) return std::nullopt;
  for (const auto& [k, type] : ct.defaults) ct.macros = ct.macros || names_macros(type);
  for (const auto& [k, type] : ct.overrides) ct.macros = ct.macros || names_macros(type);
  return ct;
}

std::optional<Verdict> sniff_office_open_xml(std::string_view b, const zip::Directory& d) {
  const zip::Entry* types = d.find_ci("[Content_Types].xml");
  if (types == nullptr) return std::nullopt;
  const auto raw = zip::entry_content(b, d, *types, std::size_t{1} << 20);
  if (!raw) return Verdict{D::ooxml_damaged};
  const auto ct = read_content_types(as_utf8_xml(*raw));
  if (!ct) return Verdict{D::ooxml_damaged};

  // What Office loads is what relationships point at: every relationship part is read, and one that
  // names a VBA project or a macro sheet (whatever its file is called) makes the document macro-enabled.
  bool macros = ct->macros;
  std::string main_part;
  for (const auto& z : d.entries) {
    const std::size_t slash = z.name.rfind('/');
    const std::string_view base = slash == std::string_view::npos ? z.name : z.name.substr(slash + 1);
    if (equal_ci(base, "vbaProject.bin") || equal_ci(base, "vbaProjectSignature.bin") || starts_ci(z.name, "xl/macrosheets/"))
      macros = true;
    if (!ends_ci(z.name, ".rels")) continue;
    const auto rels = zip::entry_content(b, d, z, std::size_t{1} << 20);
    if (!rels) return Verdict{D::ooxml_damaged};
    const bool package_rels = equal_ci(z.name, "_rels/.rels");
    const bool ok = scan_xml(as_utf8_xml(*rels), [&](std::string_view name, const std::vector<XmlAttribute>& attrs) {
      if (name != "Relationship") return;
      const std::string_view type = attr(attrs, "Type");
      if (names_macros(type)) macros = true;
      if (package_rels && main_part.empty() && ends_ci(type, "/officeDocument") && !equal_ci(attr(attrs, "TargetMode"), "External"))
        main_part = std::string(without_slash(attr(attrs, "Target")));
    });
    if (!ok) return Verdict{D::ooxml_damaged};
  }

  const bool word = d.find_ci("word/document.xml") != nullptr;
  const bool excel = d.find_ci("xl/workbook.xml") != nullptr;
  const bool powerpoint = d.find_ci("ppt/presentation.xml") != nullptr;
  if (int{word} + int{excel} + int{powerpoint} > 1) return Verdict{D::ooxml_ambiguous};
  if (main_part.empty()) {
    if (!word && !excel && !powerpoint) return Verdict{D::ooxml_other, {}, "application/zip"};
    return Verdict{D::ooxml_damaged};  // a main part, but no relationship to it: Office cannot open it
  }
  if (d.find_ci(main_part) == nullptr) return Verdict{D::ooxml_damaged};
  const std::string_view main_type = ct->type_of(main_part);
  const std::string_view ooxml = "application/vnd.openxmlformats-officedocument.";
  std::optional<K> kind;
  bool is_template = false;
  if (equal_ci(main_type, std::string(ooxml) + "wordprocessingml.document.main+xml")) kind = K::docx;
  else if (equal_ci(main_type, std::string(ooxml) + "spreadsheetml.sheet.main+xml")) kind = K::xlsx;
  // A slide show (.ppsx) is a presentation that opens playing; PowerPoint opens it as .pptx too.
  else if (equal_ci(main_type, std::string(ooxml) + "presentationml.presentation.main+xml") ||
           equal_ci(main_type, std::string(ooxml) + "presentationml.slideshow.main+xml"))
    kind = K::pptx;
  else if (contains_ci(main_type, "wordprocessingml.template") || contains_ci(main_type, "spreadsheetml.template") ||
           contains_ci(main_type, "presentationml.template"))
    is_template = true;
  if (macros || names_macros(main_type)) {
    if (word || contains_ci(main_type, "word"))
      return Verdict{D::ooxml_macro, "macro-enabled Word document (.docm)", "application/vnd.ms-word.document.macroEnabled.12"};
    if (excel || contains_ci(main_type, "excel"))
      return Verdict{D::ooxml_macro, "macro-enabled Excel workbook (.xlsm)", "application/vnd.ms-excel.sheet.macroEnabled.12"};
    return Verdict{D::ooxml_macro, "macro-enabled PowerPoint presentation (.pptm)",
                   "application/vnd.ms-powerpoint.presentation.macroEnabled.12"};
  }
  if (is_template) return Verdict{D::ooxml_template, {}, "application/zip"};
  if (!kind) return Verdict{D::ooxml_other, {}, "application/zip"};
  // The main part's name must agree with its type (the names other readers go by).
  const bool names_agree = (kind == K::docx && word) || (kind == K::xlsx && excel) || (kind == K::pptx && powerpoint);
  if (!names_agree) return Verdict{D::ooxml_ambiguous};
  return Verdict{*kind};
}

Verdict sniff_zip(std::string_view b) {
  const zip::Directory d = zip::read_directory(b);
  switch (d.error) {
    case zip::Error::none: break;
    case zip::Error::unsupported: return Verdict{D::zip_unsupported};
    case zip::Error::too_many_entries: return Verdict{D::zip_too_many};
    case zip::Error::duplicate_name: return Verdict{D::zip_duplicate};
    case zip::Error::encrypted: return Verdict{D::zip_encrypted};
    case zip::Error::damaged:
      // Name what it was meant to be from the first local header, for a useful message.
      if (has_at(b, 30, "mimetype")) return Verdict{D::odf_damaged};
      if (has_at(b, 30, "[Content_Types].xml")) return Verdict{D::ooxml_damaged};
      return Verdict{D::zip_damaged};
  }
  if (auto v = sniff_opendocument(b, d)) return *v;
  if (auto v = sniff_office_open_xml(b, d)) return *v;
  if (d.find("AndroidManifest.xml") != nullptr && d.find("classes.dex") != nullptr)
    return Verdict{D::apk, {}, "application/vnd.android.package-archive"};
  if (d.find_ci("META-INF/MANIFEST.MF") != nullptr) {
    for (const auto& z : d.entries)
      if (ends_ci(z.name, ".class")) return Verdict{D::jar, {}, "application/java-archive"};
  }
  return Verdict{K::zip};
}

// [SECTION] PDF ---------------------------------------------------------------------------------------
// A reader finds a PDF's cross-reference table from its end ("startxref", an offset, "%%EOF" within the
// last KB; without them it rebuilds the table, if it can): a file that does not end with "%%EOF" was cut
// short, whatever its first bytes say. What follows the
// last "%%EOF" must be blank: an archive appended there (zip -A) makes a file that is two formats at once.
// "/Encrypt" in a trailer (classic or cross-reference stream) means a password or restrictions: all are
// refused, since telling whether the empty user password opens one takes the key derivation of each
// revision (MD5, RC4, AES, SHA-2), which core does not carry; printing to a new PDF removes both.

constexpr std::size_t k_pdf_prefix_window = 1024;  // readers accept the header this far in

bool is_pdf_blank(char c) noexcept { return is_space(c) || c == '\0'; }

// Where "%PDF-" starts, when only a BOM and blanks come before it (as readers accept); nullopt otherwise.
std::optional<std::size_t> pdf_header_offset(std::string_view b) noexcept {
  std::size_t i = starts(b, "\xEF\xBB\xBF") ? 3 : 0;
  while (i < b.size() && i < k_pdf_prefix_window && is_pdf_blank(b[i])) ++i;
  if (has_at(b, i, "%PDF-")) return i;
  return std::nullopt;
}

bool has_encrypt_key(std::string_view b) noexcept {
  for (std::size_t at = b.find("/Encrypt"); at != std::string_view::npos; at = b.find("/Encrypt", at + 1)) {
    const std::size_t next = at + 8;
    // "/Encrypt 12 0 R" or "/Encrypt<<…>>", not "/EncryptMetadata" (which only appears inside one anyway).
    if (next < b.size() && (is_pdf_blank(b[next]) || b[next] == '<' || is_digit(b[next]))) return true;
  }
  return false;
}

Verdict sniff_pdf(std::string_view b, std::size_t header) {
  const std::string_view pdf = b.substr(header);
  if (!(fits(pdf, 0, 6) && is_digit(pdf[5]))) return Verdict{D::pdf_no_version};
  const std::size_t eof = pdf.rfind("%%EOF");
  if (eof == std::string_view::npos) return Verdict{D::pdf_truncated};
  const std::string_view after = pdf.substr(eof + 5);
  if (!std::all_of(after.begin(), after.end(), is_pdf_blank)) {
    if (after.find("PK\x03\x04") != std::string_view::npos || after.find("PK\x05\x06") != std::string_view::npos)
      return Verdict{D::pdf_archive_appended};
    return Verdict{D::pdf_data_appended};
  }
  if (has_encrypt_key(pdf)) return Verdict{D::pdf_encrypted, {}, "application/pdf"};
  return Verdict{K::pdf};
}

// [SECTION] images ------------------------------------------------------------------------------------

std::string pixel_size(const ImageHeader& h) {
  return std::to_string(h.width) + "×" + std::to_string(h.height) + " pixels";
}

Verdict sniff_image(std::string_view b, K kind, D damaged) {
  const auto h = read_image_header(b);
  if (!h) return Verdict{damaged};
  if (h->pixels() > max_image_pixels)
    return Verdict{K::image_too_large, std::string(info(kind).description) + " too large (" + pixel_size(*h) + ")",
                   info(kind).media_type};
  Verdict v{kind};
  v.image = h;
  return v;
}

// [SECTION] binary magics -----------------------------------------------------------------------------

// ISO base media files (MP4, QuickTime, HEIF, AVIF): "ftyp" box first, classified by its brands.
std::optional<Verdict> sniff_iso_media(std::string_view b) {
  if (!has_at(b, 4, "ftyp") || !fits(b, 0, 12)) return std::nullopt;
  const std::uint32_t box = be32(b, 0);
  if (box < 12) return std::nullopt;
  const std::string_view major = slice(b, 8, 4);
  for (std::string_view brand : {"heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs"})
    if (major == brand) return Verdict{K::heic};
  if (major == "avif" || major == "avis") return Verdict{K::avif};
  if (major == "mif1" || major == "msf1") {
    // Generic HEIF: the compatible brands (after the minor version) say which codec.
    const std::uint64_t end = std::min<std::uint64_t>(box, b.size());
    for (std::uint64_t at = 16; at + 4 <= end; at += 4) {
      if (slice(b, at, 4) == "avif") return Verdict{K::avif};
      if (slice(b, at, 4) == "heic" || slice(b, at, 4) == "heix") return Verdict{K::heic};
    }
    return Verdict{K::heic, "HEIF image", "image/heif"};
  }
  if (major == "qt  ") return Verdict{K::video, "QuickTime video", "video/quicktime"};
  if (major == "M4A " || major == "M4B " || major == "M4P ") return Verdict{K::audio, "MPEG-4 audio", "audio/mp4"};
  return Verdict{K::video};
}

std::optional<Verdict> sniff_binary_magic(std::string_view b) {
  if (const auto pdf = pdf_header_offset(b)) return sniff_pdf(b, *pdf);
  if (starts(b, "\x89PNG\r\n\x1a\n")) return sniff_image(b, K::png, D::png_damaged);
  if (starts(b, "\xFF\xD8\xFF")) return sniff_image(b, K::jpeg, D::jpeg_damaged);
  if (starts(b, "RIFF") && fits(b, 0, 12)) {
    const std::string_view form = slice(b, 8, 4);
    if (form == "WEBP") return sniff_image(b, K::webp, D::webp_damaged);
    if (form == "WAVE") return Verdict{K::audio, "WAV audio", "audio/wav"};
    if (form == "AVI ") return Verdict{K::video, "AVI video", "video/x-msvideo"};
  }
  if (starts(b, "PK\x03\x04") || starts(b, "PK\x05\x06") || starts(b, "PK\x07\x08")) return sniff_zip(b);
  if (starts(b, "GIF87a") || starts(b, "GIF89a")) return Verdict{K::gif};
  if (starts(b, std::string_view("II*\0", 4)) || starts(b, std::string_view("MM\0*", 4)) ||
      starts(b, std::string_view("II+\0", 4)) || starts(b, std::string_view("MM\0+", 4)))
    return Verdict{K::tiff};
  // "BM" alone could start a line of text: also require the zero reserved field and a known DIB size.
  if (starts(b, "BM") && fits(b, 0, 18) && le32(b, 6) == 0) {
    const std::uint32_t dib = le32(b, 14);
    if (dib == 12 || dib == 40 || dib == 52 || dib == 56 || dib == 64 || dib == 108 || dib == 124) return Verdict{K::bmp};
  }
  if (auto v = sniff_iso_media(b)) return v;
  if (starts(b, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
    // A password-protected .docx/.xlsx/.pptx is an OLE2 file holding an "EncryptedPackage" stream.
    static constexpr char encrypted_package[] = "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";
    if (b.find(std::string_view(encrypted_package, sizeof encrypted_package - 1)) != std::string_view::npos)
      return Verdict{D::ooxml_encrypted, {}, "application/x-ole-storage"};
    return Verdict{K::legacy_office};
  }
  if (starts(b, "{\\rtf")) return Verdict{K::rtf};
  // "MZ" alone could start text too: a real DOS/PE header has NULs, and PE files point at "PE\0\0".
  if (starts(b, "MZ") && fits(b, 0, 64)) {
    const std::uint64_t pe = le32(b, 0x3C);
    if (has_at(b, pe, std::string_view("PE\0\0", 4))) return Verdict{K::exe};
    if (slice(b, 0, 64).find('\0') != std::string_view::npos) return Verdict{K::exe, "DOS executable"};
  }
  if (starts(b, "\x7F" "ELF")) return Verdict{K::elf};
  if (starts(b, "\xFE\xED\xFA\xCE") || starts(b, "\xFE\xED\xFA\xCF") || starts(b, "\xCE\xFA\xED\xFE") ||
      starts(b, "\xCF\xFA\xED\xFE"))
    return Verdict{K::macho};
  // Universal binaries share CA FE BA BE with Java classes; a small architecture count tells them apart.
  if ((starts(b, "\xCA\xFE\xBA\xBE") || starts(b, "\xCA\xFE\xBA\xBF")) && fits(b, 0, 8)) {
    const std::uint32_t n = be32(b, 4);
    if (n >= 1 && n <= 30) return Verdict{K::macho, "macOS universal executable (Mach-O)"};
  }
  if (starts(b, "\x1F\x8B")) return Verdict{K::gzip};
  if (starts(b, "BZh") && has_at(b, 4, "1AY&SY")) return Verdict{K::bzip2};
  if (starts(b, std::string_view("\xFD" "7zXZ\0", 6))) return Verdict{K::xz};
  if (starts(b, "7z\xBC\xAF\x27\x1C")) return Verdict{K::seven_z};
  if (starts(b, "Rar!\x1A\x07")) return Verdict{K::rar};
  if (starts(b, "\x1A\x45\xDF\xA3")) return Verdict{K::video, "WebM/Matroska video", "video/webm"};
  // Short text-like magics: also require the binary byte that follows them, so a CSV can start "ID3;".
  if (starts(b, std::string_view("OggS\0", 5))) return Verdict{K::audio, "Ogg audio", "audio/ogg"};
  if (starts(b, "fLaC") && fits(b, 0, 5) && (u8(b, 4) & 0x7Fu) == 0) return Verdict{K::audio, "FLAC audio", "audio/flac"};
  if (starts(b, "ID3") && fits(b, 0, 4) && u8(b, 3) >= 2 && u8(b, 3) <= 4) return Verdict{K::audio, "MP3 audio", "audio/mpeg"};
  if (starts(b, std::string_view("\0\0\xFE\xFF", 4)) || starts(b, std::string_view("\xFF\xFE\0\0", 4)))
    return Verdict{D::text_utf32};
  if (starts(b, "\xFF\xFE") || starts(b, "\xFE\xFF")) return Verdict{K::text_utf16};
  return std::nullopt;
}

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

Sniff make_sniff(const Verdict& v) {
  const KindInfo& i = info(v.kind);
  const DetailInfo* d = detail_info(v.detail);
  Sniff s;
  s.kind = std::string(i.id);
  s.detail = d ? std::string(d->id) : std::string();
  s.media_type = std::string(v.media_type.empty() ? i.media_type : v.media_type);
  s.description = !v.description.empty() ? v.description : d ? std::string(d->description) : std::string(i.description);
  s.hint = std::string(d && !d->hint.empty() ? d->hint : i.hint);
  s.encoding = std::string(v.encoding);
  s.separator = v.separator;
  if (v.image) {
    s.width = v.image->width;
    s.height = v.image->height;
    s.orientation = v.image->orientation;
  }
  s.accepted = i.accepted;
  return s;
}

} // namespace

// [SECTION] public API ----------------------------------------------------------------------------------

Sniff sniff_media_type(std::string_view bytes) noexcept {
  if (bytes.empty()) return make_sniff(Verdict{K::empty});
  if (auto v = sniff_binary_magic(bytes)) return make_sniff(*v);
  return make_sniff(sniff_text(bytes));
}

std::string_view describe_media_type(std::string_view media_type) noexcept {
  for (const auto& i : k_kinds)
    if (i.media_type == media_type) return i.description;
  for (const auto& t : k_other_odf)
    if (t.media_type == media_type) return t.description;
  return {};
}

std::string sniff_refusal_message(const Sniff& sniff) {
  if (sniff.accepted) return {};
  std::string m = "Not accepted: " + (sniff.description.empty() ? std::string("unknown content") : sniff.description);
  if (!sniff.hint.empty()) m += " (" + sniff.hint + ")";
  m += ". Accepted: PDF, PNG, JPEG, WebP, OpenDocument (.odt, .ods, .odp), Office (.docx, .xlsx, .pptx) and CSV.";
  return m;
}

const std::vector<std::string_view>& sniff_kinds() noexcept {
  static const std::vector<std::string_view> ids = [] {
    std::vector<std::string_view> v;
    for (const auto& i : k_kinds) v.push_back(i.id);
    return v;
  }();
  return ids;
}

const std::vector<std::string_view>& sniff_details() noexcept {
  static const std::vector<std::string_view> ids = [] {
    std::vector<std::string_view> v;
    for (const auto& i : k_details) v.push_back(i.id);
    return v;
  }();
  return ids;
}

std::string_view sniff_hint(std::string_view id) noexcept {
  for (const auto& i : k_kinds)
    if (i.id == id) return i.hint;
  for (const auto& i : k_details)
    if (i.id == id) return i.hint;
  return {};
}

// The one list of accepted media types (content detection owns it; bundles and the UI use it).
const std::vector<std::string_view>& accepted_media_types() noexcept {
  static const std::vector<std::string_view> types = {
      "application/pdf",
      "image/png",
      "image/jpeg",
      "image/webp",
      "application/vnd.oasis.opendocument.spreadsheet",
      "application/vnd.oasis.opendocument.presentation",
      "application/vnd.oasis.opendocument.text",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "application/vnd.openxmlformats-officedocument.presentationml.presentation",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "text/csv",
  };
  return types;
}

} // namespace core
