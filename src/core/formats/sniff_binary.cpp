// Sniffing by magic numbers: PDF (both ends), images (from their headers), ISO media, archives, programs.
#include "core/formats/sniff_detail.hpp"

#include <algorithm>
#include <cstdint>

namespace core::sniff_detail {

// [SECTION] PDF ---------------------------------------------------------------------------------------
// A reader finds a PDF's cross-reference table from its end ("startxref", an offset, "%%EOF" within the
// last KB; without them it rebuilds the table, if it can): a file that does not end with "%%EOF" was cut
// short, whatever its first bytes say. What follows the
// last "%%EOF" must be blank: an archive appended there (zip -A) makes a file that is two formats at once.
// "/Encrypt" in a trailer (classic or cross-reference stream) means a password or restrictions: all are
// refused, since telling whether the empty user password opens one takes the key derivation of each
// revision (MD5, RC4, AES, SHA-2), which core does not carry; printing to a new PDF removes both.

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

} // namespace core::sniff_detail
