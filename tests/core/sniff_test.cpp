// Media-type sniffing: real files made by real tools (tests/data/sniff, see generate.sh), the CSV
// heuristic, hostile ZIPs (lying sizes, offsets and counts), and fixed-seed random and mutated input.
#include "core/formats/sniff.hpp"

#include "zip_writer.hpp"

#include "../source_files.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::string sample(const std::string& name) { return test_files::sniff_sample(name); }

const std::set<std::string> k_accepted_kinds = {"pdf", "png", "jpeg", "webp", "odt", "ods", "odp", "docx", "xlsx", "pptx", "csv"};
const std::set<std::string> k_zip_kinds = {"odt", "ods", "odp", "docx", "xlsx", "pptx"};
const std::set<std::string> k_all_kinds = {
    "pdf", "png", "jpeg", "webp", "odt", "ods", "odp", "docx", "xlsx", "pptx", "csv", "empty", "html", "svg", "xml",
    "json", "script", "exe", "elf", "macho", "gif", "tiff", "bmp", "heic", "avif", "video", "audio", "zip", "gzip",
    "bzip2", "xz", "7z", "rar", "legacy_office", "encrypted", "rtf", "postscript", "odf_other", "macro", "text_utf16", "text",
    "image_too_large", "damaged", "unknown"};

// Whatever the input, a sniff is self-consistent.
void expect_consistent(const core::Sniff& s, const std::string& what) {
  EXPECT_TRUE(k_all_kinds.count(s.kind)) << what << ": " << s.kind;
  EXPECT_EQ(s.accepted, k_accepted_kinds.count(s.kind) == 1) << what;
  EXPECT_FALSE(s.media_type.empty()) << what;
  EXPECT_FALSE(s.description.empty()) << what;
  if (s.accepted) {
    const auto& types = core::accepted_media_types();
    EXPECT_NE(std::find(types.begin(), types.end(), s.media_type), types.end()) << what;
    EXPECT_TRUE(s.hint.empty()) << what;
  }
  EXPECT_EQ(!s.encoding.empty(), s.kind == "csv") << what;
  if (!s.detail.empty()) {
    const auto& details = core::sniff_details();
    EXPECT_NE(std::find(details.begin(), details.end(), s.detail), details.end()) << what << ": " << s.detail;
  }
  EXPECT_EQ(s.width != 0, s.accepted && (s.kind == "png" || s.kind == "jpeg" || s.kind == "webp")) << what;
}

void put16(std::string& b, std::size_t at, std::uint16_t v) {
  b[at] = static_cast<char>(v & 0xFF);
  b[at + 1] = static_cast<char>(v >> 8);
}
void put32(std::string& b, std::size_t at, std::uint32_t v) {
  for (std::size_t i = 0; i < 4; ++i) b[at + i] = static_cast<char>((v >> (8 * i)) & 0xFF);
}
std::uint16_t get16(const std::string& b, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(b[at]) | (static_cast<unsigned char>(b[at + 1]) << 8));
}
std::uint32_t get32(const std::string& b, std::size_t at) {
  std::uint32_t v = 0;
  for (std::size_t i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + i])) << (8 * i);
  return v;
}

struct Expect {
  const char* file;
  const char* kind;
  const char* media_type;   // nullptr: not checked
  const char* description;  // substring; nullptr: not checked
};

// Every committed sample and what it must be detected as.
const Expect k_samples[] = {
    // Accepted, from Chromium, ImageMagick, LibreOffice and the spec-built containers.
    {"chromium.pdf", "pdf", "application/pdf", "PDF document"},
    {"canvas.png", "png", "image/png", "PNG image"},
    {"canvas.jpg", "jpeg", "image/jpeg", "JPEG image"},
    {"canvas.webp", "webp", "image/webp", "WebP image"},
    {"image-lossy.webp", "webp", "image/webp", nullptr},
    {"image-lossless.webp", "webp", "image/webp", nullptr},
    {"doc.odt", "odt", "application/vnd.oasis.opendocument.text", "(.odt)"},
    {"libreoffice.odt", "odt", "application/vnd.oasis.opendocument.text", nullptr},
    {"sheet.ods", "ods", "application/vnd.oasis.opendocument.spreadsheet", "(.ods)"},
    {"slides.odp", "odp", "application/vnd.oasis.opendocument.presentation", "(.odp)"},
    {"doc.docx", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "(.docx)"},
    {"stored.docx", "docx", nullptr, nullptr},
    {"deflate-fixed.docx", "docx", nullptr, nullptr},   // [Content_Types].xml in a fixed-Huffman block,
    {"deflate-stored.docx", "docx", nullptr, nullptr},  // in a stored block,
    {"deflate-split.docx", "docx", nullptr, nullptr},   // in dynamic blocks around an empty stored one
    {"libreoffice.docx", "docx", nullptr, nullptr},
    {"book.xlsx", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "(.xlsx)"},
    {"libreoffice.xlsx", "xlsx", nullptr, nullptr},
    {"slides.pptx", "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", "(.pptx)"},
    {"comma.csv", "csv", "text/csv", "CSV table"},
    {"excel-utf8-bom.csv", "csv", "text/csv", nullptr},
    {"excel-fr-cp1252.csv", "csv", "text/csv", "Windows-1252"},
    {"tabs.tsv", "csv", "text/csv", nullptr},
    {"quoted-multiline.csv", "csv", "text/csv", nullptr},
    {"header-only.csv", "csv", "text/csv", nullptr},
    {"ragged.csv", "csv", "text/csv", nullptr},
    // Refused.
    {"page.html", "html", "text/html", "HTML page"},
    {"page-bom-upper.html", "html", "text/html", nullptr},
    {"script-tag.html", "html", "text/html", nullptr},
    {"comment.html", "html", "text/html", nullptr},
    {"image.svg", "svg", "image/svg+xml", "SVG image"},
    {"bare.svg", "svg", "image/svg+xml", nullptr},
    {"data.xml", "xml", "application/xml", "XML document"},
    {"data.json", "json", "application/json", "JSON"},
    {"script.sh", "script", "text/x-shellscript", "script"},
    {"script.js", "script", nullptr, "script"},
    {"script.bat", "script", nullptr, "script"},
    {"script.php", "script", "application/x-php", "PHP script"},
    {"program.exe", "exe", "application/x-msdownload", "Windows executable"},
    {"program.elf", "elf", "application/x-executable", "ELF"},
    {"object-arm64.macho", "macho", "application/x-mach-binary", "Mach-O"},
    {"universal.macho", "macho", "application/x-mach-binary", "universal"},
    {"image.gif", "gif", "image/gif", "GIF image"},
    {"image.tiff", "tiff", "image/tiff", "TIFF image"},
    {"image.bmp", "bmp", "image/bmp", "BMP image"},
    {"photo.heic", "heic", "image/heic", "HEIC photo"},
    {"image.avif", "avif", "image/avif", "AVIF image"},
    {"recorder.mp4", "video", "video/mp4", "MP4 video"},
    {"recorder.webm", "video", "video/webm", "WebM"},
    {"plain.zip", "zip", "application/zip", "ZIP archive"},
    {"book.epub", "zip", "application/epub+zip", "EPUB"},
    {"data.csv.gz", "gzip", "application/gzip", "gzip"},
    {"data.csv.bz2", "bzip2", "application/x-bzip2", "bzip2"},
    {"data.csv.xz", "xz", "application/x-xz", "xz"},
    {"empty-compound.doc", "legacy_office", "application/x-ole-storage", "legacy Microsoft Office file"},
    {"libreoffice.xls", "legacy_office", nullptr, nullptr},
    {"encrypted.docx", "encrypted", "application/x-ole-storage", "password-protected Office document"},
    {"encrypted.odt", "encrypted", "application/vnd.oasis.opendocument.text", "password-protected OpenDocument"},
    {"doc.rtf", "rtf", "application/rtf", "RTF"},
    {"doc.ps", "postscript", "application/postscript", "PostScript"},
    {"notes.txt", "text", "text/plain", "plain text"},
    {"emails.txt", "csv", "text/csv", "one column"},  // a list of addresses: a one-column table
    {"excel-unicode.txt", "text_utf16", "text/plain", "UTF-16"},
    {"drawing.odg", "odf_other", "application/vnd.oasis.opendocument.graphics", "OpenDocument drawing (.odg)"},
    {"template.ott", "odf_other", "application/vnd.oasis.opendocument.text-template", "template"},
    {"macros.odt", "macro", "application/vnd.oasis.opendocument.text", "with macros"},
    {"macros.docm", "macro", "application/vnd.ms-word.document.macroEnabled.12", "(.docm)"},
    {"macros.xlsm", "macro", "application/vnd.ms-excel.sheet.macroEnabled.12", "(.xlsm)"},
    {"macros.pptm", "macro", "application/vnd.ms-powerpoint.presentation.macroEnabled.12", "(.pptm)"},
    {"libreoffice.docm", "macro", nullptr, "(.docm)"},  // no vbaProject.bin: found in [Content_Types].xml
    {"embedded-xlsm.docx", "macro", nullptr, nullptr},  // embeds a macro-enabled workbook
    {"mimetype-deflated.odt", "damaged", "application/octet-stream", "non-conforming OpenDocument"},
    {"mimetype-last.odt", "damaged", nullptr, "not the first entry"},
    {"mimetype-newline.ods", "damaged", nullptr, "not exactly the media type"},
};

TEST(Sniff, RealSamples) {
  for (const auto& e : k_samples) {
    const std::string bytes = sample(e.file);
    ASSERT_FALSE(bytes.empty()) << e.file << " is missing: run tests/data/sniff/generate.sh";
    ASSERT_LE(bytes.size(), 16u * 1024u) << e.file << ": keep samples small";
    const core::Sniff s = core::sniff_media_type(bytes);
    EXPECT_EQ(s.kind, e.kind) << e.file << " → " << s.description;
    if (e.media_type != nullptr) EXPECT_EQ(s.media_type, e.media_type) << e.file;
    if (e.description != nullptr) EXPECT_NE(s.description.find(e.description), std::string::npos) << e.file << ": " << s.description;
    expect_consistent(s, e.file);
  }
}

TEST(Sniff, HintsAndMessagesForRefusals) {
  const auto heic = core::sniff_media_type(sample("photo.heic"));
  EXPECT_EQ(heic.hint, "export it as JPEG or PNG");
  const auto ole = core::sniff_media_type(sample("libreoffice.xls"));
  EXPECT_NE(ole.hint.find("save it as .docx/.xlsx/.pptx or PDF"), std::string::npos);
  const auto macro = core::sniff_media_type(sample("macros.xlsm"));
  EXPECT_NE(macro.hint.find("macros are not accepted"), std::string::npos);

  const std::string message = core::sniff_refusal_message(core::sniff_media_type(sample("page.html")));
  EXPECT_NE(message.find("HTML page"), std::string::npos) << message;
  EXPECT_NE(message.find("Accepted: PDF, PNG, JPEG, WebP"), std::string::npos) << message;
  EXPECT_EQ(core::sniff_refusal_message(core::sniff_media_type(sample("chromium.pdf"))), "");
}

TEST(Sniff, AcceptedListAndDescriptions) {
  // The list (accepted_media_types, sniff.cpp) and the sniffer agree: each accepted sample's type is
  // listed, and each listed type is produced by some accepted sample.
  const auto& types = core::accepted_media_types();
  ASSERT_EQ(types.size(), 11u);
  std::set<std::string> listed(types.begin(), types.end());
  std::set<std::string> sniffed;
  for (const auto& e : k_samples) {
    const auto s = core::sniff_media_type(sample(e.file));
    if (s.accepted) sniffed.insert(s.media_type);
  }
  EXPECT_EQ(listed, sniffed);
  for (const auto t : types) EXPECT_FALSE(core::describe_media_type(t).empty()) << t;
  EXPECT_EQ(core::describe_media_type("application/pdf"), "PDF document");
  EXPECT_EQ(core::describe_media_type("application/vnd.oasis.opendocument.spreadsheet"), "OpenDocument spreadsheet (.ods)");
  EXPECT_EQ(core::describe_media_type("text/html"), "HTML page");
  EXPECT_EQ(core::describe_media_type("application/vnd.oasis.opendocument.graphics"), "OpenDocument drawing (.odg)");
  EXPECT_EQ(core::describe_media_type("application/x-unheard-of"), "");
  EXPECT_EQ(core::describe_media_type(""), "");
}

// --- magic numbers without a sample file (no tool here writes them) ------------------------------------

core::Sniff sniff(const std::string& bytes) { return core::sniff_media_type(bytes); }
std::string bin(std::initializer_list<int> bytes) {
  std::string s;
  for (int b : bytes) s.push_back(static_cast<char>(b));
  return s;
}

TEST(Sniff, EmptyAndBlank) {
  EXPECT_EQ(sniff("").kind, "empty");
  EXPECT_FALSE(sniff("").accepted);
  EXPECT_EQ(sniff("  \r\n\n\t").kind, "text");
  EXPECT_EQ(sniff("\xEF\xBB\xBF").kind, "text");
}

TEST(Sniff, ArchiveAndMediaHeaders) {
  EXPECT_EQ(sniff(std::string("PK\x05\x06", 4) + std::string(18, '\0')).kind, "zip");  // an empty ZIP
  EXPECT_EQ(sniff(bin({'7', 'z', 0xBC, 0xAF, 0x27, 0x1C, 0, 4})).kind, "7z");
  EXPECT_EQ(sniff(bin({'R', 'a', 'r', '!', 0x1A, 0x07, 0x00})).kind, "rar");      // RAR 4
  EXPECT_EQ(sniff(bin({'R', 'a', 'r', '!', 0x1A, 0x07, 0x01, 0x00})).kind, "rar");  // RAR 5
  EXPECT_EQ(sniff(bin({'O', 'g', 'g', 'S', 0, 2})).kind, "audio");
  EXPECT_EQ(sniff(bin({'I', 'D', '3', 4, 0, 0})).kind, "audio");
  EXPECT_EQ(sniff(bin({'f', 'L', 'a', 'C', 0, 0, 0, 34})).kind, "audio");
  EXPECT_EQ(sniff(std::string("RIFF\x24\0\0\0WAVEfmt ", 16)).kind, "audio");
  EXPECT_EQ(sniff(std::string("RIFF\x24\0\0\0AVI LIST", 16)).kind, "video");
  // ISO media brands.
  const auto ftyp = [](const char* major, const char* compatible) {
    std::string b = bin({0, 0, 0, 24}) + "ftyp" + major + bin({0, 0, 0, 0}) + compatible;
    return b + std::string(8, '\0');
  };
  EXPECT_EQ(sniff(ftyp("mif1", "avifmiaf")).kind, "avif");
  EXPECT_EQ(sniff(ftyp("mif1", "heicmiaf")).kind, "heic");
  EXPECT_EQ(sniff(ftyp("mif1", "miafMiHE")).description, "HEIF image");
  EXPECT_EQ(sniff(ftyp("heix", "mif1heix")).kind, "heic");
  EXPECT_EQ(sniff(ftyp("qt  ", "qt  qt  ")).media_type, "video/quicktime");
  EXPECT_EQ(sniff(ftyp("M4A ", "M4A mp42")).kind, "audio");
  EXPECT_EQ(sniff(ftyp("3gp5", "3gp5isom")).kind, "video");
  // Executables.
  std::string dos = "MZ" + std::string(62, '\0');
  EXPECT_EQ(sniff(dos).kind, "exe");
  EXPECT_EQ(sniff(dos).description, "DOS executable");
  EXPECT_EQ(sniff(bin({0xCE, 0xFA, 0xED, 0xFE, 7, 0, 0, 0})).kind, "macho");  // 32-bit little-endian
  EXPECT_EQ(sniff(bin({0xFE, 0xED, 0xFA, 0xCE, 0, 0, 0, 18})).kind, "macho");  // 32-bit big-endian (PowerPC)
  // A Java class shares CA FE BA BE with universal binaries; its "count" is a version (≥ 45).
  EXPECT_EQ(sniff(bin({0xCA, 0xFE, 0xBA, 0xBE, 0, 0, 0, 52, 0, 10})).kind, "unknown");
  // UTF-16/32 text, with BOMs.
  EXPECT_EQ(sniff(bin({0xFE, 0xFF, 0, 'a', 0, ';', 0, 'b'})).kind, "text_utf16");
  EXPECT_EQ(sniff(bin({0xFF, 0xFE, 0, 0, 'a', 0, 0, 0})).description, "UTF-32 text");
}

TEST(Sniff, DamagedAcceptedFormats) {
  // PNG signature without IHDR; RIFF/WEBP without a VP8 chunk; "%PDF-" without a version.
  EXPECT_EQ(sniff(std::string("\x89PNG\r\n\x1a\n\0\0\0\x0dIDAT", 16)).kind, "damaged");
  EXPECT_EQ(sniff(std::string("RIFF\x24\0\0\0WEBPJUNK", 16)).kind, "damaged");
  EXPECT_EQ(sniff("%PDF-x").kind, "damaged");
  // Truncated before the magic is complete: not the format.
  EXPECT_NE(sniff("\x89PNG").kind, "png");
  EXPECT_NE(sniff("%PDF").kind, "pdf");
}

TEST(Sniff, PdfHeaderAfterBlanksOnly) {
  const std::string pdf = sample("chromium.pdf");
  ASSERT_EQ(sniff(pdf).kind, "pdf");
  // A BOM and blanks before the header, up to 1 KB, are what readers accept: so do we (the bytes stay).
  for (const std::string& prefix : {std::string("\n"), std::string("\xEF\xBB\xBF"), std::string("\xEF\xBB\xBF\r\n"),
                                    std::string(1000, ' '), std::string(3, '\0')}) {
    const auto s = sniff(prefix + pdf);
    EXPECT_EQ(s.kind, "pdf") << prefix.size();
    EXPECT_TRUE(s.accepted) << prefix.size();
  }
  // Anything else before it is how PDF/HTML polyglots are made: refused.
  for (const std::string& prefix : {std::string("garbage\r\n"), std::string("\xEF\xBB\xBFx\n")}) {
    const auto s = sniff(prefix + pdf);
    EXPECT_EQ(s.kind, "damaged") << prefix;
    EXPECT_EQ(s.detail, "pdf_prefix");
    EXPECT_NE(s.description.find("before its header"), std::string::npos);
    EXPECT_FALSE(s.accepted);
  }
  // A polyglot that starts as HTML is HTML, whatever follows.
  EXPECT_EQ(sniff("<html><body>x</body></html>\n" + pdf).kind, "html");
  // Beyond the first KB, "%PDF-" is no longer looked for.
  EXPECT_NE(sniff(std::string(2000, 'x') + "\n%PDF-1.4\n").kind, "damaged");
  EXPECT_NE(sniff(std::string(1100, ' ') + pdf).kind, "pdf");
}

TEST(Sniff, PdfEndMustBeThere) {
  const std::string pdf = sample("chromium.pdf");
  const std::size_t eof = pdf.rfind("%%EOF");
  ASSERT_NE(eof, std::string::npos);
  // Cut short anywhere before its last "%%EOF" (a download stopped at 60 %): truncated.
  for (const std::size_t n : {pdf.size() * 6 / 10, eof, eof + 4, pdf.size() / 10}) {
    const auto s = sniff(pdf.substr(0, n));
    EXPECT_EQ(s.detail, "pdf_truncated") << n;
    EXPECT_FALSE(s.accepted) << n;
  }
  EXPECT_EQ(sniff(pdf.substr(0, eof + 5)).kind, "pdf");             // no final line break: complete
  EXPECT_EQ(sniff(pdf + "\r\n\n  \0\0").kind, "pdf");             // blank padding after the end
  // Data after the end: an archive (zip -A) or anything else.
  const std::string zip = sample("doc.odt");
  EXPECT_EQ(sniff(pdf + zip).detail, "pdf_archive_appended");
  EXPECT_FALSE(sniff(pdf + zip).accepted);
  EXPECT_EQ(sniff(pdf + "<script>alert(1)</script>").detail, "pdf_data_appended");
}

TEST(Sniff, EncryptedPdfIsRefused) {
  const std::string pdf = sample("chromium.pdf");
  const std::size_t trailer = pdf.rfind("trailer");
  ASSERT_NE(trailer, std::string::npos);
  for (const char* key : {"/Encrypt 9 0 R", "/Encrypt<</Filter/Standard>>", "/Encrypt\n12 0 R"}) {
    std::string b = pdf;
    b.insert(pdf.find("<<", trailer) + 2, key);
    b.replace(b.rfind("startxref"), std::string::npos, "startxref\n" + std::to_string(pdf.find("xref")) + "\n%%EOF\n");
    const auto s = sniff(b);
    EXPECT_EQ(s.kind, "encrypted") << key;
    EXPECT_EQ(s.detail, "pdf_encrypted");
    EXPECT_EQ(s.media_type, "application/pdf");
    EXPECT_NE(s.hint.find("remove the password"), std::string::npos);
  }
  // A name that only starts the same is not the key.
  std::string b = pdf;
  b.insert(pdf.find("<<", trailer) + 2, "/EncryptMetadata false");
  EXPECT_EQ(sniff(b).kind, "pdf");
}

TEST(Sniff, Markup) {
  EXPECT_EQ(sniff("<!doctype HTML><title>x</title>").kind, "html");
  EXPECT_EQ(sniff("\n\n   <Html lang=fr>").kind, "html");
  EXPECT_EQ(sniff("<p>a;b</p>\n<p>c;d</p>\n").kind, "html");
  EXPECT_EQ(sniff("<a href=\"javascript:alert(1)\">x</a>").kind, "html");
  EXPECT_EQ(sniff("<IFRAME src=x>").kind, "html");
  EXPECT_EQ(sniff("<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>").kind, "html");
  EXPECT_EQ(sniff("<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"x\">\n<svg/>").kind, "svg");
  EXPECT_EQ(sniff("<SVG xmlns=\"http://www.w3.org/2000/svg\"/>").kind, "svg");
  EXPECT_EQ(sniff("<!-- x -->\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>").kind, "svg");
  // <svg within the first KB after an XML prologue; beyond it, plain XML.
  const std::string prologue = "<?xml version=\"1.0\"?>\n<!--" + std::string(700, '-') + "-->\n";
  EXPECT_EQ(sniff(prologue + "<svg/>").kind, "svg");
  EXPECT_EQ(sniff("<?xml version=\"1.0\"?>\n<!--" + std::string(1100, '-') + "-->\n<svg/>").kind, "xml");
  EXPECT_EQ(sniff("<dossier><a>1</a></dossier>").kind, "xml");
  // Anything starting with '<' is refused, even when it looks like a table.
  const auto lt = sniff("< 5;6\n7;8\n");
  EXPECT_EQ(lt.kind, "text");
  EXPECT_FALSE(lt.accepted);
}

TEST(Sniff, ScriptsAndJson) {
  EXPECT_EQ(sniff("#!/usr/bin/env python3\nprint(1)\n").kind, "script");
  EXPECT_EQ(sniff("const a = 1;\nconst b = 2;\n").kind, "script");  // would otherwise pass as ';' CSV
  EXPECT_EQ(sniff("@ECHO OFF\r\ndel x;y\r\n").kind, "script");
  EXPECT_EQ(sniff("[1, 2, 3]\n").kind, "json");
  EXPECT_EQ(sniff("  {\"a\": [1, 2]}").kind, "json");
  // Bracketed CSV headers are not JSON.
  EXPECT_EQ(sniff("[nom];[prenom]\n[a];[b]\n").kind, "csv");
}

TEST(Sniff, TextThatLooksLikeAMagicIsStillText) {
  // Short magics are only trusted with the binary bytes that follow them in real files.
  EXPECT_EQ(sniff("MZ;Zone;Code\n1;2;3\n").kind, "csv");
  EXPECT_EQ(sniff("BM;Marque\nx;y\n").kind, "csv");
  EXPECT_EQ(sniff("BZh;x\n1;2\n").kind, "csv");
  EXPECT_EQ(sniff("ID3;ID4\n1;2\n").kind, "csv");
  EXPECT_EQ(sniff("RIFF;WEBP;VP8X\n1;2;3\n").kind, "csv");
}

// --- CSV heuristic --------------------------------------------------------------------------------------

TEST(Sniff, CsvEncodings) {
  const auto utf8 = sniff("nom;prénom\nZoé;Hélène\n");
  EXPECT_EQ(utf8.kind, "csv");
  EXPECT_EQ(utf8.encoding, "utf-8");
  EXPECT_EQ(utf8.description, "CSV table");
  const auto ascii = sniff("a,b\n1,2\n");
  EXPECT_EQ(ascii.encoding, "utf-8");
  const auto cp1252 = sniff(sample("excel-fr-cp1252.csv"));
  EXPECT_EQ(cp1252.encoding, "windows-1252");
  EXPECT_EQ(cp1252.media_type, "text/csv");
  EXPECT_TRUE(cp1252.accepted);
  // Bytes unassigned in Windows-1252 (0x81 0x8D 0x8F 0x90 0x9D) mean it is not that either.
  EXPECT_EQ(sniff("nom;pr\x81nom\na;b\n").kind, "unknown");
  // Mostly high bytes: binary, not French text.
  EXPECT_EQ(sniff("\xE9\xE8;\xE0\xE7\n\xEA\xEB;\xEE\xEF\n").kind, "unknown");
  // A UTF-8 BOM promises UTF-8.
  const auto lying_bom = sniff("\xEF\xBB\xBFnom;pr\xE9nom\na;b\n");
  EXPECT_EQ(lying_bom.kind, "text");
  EXPECT_FALSE(lying_bom.accepted);
  // NUL and control bytes: not text at all.
  EXPECT_EQ(sniff(std::string("a;b\n1;\0\n", 8)).kind, "unknown");
  EXPECT_EQ(sniff("a;b\n1;\x01\n").kind, "unknown");
  EXPECT_EQ(sniff("a;b\n1;\x7F\n").kind, "unknown");
}

TEST(Sniff, CsvStructure) {
  EXPECT_EQ(sniff("a;b;c").kind, "csv");                   // one record, separators
  EXPECT_EQ(sniff("a\tb\n1\t2").kind, "csv");              // no final line break
  EXPECT_EQ(sniff("a;b\r1;2\r3;4\r").kind, "csv");         // classic Mac line ends
  EXPECT_EQ(sniff("a;b\n\n1;2\n\n\n3;4\n").kind, "csv");   // blank lines skipped
  EXPECT_EQ(sniff("\"a;b\";c\n\"x\ny\";z\n").kind, "csv");  // quoted separators and line breaks
  EXPECT_EQ(sniff("a,b\n\"1,\"\"2\"\"\",3\n").kind, "csv"); // doubled quotes
  EXPECT_EQ(sniff("nom;montant\nA;1,5\nB;2,25\nC;3\n").kind, "csv");  // French decimals vs ','
  // One column: short lines without separators (what a spreadsheet exports for a single column).
  EXPECT_EQ(sniff("single column\nno separator\n").kind, "csv");
  EXPECT_EQ(sniff("single column\nno separator\n").separator, '\0');
  EXPECT_EQ(sniff("Question\n\"Pourquoi, selon vous ?\"\nComment faites-vous ?\n").kind, "csv");
  EXPECT_EQ(sniff("one line only\n").kind, "text");                      // one record: nothing says table
  EXPECT_EQ(sniff("para one\n\npara two\n").kind, "text");               // paragraphs
  EXPECT_EQ(sniff("short\n" + std::string(300, 'x') + "\n").kind, "text");  // prose-length lines
  EXPECT_EQ(sniff("a;b\n\"1;2\n").kind, "text");  // quote never closed
  // Up to one record in ten may have another field count; more is prose, not a table.
  std::string rows = "a;b;c\n";
  for (int i = 0; i < 10; ++i) rows += "1;2;3\n";
  EXPECT_EQ(sniff(rows + "1;2\n").kind, "csv");
  EXPECT_EQ(sniff(rows.substr(0, 6 + 6 * 8) + "1;2\n1;2\n").kind, "text");
  EXPECT_EQ(sniff("Bonjour, ceci est un texte.\nIl a des virgules, parfois, au hasard.\nFin.\n").kind, "text");
  // Limitation, pinned: one line with a comma cannot be told from a one-row table.
  EXPECT_EQ(sniff("Bonjour, monde").kind, "csv");
  // Only the first 20 records are compared: a large file with an odd line far away is still CSV.
  std::string big = "a;b\n";
  for (int i = 0; i < 5000; ++i) big += "1;2\n";
  EXPECT_EQ(sniff(big + "x\n").kind, "csv");
  // But the whole file must be text.
  EXPECT_EQ(sniff(big + std::string("\0", 1)).kind, "unknown");
  // A first record longer than the 64 KiB sample is not recognised as a table.
  EXPECT_EQ(sniff(std::string(70000, 'x') + ";y\n1;2\n").kind, "text");
}

// --- hostile ZIPs ---------------------------------------------------------------------------------------

struct Zip {
  std::string bytes;
  std::size_t eocd;  // samples are written without a comment: the record is the last 22 bytes
  explicit Zip(const std::string& name) : bytes(sample(name)), eocd(bytes.size() - 22) {}
  std::uint32_t cd_offset() const { return get32(bytes, eocd + 16); }
};

TEST(SniffZip, SampleLayoutAsExpected) {
  Zip z("doc.docx");
  ASSERT_EQ(z.bytes.substr(z.eocd, 4), "PK\x05\x06");
  ASSERT_EQ(z.bytes.substr(z.cd_offset(), 4), "PK\x01\x02");
  EXPECT_EQ(sniff(z.bytes).kind, "docx");
}

TEST(SniffZip, EndRecordCommentMustEndTheFile) {
  Zip z("doc.docx");
  std::string b = z.bytes;
  put16(b, z.eocd + 20, 5);  // claims a comment that is not there
  EXPECT_EQ(sniff(b).kind, "damaged");
  EXPECT_EQ(sniff(z.bytes + "junk!").kind, "damaged");  // trailing bytes not covered by the comment
  b = z.bytes + "a comment";
  put16(b, z.eocd + 20, 9);  // an honest comment is fine
  EXPECT_EQ(sniff(b).kind, "docx");
  put16(b, z.eocd + 20, 0xFFFF);
  EXPECT_EQ(sniff(b).kind, "damaged");
  // A fake end record hidden in the comment is the one found, and it does not fit: refused.
  std::string fake = z.bytes.substr(z.eocd, 22);
  b = z.bytes;
  put16(b, z.eocd + 20, 22);
  b += fake;
  EXPECT_EQ(sniff(b).kind, "damaged");
}

TEST(SniffZip, EndRecordSearchIsBounded) {
  Zip z("doc.docx");
  // A maximal comment: the record is exactly 65,557 bytes from the end, still found.
  std::string b = z.bytes + std::string(0xFFFF, 'c');
  put16(b, z.eocd + 20, 0xFFFF);
  EXPECT_EQ(sniff(b).kind, "docx");
  // Only a truncated tail: no record, no crash.
  EXPECT_EQ(sniff(z.bytes.substr(0, z.eocd + 21)).kind, "damaged");
}

TEST(SniffZip, LyingCountsSizesAndOffsets) {
  Zip z("doc.docx");
  const auto with = [&](auto&& edit) {
    std::string b = z.bytes;
    edit(b);
    return sniff(b);
  };
  EXPECT_EQ(with([&](std::string& b) { put16(b, z.eocd + 8, 60000); put16(b, z.eocd + 10, 60000); }).kind, "zip");
  EXPECT_EQ(with([&](std::string& b) { put16(b, z.eocd + 8, 60000); put16(b, z.eocd + 10, 60000); }).description,
            "ZIP archive with too many entries");
  EXPECT_EQ(with([&](std::string& b) { put16(b, z.eocd + 8, 9999); put16(b, z.eocd + 10, 9999); }).kind, "damaged");
  EXPECT_EQ(with([&](std::string& b) { put16(b, z.eocd + 8, 2); put16(b, z.eocd + 10, 2); }).kind, "damaged");
  EXPECT_EQ(with([&](std::string& b) { put16(b, z.eocd + 8, 0); put16(b, z.eocd + 10, 0); }).kind, "damaged");
  EXPECT_EQ(with([&](std::string& b) { put16(b, z.eocd + 8, 1); }).kind, "zip");  // split archive
  EXPECT_EQ(with([&](std::string& b) { put16(b, z.eocd + 4, 1); }).kind, "zip");
  EXPECT_EQ(with([&](std::string& b) { put32(b, z.eocd + 16, 0xFFFFFFFFu); }).kind, "zip");  // ZIP64 marker
  EXPECT_EQ(with([&](std::string& b) { put32(b, z.eocd + 16, 0xFFFFFFF0u); }).kind, "damaged");
  EXPECT_EQ(with([&](std::string& b) { put32(b, z.eocd + 16, z.cd_offset() + 1); }).kind, "damaged");
  EXPECT_EQ(with([&](std::string& b) { put32(b, z.eocd + 12, get32(b, z.eocd + 12) + 1); }).kind, "damaged");
  EXPECT_EQ(with([&](std::string& b) { put32(b, z.eocd + 12, 0xFFFFFFF0u); }).kind, "damaged");
  // Central directory entries: name length past the directory, broken signature.
  EXPECT_EQ(with([&](std::string& b) { put16(b, z.cd_offset() + 28, 0xFFFF); }).kind, "damaged");
  EXPECT_EQ(with([&](std::string& b) { b[z.cd_offset() + 2] = 'X'; }).kind, "damaged");
}

// Finds the central directory entry named `name` in a comment-less sample.
std::size_t cd_entry(const Zip& z, const std::string& name) {
  std::size_t p = z.cd_offset();
  while (p + 46 <= z.eocd) {
    const std::size_t n = get16(z.bytes, p + 28);
    if (z.bytes.compare(p + 46, n, name) == 0) return p;
    p += 46 + n + get16(z.bytes, p + 30) + get16(z.bytes, p + 32);
  }
  ADD_FAILURE() << name << " not found";
  return 0;
}

TEST(SniffZip, LyingEntriesOfContentTypes) {
  Zip z("doc.docx");
  const std::size_t ct = cd_entry(z, "[Content_Types].xml");
  const auto with = [&](auto&& edit) {
    std::string b = z.bytes;
    edit(b);
    return sniff(b);
  };
  const auto local = get32(z.bytes, ct + 42);
  EXPECT_EQ(with([&](std::string& b) { put32(b, ct + 42, 0xFFFFFFF0u); }).kind, "damaged");  // past the end
  EXPECT_EQ(with([&](std::string& b) { put32(b, ct + 42, z.cd_offset()); }).kind, "damaged");  // into the directory
  EXPECT_EQ(with([&](std::string& b) { put32(b, ct + 42, local + 1); }).kind, "damaged");      // not a header
  EXPECT_EQ(with([&](std::string& b) { put32(b, ct + 20, 0xFFFFFFF0u); }).kind, "damaged");   // compressed size
  EXPECT_EQ(with([&](std::string& b) { put32(b, ct + 24, 0xFFFFFFF0u); }).kind, "damaged");   // uncompressed size
  EXPECT_EQ(with([&](std::string& b) { put32(b, ct + 24, get32(b, ct + 24) - 1); }).kind, "damaged");
  EXPECT_EQ(with([&](std::string& b) { put32(b, ct + 16, get32(b, ct + 16) ^ 1u); }).kind, "damaged");  // CRC-32
  EXPECT_EQ(with([&](std::string& b) { put16(b, ct + 10, 12); }).kind, "damaged");  // bzip2: unsupported method
  EXPECT_EQ(with([&](std::string& b) { put16(b, ct + 8, 1); }).kind, "encrypted");  // the encryption flag
  EXPECT_EQ(with([&](std::string& b) { put16(b, ct + 8, 1); }).detail, "zip_encrypted");
  // Corrupt deflate data: flip bits in the compressed stream.
  const std::size_t data = local + 30 + get16(z.bytes, local + 26) + get16(z.bytes, local + 28);
  for (std::size_t i = 0; i < 8; ++i)
    EXPECT_EQ(with([&](std::string& b) { b[data + i] = static_cast<char>(b[data + i] ^ 0x5A); }).accepted, false) << i;
}

TEST(SniffZip, OpenDocumentRules) {
  Zip z("doc.odt");
  ASSERT_EQ(z.bytes.substr(30, 8), "mimetype");
  std::string b = z.bytes;
  b[38 + 38] = 'X';  // "application/vnd.oasis.opendocument.text" → ".texX": the CRC-32 no longer matches
  EXPECT_EQ(sniff(b).kind, "damaged");
  EXPECT_EQ(sniff(b).description, "damaged OpenDocument file");
  b = z.bytes;
  put16(b, 28, 4);  // an extra field on "mimetype": the local header no longer lines up either
  EXPECT_FALSE(sniff(b).accepted);
  // Without content.xml (renamed in both headers).
  b = z.bytes;
  const std::size_t content = cd_entry(z, "content.xml");
  b.replace(content + 46, 11, "contenu.xml");
  const std::size_t local = get32(z.bytes, content + 42);
  b.replace(local + 30, 11, "contenu.xml");
  EXPECT_EQ(sniff(b).kind, "damaged");
  EXPECT_NE(sniff(b).description.find("content.xml"), std::string::npos);
}

TEST(SniffZip, TruncationsAreNeverAccepted) {
  for (const char* name : {"doc.docx", "doc.odt", "libreoffice.xlsx", "slides.pptx", "chromium.pdf"}) {
    const std::string full = sample(name);
    const std::string kind = sniff(full).kind;
    for (std::size_t n = 0; n < full.size(); ++n) {
      const auto s = sniff(full.substr(0, n));
      // A PDF is complete from its last "%%EOF" on (blanks may follow); anything shorter is cut.
      if (kind != "pdf" || n < full.rfind("%%EOF") + 5) EXPECT_FALSE(s.accepted) << name << " cut at " << n << ": " << s.kind;
      expect_consistent(s, name);
    }
  }
}


// --- Office Open XML decided from content types and relationships ----------------------------------

std::string docx_with(std::vector<test_zip::Entry> extra, std::string content_types = test_zip::docx_content_types(),
                      std::string package_rels = test_zip::rels(test_zip::office_document_rel())) {
  auto entries = test_zip::docx_entries();
  entries[0].data = std::move(content_types);
  entries[1].data = std::move(package_rels);
  for (auto& e : extra) entries.push_back(std::move(e));
  return test_zip::make(entries);
}

std::string with_override(const std::string& part, const std::string& type) {
  std::string ct = test_zip::docx_content_types();
  ct.insert(ct.rfind("</Types>"), "<Override PartName=\"" + part + "\" ContentType=\"" + type + "\"/>");
  return ct;
}

TEST(SniffOoxml, BaselineIsAccepted) {
  EXPECT_EQ(sniff(docx_with({})).kind, "docx");
}

TEST(SniffOoxml, MacrosUnderAnyNameAreFound) {
  // A VBA project renamed: its content type or its relationship gives it away.
  const std::string vba(64, '\0');
  EXPECT_EQ(sniff(docx_with({{"word/data.bin", vba}}, with_override("/word/data.bin", "application/vnd.ms-office.vbaProject"))).kind,
            "macro");
  EXPECT_EQ(sniff(docx_with({{"word/data.bin", vba},
                             {"word/_rels/document.xml.rels",
                              test_zip::rels("<Relationship Id=\"rId9\" Type=\"http://schemas.microsoft.com/office/2006/"
                                             "relationships/vbaProject\" Target=\"data.bin\"/>")}}))
                .kind,
            "macro");
  // Entities in the content types are decoded before deciding ("macro&#x45;nabled" is "macroEnabled").
  std::string ct = test_zip::docx_content_types();
  const std::string main = "wordprocessingml.document.main+xml";
  ct.replace(ct.find("application/vnd.openxmlformats-officedocument." + main),
             std::string("application/vnd.openxmlformats-officedocument." + main).size(),
             "application/vnd.ms-word.document.macro&#x45;nabled.main+xml");
  EXPECT_EQ(sniff(docx_with({}, ct)).kind, "macro");
  ct.replace(ct.find("macro&#x45;nabled"), 17, "macro&#69;nabled");
  EXPECT_EQ(sniff(docx_with({}, ct)).kind, "macro");
  // An entity no XML reader knows, or a DTD that could define one: not an Office document.
  ct.replace(ct.find("macro&#69;nabled"), 16, "macro&e;nabled");
  EXPECT_EQ(sniff(docx_with({}, ct)).detail, "ooxml_damaged");
  EXPECT_EQ(sniff(docx_with({}, "<!DOCTYPE Types [<!ENTITY e \"E\">]>" + std::string(test_zip::docx_content_types()))).detail,
            "ooxml_damaged");
  // UTF-16 content types are read too.
  std::string utf16 = "\xFF\xFE";
  for (char c : with_override("/word/x.bin", "application/vnd.ms-office.vbaProject")) {
    utf16 += c;
    utf16 += '\0';
  }
  EXPECT_EQ(sniff(docx_with({{"word/x.bin", vba}}, utf16)).kind, "macro");
}

TEST(SniffOoxml, TwoContentTypesOrEncryptedEntriesAreRefused) {
  // Two [Content_Types].xml: one with the macro type, one without — readers disagree on which counts.
  auto entries = test_zip::docx_entries();
  entries.insert(entries.begin(), {"[Content_Types].xml", with_override("/word/x.bin", "application/vnd.ms-office.vbaProject")});
  const auto s = sniff(test_zip::make(entries));
  EXPECT_EQ(s.kind, "damaged");
  EXPECT_EQ(s.detail, "zip_duplicate");
  entries = test_zip::docx_entries();
  entries[2].flags = 1;  // word/document.xml encrypted (ZIP's own encryption)
  EXPECT_EQ(sniff(test_zip::make(entries)).kind, "encrypted");
}

TEST(SniffOoxml, TheMainPartDecides) {
  // No relationship to the main part: Office cannot open it.
  EXPECT_EQ(sniff(docx_with({}, test_zip::docx_content_types(), test_zip::rels(""))).detail, "ooxml_damaged");
  // A relationship to a part that is not there.
  std::string rel = test_zip::office_document_rel();
  rel.replace(rel.find("word/document.xml"), 17, "word/missing.xml");
  EXPECT_EQ(sniff(docx_with({}, test_zip::docx_content_types(), test_zip::rels(rel))).detail, "ooxml_damaged");
  // Templates are refused with their own advice.
  std::string ct = test_zip::docx_content_types();
  ct.replace(ct.find("document.main+xml"), 17, "template.main+xml");
  const auto dotx = sniff(docx_with({}, ct));
  EXPECT_EQ(dotx.detail, "ooxml_template");
  EXPECT_FALSE(dotx.accepted);
  // Other main types (Visio…) are not documents we take.
  ct = test_zip::docx_content_types();
  ct.replace(ct.find("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"), 79,
             "application/vnd.ms-visio.drawing.main+xml");
  EXPECT_EQ(sniff(docx_with({}, ct)).detail, "ooxml_other");
  // A workbook's name next to the document: ambiguous.
  EXPECT_EQ(sniff(docx_with({{"xl/workbook.xml", "<workbook/>"}})).detail, "ooxml_ambiguous");
}

TEST(SniffZipKinds, EpubJarApkAndFlatOpenDocument) {
  const auto epub = sniff(sample("book.epub"));
  EXPECT_EQ(epub.detail, "epub");
  EXPECT_EQ(sniff(test_zip::make({{"META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n"}, {"a/B.class", "\xCA\xFE\xBA\xBE"}})).detail,
            "jar");
  EXPECT_EQ(sniff(test_zip::make({{"AndroidManifest.xml", "x"}, {"classes.dex", "dex\n"}})).detail, "apk");
  EXPECT_EQ(sniff(test_zip::make({{"a.txt", "x"}})).kind, "zip");
  const auto flat = sniff("<?xml version=\"1.0\"?>\n<office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                          "office:mimetype=\"application/vnd.oasis.opendocument.text\"><office:body/></office:document>");
  EXPECT_EQ(flat.kind, "odf_other");
  EXPECT_EQ(flat.detail, "odf_flat");
  EXPECT_EQ(sniff(sample("template.ott")).detail, "odf_template");
}

// --- images: size from the header, before anything decodes them -----------------------------------

TEST(SniffImages, SizeIsReadAndBombsRefused) {
  const auto png = sniff(sample("canvas.png"));
  EXPECT_GT(png.width, 0u);
  EXPECT_GT(png.height, 0u);
  // The 34-byte WebP that decodes to 16383×16383 (≈ 1 GiB).
  std::string bomb = "RIFF";
  bomb += std::string("\x1a\0\0\0", 4) + "WEBPVP8L" + std::string("\x0d\0\0\0\x2f\xfe\xbf\xff\x0f", 9);
  bomb += std::string(9, '\0');
  const auto s = sniff(bomb);
  EXPECT_EQ(s.kind, "image_too_large");
  EXPECT_EQ(s.media_type, "image/webp");
  EXPECT_NE(s.description.find("16383×16383"), std::string::npos) << s.description;
  EXPECT_FALSE(s.accepted);
  // A PNG that says 20000×20000 (400 megapixels) in its IHDR.
  std::string big = sample("canvas.png");
  for (std::size_t at : {std::size_t{16}, std::size_t{20}}) {
    big[at] = 0;
    big[at + 1] = 0;
    big[at + 2] = static_cast<char>(0x4E);
    big[at + 3] = static_cast<char>(0x20);
  }
  EXPECT_EQ(sniff(big).kind, "image_too_large");
  // A JPEG with no frame header: nothing could show it.
  const auto jpeg = sniff(std::string("\xFF\xD8\xFF\xE0\0\x04" "ab\xFF\xD9", 10));
  EXPECT_EQ(jpeg.detail, "jpeg_damaged");
}

TEST(SniffDetails, EveryDetailBelongsToAKind) {
  const auto& kinds = core::sniff_kinds();
  EXPECT_EQ(std::set<std::string>(kinds.begin(), kinds.end()), k_all_kinds);
  std::set<std::string_view> seen;
  for (const auto d : core::sniff_details()) EXPECT_TRUE(seen.insert(d).second) << d;
}

// --- random and mutated input ---------------------------------------------------------------------------

TEST(SniffFuzz, RandomBuffersNeverAcceptedAsZipBased) {
  std::mt19937 rng(20240601u);
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_int_distribution<std::size_t> length(0, 3000);
  const std::string prefixes[] = {"", "PK\x03\x04", "PK\x05\x06", "%PDF-1.", "\x89PNG\r\n\x1a\n", "RIFF\0\0\0\0WEBP",
                                  "\xEF\xBB\xBF", "<", "MZ", "\xD0\xCF\x11\xE0"};
  for (int i = 0; i < 4000; ++i) {
    std::string b = prefixes[static_cast<std::size_t>(i) % std::size(prefixes)];
    const std::size_t n = length(rng);
    for (std::size_t k = 0; k < n; ++k) b.push_back(static_cast<char>(byte(rng)));
    if (i % 3 == 0 && b.size() >= 22) {
      // Give it an end record pointing somewhere inside, with random counts.
      std::string eocd = std::string("PK\x05\x06", 4) + std::string(18, '\0');
      put16(eocd, 8, static_cast<std::uint16_t>(byte(rng)));
      put16(eocd, 10, get16(eocd, 8));
      put32(eocd, 12, static_cast<std::uint32_t>(length(rng)));
      put32(eocd, 16, static_cast<std::uint32_t>(length(rng)));
      b += eocd;
    }
    const auto s = sniff(b);
    expect_consistent(s, "random #" + std::to_string(i));
    EXPECT_FALSE(k_zip_kinds.count(s.kind)) << "random #" << i;
  }
}

TEST(SniffFuzz, RandomTextNeverCrashes) {
  std::mt19937 rng(7u);
  const std::string alphabet = "ab1;,\t\"\n\r <>{}[]#!é\xE9";
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  std::uniform_int_distribution<std::size_t> length(0, 400);
  for (int i = 0; i < 3000; ++i) {
    std::string b;
    const std::size_t n = length(rng);
    for (std::size_t k = 0; k < n; ++k) b.push_back(alphabet[pick(rng)]);
    expect_consistent(sniff(b), "text #" + std::to_string(i));
  }
}

TEST(SniffFuzz, MutatedRealFiles) {
  std::mt19937 rng(12345u);
  const char* names[] = {"doc.docx", "deflate-fixed.docx", "deflate-stored.docx", "deflate-split.docx", "libreoffice.docx", "libreoffice.odt", "sheet.ods", "macros.docm",
                         "libreoffice.docm", "canvas.png", "canvas.webp", "excel-fr-cp1252.csv"};
  for (const char* name : names) {
    const std::string original = sample(name);
    ASSERT_FALSE(original.empty()) << name;
    std::uniform_int_distribution<std::size_t> at(0, original.size() - 1);
    std::uniform_int_distribution<int> byte(0, 255);
    for (int i = 0; i < 300; ++i) {
      std::string b = original;
      const int edits = 1 + i % 4;
      for (int e = 0; e < edits; ++e) b[at(rng)] = static_cast<char>(byte(rng));
      if (i % 5 == 0) b.resize(at(rng));
      const auto s = sniff(b);
      expect_consistent(s, std::string(name) + " mutation " + std::to_string(i));
      // Damage never launders macros: [Content_Types].xml is CRC-checked, so it cannot silently lose
      // its "macroEnabled".
      if (std::string(name).find("docm") != std::string::npos)
        EXPECT_FALSE(s.accepted) << name << " mutation " << i << ": " << s.kind;
    }
  }
}

}  // namespace
