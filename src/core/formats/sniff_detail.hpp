// Internal to core/formats: what the sniffer's files share — the kinds and precise findings with their
// words, the verdict a detector returns, byte helpers, and each detector's entry point. Only sniff*.cpp
// include it; everything else uses core/formats/sniff.hpp.
#pragma once

#include "core/formats/sniff.hpp"

#include "core/base/bytes.hpp"
#include "core/codecs/image_header.hpp"
#include "core/codecs/zip.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core::sniff_detail {

// ---- kinds and details -------------------------------------------------------------------------------

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

inline constexpr std::string_view k_odt = "application/vnd.oasis.opendocument.text";
inline constexpr std::string_view k_ods = "application/vnd.oasis.opendocument.spreadsheet";
inline constexpr std::string_view k_odp = "application/vnd.oasis.opendocument.presentation";
inline constexpr std::string_view k_docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
inline constexpr std::string_view k_xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
inline constexpr std::string_view k_pptx = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
inline constexpr std::string_view k_again = "export or print it to PDF again";
inline constexpr std::string_view k_resave = "open it in LibreOffice and save it again, or export it as PDF";
inline constexpr std::string_view k_password = "remove the password (or export it as PDF): coaches could not open it";
inline constexpr std::string_view k_programs = "programs are never accepted";

// Accepted kinds first. The same media types as accepted_media_types() (below); a test checks it.
inline constexpr KindInfo k_kinds[] = {
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

inline const KindInfo& info(K k) noexcept {
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

inline constexpr DetailInfo k_details[] = {
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

inline const DetailInfo* detail_info(D d) noexcept {
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

// ---- byte helpers ------------------------------------------------------------------------------------

using namespace core::bytes;

inline bool starts_ci(std::string_view s, std::string_view prefix) noexcept {
  return s.size() >= prefix.size() && equal_ci(s.substr(0, prefix.size()), prefix);
}
inline bool ends_ci(std::string_view s, std::string_view suffix) noexcept {
  return s.size() >= suffix.size() && equal_ci(s.substr(s.size() - suffix.size()), suffix);
}
// `needle` must be lower-case.
inline bool contains_ci(std::string_view hay, std::string_view needle) noexcept {
  if (needle.empty()) return true;
  for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i)
    if (lower(hay[i]) == needle[0] && equal_ci(hay.substr(i, needle.size()), needle)) return true;
  return false;
}
inline bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
inline bool is_alpha(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// ---- OpenDocument types refused by name (their words serve the public descriptions too) -------------

struct OdfType {
  std::string_view media_type;
  std::string_view description;
  D detail;
};
// Refused OpenDocument types, for a precise message.
inline constexpr OdfType k_other_odf[] = {
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

// How far into a file readers accept a PDF's header (the PDF detector and the text one both look).
inline constexpr std::size_t k_pdf_prefix_window = 1024;

// ---- the detectors (sniff_office.cpp, sniff_binary.cpp, sniff_text.cpp) -------------------------------

// A ZIP-based file: OpenDocument, Office Open XML, or what else the archive is.
Verdict sniff_zip(std::string_view b);
// Magic numbers: PDF, images, ZIP, archives, programs, media; nullopt when none matches.
std::optional<Verdict> sniff_binary_magic(std::string_view b);
// Text: markup, scripts, CSV, plain text in UTF-8 or Windows-1252.
Verdict sniff_text(std::string_view b);
// The public result from a verdict, with its kind's or detail's words.
Sniff make_sniff(const Verdict& v);

} // namespace core::sniff_detail
