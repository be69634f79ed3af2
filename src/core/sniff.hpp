// Content-based media-type detection ("sniffing") for dossier attachments: what a file IS, from its bytes.
//
// Candidates attach files; coaches open files from anyone. The name and the browser's type are the
// sender's claim, so acceptance is decided here from content alone. Accepted: PDF, PNG, JPEG, WebP,
// OpenDocument text/spreadsheet/presentation, Office Open XML document/workbook/presentation, CSV.
// Everything else is refused with a description of what was found and, when there is one, a hint.
//
// Decisions (each one tested in tests/core/sniff_test.cpp):
// - PDF: "%PDF-" and a digit at offset 0 exactly. Readers tolerate up to 1 KB of junk before it, but
//   that junk is how PDF/HTML polyglots are built, so such a file is refused as "damaged" with a hint.
// - PNG: signature + IHDR as the first chunk. JPEG: FF D8 FF. WebP: RIFF…WEBP + a VP8/VP8L/VP8X chunk.
// - ZIP-based formats are read from the central directory (the whole file is needed). The end record
//   must be within the last 65,557 bytes and its comment must end exactly at the end of the file; the
//   directory must sit right before it; at most 10,000 entries; ZIP64 and split archives are refused.
//   Every offset and length is bounds-checked: hostile input never reads out of bounds.
// - OpenDocument: the first local entry is "mimetype", stored, without extra field, whose content is
//   exactly the media type of a text, spreadsheet or presentation; "content.xml" must exist. Other
//   OpenDocument types (drawings, templates, formulas…) are refused; so are packages with macros
//   (entries under "Basic/" or "Scripts/").
// - Office Open XML: "[Content_Types].xml" plus exactly one of word/document.xml, xl/workbook.xml,
//   ppt/presentation.xml (names compared ASCII-case-insensitively, as OPC does). Refused as
//   macro-enabled when any vbaProject.bin / vbaProjectSignature.bin / xl/macrosheets/ entry exists or
//   when [Content_Types].xml (inflated here, output capped at 1 MiB) mentions "macroEnabled" — that
//   also catches an embedded .xlsm. Password-protected documents are refused as "encrypted": an
//   OpenDocument package whose manifest has encryption data, an OLE2 file with an "EncryptedPackage"
//   stream (how Office stores an encrypted .docx/.xlsx/.pptx). PDF encryption is not looked at.
// - CSV (heuristic detailed at csv_columns in sniff.cpp): the whole file has no NUL or control byte
//   but tab/CR/LF, and does not start like markup, JSON or a script; it is UTF-8 (BOM allowed) or,
//   failing that, plausible Windows-1252 — French Excel's "CSV (séparateur: point-virgule)" export —
//   which is accepted with encoding "windows-1252"; the first record has ≥ 2 fields for one of ';' ','
//   tab, and ≥ 90 % of the next (up to 19, within 64 KiB) records have the same count, RFC 4180 quotes
//   understood. UTF-16 text (Excel's "Unicode text") is refused. A single line with a comma cannot be
//   told from a one-row table: it is accepted (harmless as text/csv).
//
// `accepted` is the verdict; check it rather than comparing media_type with the accepted list: a
// refused OpenDocument file with macros reports its true (otherwise accepted) media type.
#pragma once

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
  // rtf postscript odf_other macro text_utf16 text damaged unknown.
  std::string kind;
  // What the user can do instead, in English ("export it as JPEG or PNG"); empty when accepted or when
  // there is nothing useful to say.
  std::string hint;
  // For text/csv only: "utf-8" (also for plain ASCII) or "windows-1252"; empty otherwise.
  std::string encoding;
  bool accepted = false;
};

// Classifies a whole file. Never reads outside `bytes`; linear in its size (text is checked in full).
Sniff sniff_media_type(std::string_view bytes) noexcept;

// The accepted media types (PDF, PNG, JPEG, WebP, ODS/ODP/ODT, XLSX/PPTX/DOCX, CSV): the one list in
// core (bundles check declared types against it); sniff_test checks it matches what is accepted here.
const std::vector<std::string_view>& accepted_media_types() noexcept;

// "PDF document" etc. for an accepted media type; best effort for the refused types sniff_media_type
// reports; empty for anything else.
std::string_view describe_media_type(std::string_view media_type) noexcept;

// One English sentence for a refusal: what was detected, the hint, and what is accepted. Empty when
// the sniff was accepted.
std::string sniff_refusal_message(const Sniff& sniff);

} // namespace core
