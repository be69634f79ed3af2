// Content-based media-type detection ("sniffing") for dossier attachments: what a file IS, from its bytes.
//
// Candidates attach files; coaches open files from anyone. The name and the browser's type are the
// sender's claim, so acceptance is decided here from content alone. Accepted: PDF, PNG, JPEG, WebP,
// OpenDocument text/spreadsheet/presentation, Office Open XML document/workbook/presentation, CSV.
// Everything else is refused with a description of what was found and, when there is one, a hint.
//
// Decisions (each one tested in tests/core/sniff_test.cpp, and on real files in tests/core/corpus_test.cpp):
// - PDF: "%PDF-" and a digit, at offset 0 or after a UTF-8 BOM and blanks (up to 1 KB, as readers accept
//   it; other bytes before the header are how PDF/HTML polyglots are built: refused as "damaged"). The
//   end must be there ("%%EOF", then only blanks): a truncated download, or a file with an archive
//   appended (zip -A), is refused. "/Encrypt" refuses it as password-protected, even when
//   only restrictions are set (see sniff_binary.cpp: telling whether the empty password opens it is not done).
// - PNG (signature + IHDR first), JPEG (FF D8 FF + a start-of-frame marker), WebP (RIFF…WEBP + VP8/VP8L/VP8X):
//   their size is read from the header (core/image_header) and an image over 100 megapixels is refused
//   before anything decodes it (a 34-byte WebP can say 16383×16383).
// - ZIP-based formats: core/zip reads the central directory (damaged, ZIP64, split, duplicate names,
//   encrypted entries: refused). OpenDocument: the first local entry is "mimetype", stored, without extra
//   field, whose content is exactly the media type of a text, spreadsheet or presentation; "content.xml"
//   must exist. Other OpenDocument types (drawings, templates, formulas…) are refused; so are packages
//   with macros (entries under "Basic/" or "Scripts/") and flat XML documents (.fodt).
// - Office Open XML: decided as Office decides — from [Content_Types].xml and every relationship part,
//   their attribute values read with XML entities decoded (a DTD is refused). The main part is what
//   _rels/.rels's officeDocument relationship names; its content type says document, workbook or
//   presentation (a slide show counts as a presentation; templates are refused). Macro-enabled when any
//   content type or relationship type names a VBA project, a macro sheet or "macroEnabled" (whatever the
//   part is called), or a vbaProject.bin / xl/macrosheets/ entry exists; that also catches an embedded
//   .xlsm. Password-protected: an OpenDocument manifest with encryption data, an OLE2 file with an
//   "EncryptedPackage" stream (how Office stores an encrypted .docx/.xlsx/.pptx).
// - CSV (core/csv's identify_csv, which the viewer reads with too): the whole file has no NUL or control
//   byte but tab/CR/LF, and does not start like markup, JSON or a script; it is UTF-8 (BOM allowed) or,
//   failing that, plausible Windows-1252 — French Excel's "CSV (séparateur: point-virgule)" export —
//   which is accepted with encoding "windows-1252"; then it must be a table by identify_csv: a separator
//   that fits the first records, or one column of short lines (what a spreadsheet exports for a single
//   column: nothing tells it from a list, and a list shown as a table is harmless). UTF-16 text (Excel's
//   "Unicode text") is refused. A single line with a comma cannot be told from a one-row table: it is
//   accepted (harmless as text/csv).
//
// `accepted` is the verdict; check it rather than comparing media_type with the accepted list: a
// refused OpenDocument file with macros reports its true (otherwise accepted) media type.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace core {

struct Sniff {
  // The IANA media type detected ("application/pdf", "text/csv", …); for refused content the best guess
  // ("text/html", "image/svg+xml", "application/x-msdownload", "application/zip",
  // "application/octet-stream" when nothing better is known).
  std::string media_type;
  // Short English noun phrase for messages: "PDF document", "HTML page", "Windows executable"…
  std::string description;
  // Stable id, usable as a translation-key suffix. Accepted: pdf png jpeg webp odt ods odp docx xlsx
  // pptx csv (the usual file extension, except jpeg → .jpg). Refused: empty html svg xml json script
  // exe elf macho gif tiff bmp heic avif video audio zip gzip bzip2 xz 7z rar legacy_office encrypted
  // rtf postscript odf_other macro text_utf16 text image_too_large damaged unknown (sniff_kinds()).
  std::string kind;
  // A stable id of the precise finding within the kind, when it deserves its own words and advice
  // ("pdf_truncated", "pdf_encrypted", "epub", "odf_template"…: sniff_details()); empty otherwise.
  std::string detail;
  // What the user can do instead, in English ("export it as JPEG or PNG"); empty when accepted or when
  // there is nothing useful to say.
  std::string hint;
  // For text/csv only: "utf-8" (also for plain ASCII) or "windows-1252"; empty otherwise.
  std::string encoding;
  // For text/csv only: the separator identify_csv found (';', ',', '\t'; '\0' for one column).
  char separator = '\0';
  // For accepted images: the size as stored and the EXIF orientation (1–8; 1 unless a JPEG says otherwise).
  std::uint32_t width = 0, height = 0;
  std::uint8_t orientation = 1;
  bool accepted = false;
};

// Classifies a whole file. Never reads outside `bytes`; linear in its size (text is checked in full).
Sniff sniff_media_type(std::string_view bytes) noexcept;

// The accepted media types (PDF, PNG, JPEG, WebP, ODS/ODP/ODT, XLSX/PPTX/DOCX, CSV): the one list in
// core (bundles check declared types against it); sniff_test checks it matches what is accepted here.
const std::vector<std::string_view>& accepted_media_types() noexcept;

// Every kind and every detail sniff_media_type can report (for the catalogs: each needs its words).
const std::vector<std::string_view>& sniff_kinds() noexcept;
const std::vector<std::string_view>& sniff_details() noexcept;
// The English advice of a kind or a detail id (a detail's own: empty when it has none and its kind's
// applies); empty for an unknown id.
std::string_view sniff_hint(std::string_view id) noexcept;

// "PDF document" etc. for an accepted media type; best effort for the refused types sniff_media_type
// reports; empty for anything else.
std::string_view describe_media_type(std::string_view media_type) noexcept;

// One English sentence for a refusal: what was detected, the hint, and what is accepted. Empty when
// the sniff was accepted.
std::string sniff_refusal_message(const Sniff& sniff);

} // namespace core
