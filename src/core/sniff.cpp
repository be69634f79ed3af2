// Content-based media-type detection: magic numbers, a bounds-checked ZIP directory reader with a small
// inflater (for [Content_Types].xml), and the CSV heuristic. See sniff.hpp for the decisions.
//
// [SECTION] kinds table   [SECTION] byte helpers   [SECTION] inflate   [SECTION] ZIP
// [SECTION] OpenDocument / Office Open XML   [SECTION] binary magics   [SECTION] text, markup, CSV
// [SECTION] public API
#include "core/sniff.hpp"

#include "core/utf8.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>

namespace core {

namespace {

// [SECTION] kinds table ----------------------------------------------------------------------------

enum class K {
  pdf, png, jpeg, webp, odt, ods, odp, docx, xlsx, pptx, csv,  // accepted
  empty, html, svg, xml, json, script, exe, elf, macho, gif, tiff, bmp, heic, avif, video, audio, zip,
  gzip, bzip2, xz, seven_z, rar, legacy_office, encrypted, rtf, postscript, odf_other, macro, text_utf16, text,
  damaged, unknown,
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
    {K::exe, "exe", "application/x-msdownload", "Windows executable", "programs are never accepted", false},
    {K::elf, "elf", "application/x-executable", "Linux executable (ELF)", "programs are never accepted", false},
    {K::macho, "macho", "application/x-mach-binary", "macOS executable (Mach-O)", "programs are never accepted", false},
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
    {K::encrypted, "encrypted", "application/octet-stream", "password-protected document",
     "remove the password (or export it as PDF): coaches could not open it", false},
    {K::rtf, "rtf", "application/rtf", "RTF document", "save it as .docx, .odt or PDF", false},
    {K::postscript, "postscript", "application/postscript", "PostScript document", "convert it to PDF", false},
    {K::odf_other, "odf_other", "application/vnd.oasis.opendocument", "OpenDocument file of another kind",
     "export it as PDF, or save it as .odt, .ods or .odp", false},
    {K::macro, "macro", "application/vnd.ms-office.macroEnabled", "document with macros",
     "macros are not accepted: save it without macros (.docx/.xlsx/.pptx or .odt/.ods/.odp) or as PDF", false},
    {K::text_utf16, "text_utf16", "text/plain", "UTF-16 text", "save it as \"CSV UTF-8\" (or PDF)", false},
    {K::text, "text", "text/plain", "plain text", "save it as PDF, or as CSV if it is a table", false},
    {K::damaged, "damaged", "application/octet-stream", "damaged file", "it looks damaged or truncated: export it again", false},
    {K::unknown, "unknown", "application/octet-stream", "unrecognised binary data", "", false},
};

const KindInfo& info(K k) noexcept {
  for (const auto& i : k_kinds)
    if (i.k == k) return i;
  return k_kinds[sizeof k_kinds / sizeof k_kinds[0] - 1];
}

// What a detector found: a kind, optionally with a more precise description / media type / hint.
struct Verdict {
  K kind = K::unknown;
  std::string_view description = {};
  std::string_view media_type = {};
  std::string_view hint = {};
  std::string_view encoding = {};
};

// [SECTION] byte helpers ---------------------------------------------------------------------------

// Offsets read from files are 32-bit values; arithmetic on them is done in 64 bits so that nothing
// wraps on wasm32 (4-byte size_t).
bool fits(std::string_view b, std::uint64_t at, std::uint64_t n) noexcept {
  const std::uint64_t size = b.size();
  return at <= size && n <= size - at;
}
std::uint8_t byte_at(std::string_view b, std::uint64_t at) noexcept {
  return static_cast<std::uint8_t>(b[static_cast<std::size_t>(at)]);
}
// Little-endian reads; callers have checked `fits`.
std::uint16_t le16(std::string_view b, std::uint64_t at) noexcept {
  return static_cast<std::uint16_t>(byte_at(b, at) | (byte_at(b, at + 1) << 8));
}
std::uint32_t le32(std::string_view b, std::uint64_t at) noexcept {
  return static_cast<std::uint32_t>(byte_at(b, at)) | (static_cast<std::uint32_t>(byte_at(b, at + 1)) << 8) |
         (static_cast<std::uint32_t>(byte_at(b, at + 2)) << 16) | (static_cast<std::uint32_t>(byte_at(b, at + 3)) << 24);
}
std::uint32_t be32(std::string_view b, std::uint64_t at) noexcept {
  return (static_cast<std::uint32_t>(byte_at(b, at)) << 24) | (static_cast<std::uint32_t>(byte_at(b, at + 1)) << 16) |
         (static_cast<std::uint32_t>(byte_at(b, at + 2)) << 8) | static_cast<std::uint32_t>(byte_at(b, at + 3));
}
std::string_view slice(std::string_view b, std::uint64_t at, std::uint64_t n) noexcept {
  return b.substr(static_cast<std::size_t>(at), static_cast<std::size_t>(n));
}
bool has_at(std::string_view b, std::uint64_t at, std::string_view magic) noexcept {
  return fits(b, at, magic.size()) && slice(b, at, magic.size()) == magic;
}
bool starts(std::string_view b, std::string_view magic) noexcept { return has_at(b, 0, magic); }

char lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool equal_ci(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}
bool starts_ci(std::string_view s, std::string_view prefix) noexcept {
  return s.size() >= prefix.size() && equal_ci(s.substr(0, prefix.size()), prefix);
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

// [SECTION] inflate --------------------------------------------------------------------------------
// RFC 1951, after zlib's puff.c: canonical Huffman decoding one bit at a time. Only used on
// [Content_Types].xml (a few KB), so simplicity beats speed. Output is capped; every read is checked.

class Inflater {
public:
  Inflater(std::string_view in, std::size_t cap) noexcept : in_(in), cap_(cap) {}

  std::optional<std::string> run() {
    bool last = false;
    do {
      last = bits(1) != 0;
      const std::uint32_t type = bits(2);
      if (!ok_) return std::nullopt;
      bool block_ok = false;
      if (type == 0) block_ok = stored();
      else if (type == 1) block_ok = fixed();
      else if (type == 2) block_ok = dynamic();
      if (!block_ok || !ok_) return std::nullopt;
    } while (!last);
    return std::move(out_);
  }

private:
  static constexpr int k_max_bits = 15;
  struct Huffman {
    std::array<std::int16_t, k_max_bits + 1> count{};
    std::array<std::int16_t, 288> symbol{};
  };

  std::uint32_t bits(int need) noexcept {
    std::uint32_t val = bit_buf_;
    while (bit_count_ < need) {
      if (pos_ >= in_.size()) {
        ok_ = false;
        return 0;
      }
      val |= static_cast<std::uint32_t>(static_cast<std::uint8_t>(in_[pos_++])) << bit_count_;
      bit_count_ += 8;
    }
    bit_buf_ = val >> need;
    bit_count_ -= need;
    return val & ((1u << need) - 1u);
  }

  bool put(char c) {
    if (out_.size() >= cap_) return false;
    out_.push_back(c);
    return true;
  }

  bool stored() {
    bit_buf_ = 0;  // a stored block starts on a byte boundary
    bit_count_ = 0;
    if (in_.size() - pos_ < 4) return false;
    const auto b = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<std::uint8_t>(in_[pos_ + i])); };
    const std::uint32_t len = b(0) | (b(1) << 8);
    const std::uint32_t nlen = b(2) | (b(3) << 8);
    pos_ += 4;
    if (len != (~nlen & 0xFFFFu)) return false;
    if (in_.size() - pos_ < len || cap_ - out_.size() < len) return false;
    out_.append(in_.substr(pos_, len));
    pos_ += len;
    return true;
  }

  // Builds the decoding table; returns 0 for a complete code, > 0 incomplete, < 0 over-subscribed.
  static int construct(Huffman& h, const std::int16_t* length, int n) noexcept {
    h.count.fill(0);
    for (int s = 0; s < n; ++s) h.count[static_cast<std::size_t>(length[s])]++;
    if (h.count[0] == n) return 0;  // no codes: complete, but decoding will fail
    int left = 1;
    for (int len = 1; len <= k_max_bits; ++len) {
      left <<= 1;
      left -= h.count[static_cast<std::size_t>(len)];
      if (left < 0) return left;
    }
    std::array<std::int16_t, k_max_bits + 1> offs{};
    for (std::size_t len = 1; len < k_max_bits; ++len)
      offs[len + 1] = static_cast<std::int16_t>(offs[len] + h.count[len]);
    for (int s = 0; s < n; ++s)
      if (length[s] != 0) h.symbol[static_cast<std::size_t>(offs[static_cast<std::size_t>(length[s])]++)] = static_cast<std::int16_t>(s);
    return left;
  }

  int decode(const Huffman& h) noexcept {
    int code = 0, first = 0, index = 0;
    for (std::size_t len = 1; len <= k_max_bits; ++len) {
      code |= static_cast<int>(bits(1));
      if (!ok_) return -1;
      const int count = h.count[len];
      if (code - count < first) return h.symbol[static_cast<std::size_t>(index + (code - first))];
      index += count;
      first += count;
      first <<= 1;
      code <<= 1;
    }
    return -1;  // ran out of codes
  }

  bool codes(const Huffman& lencode, const Huffman& distcode) {
    static constexpr std::int16_t lbase[29] = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                                31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
    static constexpr std::int16_t lext[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
    static constexpr std::int16_t dbase[30] = {1,   2,   3,   4,   5,   7,    9,    13,   17,   25,   33,   49,   65,    97,    129,
                                                193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
    static constexpr std::int16_t dext[30] = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
    for (;;) {
      int symbol = decode(lencode);
      if (symbol < 0) return false;
      if (symbol < 256) {
        if (!put(static_cast<char>(symbol))) return false;
        continue;
      }
      if (symbol == 256) return true;
      symbol -= 257;
      if (symbol >= 29) return false;
      const std::size_t len = static_cast<std::size_t>(lbase[symbol]) + bits(lext[symbol]);
      symbol = decode(distcode);
      if (symbol < 0 || symbol >= 30) return false;
      const std::size_t dist = static_cast<std::size_t>(dbase[symbol]) + bits(dext[symbol]);
      if (!ok_ || dist > out_.size()) return false;
      for (std::size_t i = 0; i < len; ++i)  // byte by byte: source and destination may overlap
        if (!put(out_[out_.size() - dist])) return false;
    }
  }

  bool fixed() {
    std::array<std::int16_t, 288> lengths{};
    for (std::size_t s = 0; s < 288; ++s) lengths[s] = s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8;
    Huffman lencode, distcode;
    construct(lencode, lengths.data(), 288);
    for (std::size_t s = 0; s < 30; ++s) lengths[s] = 5;
    construct(distcode, lengths.data(), 30);
    return codes(lencode, distcode);
  }

  bool dynamic() {
    static constexpr std::size_t order[19] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
    const int nlen = static_cast<int>(bits(5)) + 257;
    const int ndist = static_cast<int>(bits(5)) + 1;
    const std::size_t ncode = bits(4) + 4u;
    if (!ok_ || nlen > 286 || ndist > 30) return false;
    std::array<std::int16_t, 320> lengths{};
    for (std::size_t i = 0; i < ncode; ++i) lengths[order[i]] = static_cast<std::int16_t>(bits(3));
    if (!ok_) return false;
    Huffman lencode, distcode;
    if (construct(lencode, lengths.data(), 19) != 0) return false;  // the code-length code must be complete
    int index = 0;
    while (index < nlen + ndist) {
      int symbol = decode(lencode);
      if (symbol < 0) return false;
      if (symbol < 16) {
        lengths[static_cast<std::size_t>(index++)] = static_cast<std::int16_t>(symbol);
        continue;
      }
      std::int16_t len = 0;
      std::uint32_t repeat = 0;
      if (symbol == 16) {
        if (index == 0) return false;
        len = lengths[static_cast<std::size_t>(index - 1)];
        repeat = 3 + bits(2);
      } else if (symbol == 17) {
        repeat = 3 + bits(3);
      } else {
        repeat = 11 + bits(7);
      }
      if (!ok_ || static_cast<std::uint32_t>(index) + repeat > static_cast<std::uint32_t>(nlen + ndist)) return false;
      while (repeat-- > 0) lengths[static_cast<std::size_t>(index++)] = len;
    }
    if (lengths[256] == 0) return false;  // no end-of-block code
    int err = construct(lencode, lengths.data(), nlen);
    if (err < 0 || (err > 0 && nlen - lencode.count[0] != 1)) return false;  // incomplete only for one code
    err = construct(distcode, lengths.data() + nlen, ndist);
    if (err < 0 || (err > 0 && ndist - distcode.count[0] != 1)) return false;
    return codes(lencode, distcode);
  }

  std::string_view in_;
  std::size_t cap_;
  std::size_t pos_ = 0;
  std::uint32_t bit_buf_ = 0;
  int bit_count_ = 0;
  bool ok_ = true;
  std::string out_;
};

// CRC-32 (ISO-HDLC, as ZIP uses), so that a damaged entry is not read as a different valid one.
constexpr std::array<std::uint32_t, 256> make_crc_table() noexcept {
  std::array<std::uint32_t, 256> table{};
  for (std::uint32_t n = 0; n < 256; ++n) {
    std::uint32_t c = n;
    for (int k = 0; k < 8; ++k) c = (c & 1u) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    table[n] = c;
  }
  return table;
}
constexpr std::array<std::uint32_t, 256> k_crc_table = make_crc_table();

std::uint32_t crc32(std::string_view data) noexcept {
  std::uint32_t c = 0xFFFFFFFFu;
  for (char ch : data) c = k_crc_table[(c ^ static_cast<std::uint8_t>(ch)) & 0xFFu] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

// [SECTION] ZIP ------------------------------------------------------------------------------------

constexpr std::uint64_t k_eocd_size = 22;
constexpr std::uint64_t k_max_eocd_search = k_eocd_size + 0xFFFF;  // record + the longest comment
constexpr std::uint32_t k_max_zip_entries = 10000;                  // Office files have a few hundred
constexpr std::uint64_t k_cd_header_size = 46;
constexpr std::uint64_t k_local_header_size = 30;

struct ZipEntry {
  std::string_view name;
  std::uint16_t flags = 0;
  std::uint16_t method = 0;
  std::uint32_t crc = 0;
  std::uint32_t compressed = 0;
  std::uint32_t uncompressed = 0;
  std::uint32_t local_offset = 0;
};

enum class ZipError { none, damaged, unsupported, too_many_entries };

struct ZipDirectory {
  ZipError error = ZipError::none;
  std::uint64_t cd_offset = 0;  // local data must end before it
  std::vector<ZipEntry> entries;

  const ZipEntry* find(std::string_view name) const noexcept {
    for (const auto& e : entries)
      if (e.name == name) return &e;
    return nullptr;
  }
  const ZipEntry* find_ci(std::string_view name) const noexcept {
    for (const auto& e : entries)
      if (equal_ci(e.name, name)) return &e;
    return nullptr;
  }
};

ZipDirectory read_zip_directory(std::string_view b) {
  ZipDirectory d;
  const std::uint64_t size = b.size();
  d.error = ZipError::damaged;
  if (size < k_eocd_size) return d;
  // The end record is the last "PK\5\6" whose comment ends exactly at the end of the file: a comment
  // length that lies (too long, or leaving trailing bytes) disqualifies the candidate.
  const std::uint64_t lowest = size > k_max_eocd_search ? size - k_max_eocd_search : 0;
  std::optional<std::uint64_t> eocd;
  for (std::uint64_t pos = size - k_eocd_size;; --pos) {
    if (has_at(b, pos, "PK\x05\x06") && pos + k_eocd_size + le16(b, pos + 20) == size) {
      eocd = pos;
      break;
    }
    if (pos == lowest) break;
  }
  if (!eocd) return d;
  const std::uint64_t e = *eocd;
  const std::uint16_t disk = le16(b, e + 4);
  const std::uint16_t cd_disk = le16(b, e + 6);
  const std::uint16_t entries_here = le16(b, e + 8);
  const std::uint16_t entries_total = le16(b, e + 10);
  const std::uint32_t cd_size = le32(b, e + 12);
  const std::uint32_t cd_offset = le32(b, e + 16);
  const bool zip64_locator = e >= 20 && has_at(b, e - 20, "PK\x06\x07");
  if (zip64_locator || entries_total == 0xFFFF || cd_size == 0xFFFFFFFFu || cd_offset == 0xFFFFFFFFu ||
      disk != 0 || cd_disk != 0 || entries_here != entries_total) {
    d.error = ZipError::unsupported;
    return d;
  }
  if (entries_total > k_max_zip_entries) {
    d.error = ZipError::too_many_entries;
    return d;
  }
  // The directory sits right before the end record (no ZIP64 records, no prefixed data).
  if (static_cast<std::uint64_t>(cd_offset) + cd_size != e) return d;
  if (static_cast<std::uint64_t>(entries_total) * k_cd_header_size > cd_size) return d;
  d.cd_offset = cd_offset;
  d.entries.reserve(entries_total);
  std::uint64_t p = cd_offset;
  for (std::uint32_t i = 0; i < entries_total; ++i) {
    if (!fits(b, p, k_cd_header_size) || p + k_cd_header_size > e || !has_at(b, p, "PK\x01\x02")) return d;
    ZipEntry z;
    z.flags = le16(b, p + 8);
    z.method = le16(b, p + 10);
    z.crc = le32(b, p + 16);
    z.compressed = le32(b, p + 20);
    z.uncompressed = le32(b, p + 24);
    const std::uint64_t name_len = le16(b, p + 28);
    const std::uint64_t extra_len = le16(b, p + 30);
    const std::uint64_t comment_len = le16(b, p + 32);
    z.local_offset = le32(b, p + 42);
    const std::uint64_t next = p + k_cd_header_size + name_len + extra_len + comment_len;
    if (next > e) return d;
    z.name = slice(b, p + k_cd_header_size, name_len);
    d.entries.push_back(z);
    p = next;
  }
  if (p != e) return d;  // the directory holds more than it declares
  d.error = ZipError::none;
  return d;
}

// The stored (possibly compressed) bytes of an entry, when its local header agrees with the directory.
std::optional<std::string_view> entry_data(std::string_view b, const ZipDirectory& d, const ZipEntry& z) noexcept {
  const std::uint64_t lo = z.local_offset;
  if (lo + k_local_header_size > d.cd_offset || !has_at(b, lo, "PK\x03\x04")) return std::nullopt;
  if (le16(b, lo + 8) != z.method) return std::nullopt;
  const std::uint64_t name_len = le16(b, lo + 26);
  const std::uint64_t extra_len = le16(b, lo + 28);
  const std::uint64_t start = lo + k_local_header_size + name_len + extra_len;
  if (start + z.compressed > d.cd_offset) return std::nullopt;
  if (slice(b, lo + k_local_header_size, name_len) != z.name) return std::nullopt;
  return slice(b, start, z.compressed);
}

// The uncompressed content of an entry (stored or deflated, not encrypted, CRC checked), at most `cap` bytes.
std::optional<std::string> entry_content(std::string_view b, const ZipDirectory& d, const ZipEntry& z, std::size_t cap) {
  if ((z.flags & 1u) != 0 || z.uncompressed > cap) return std::nullopt;
  const auto data = entry_data(b, d, z);
  if (!data) return std::nullopt;
  std::optional<std::string> out;
  if (z.method == 0 && z.compressed == z.uncompressed) out = std::string(*data);
  else if (z.method == 8) out = Inflater(*data, cap).run();
  if (!out || out->size() != z.uncompressed || crc32(*out) != z.crc) return std::nullopt;
  return out;
}

// [SECTION] OpenDocument / Office Open XML -----------------------------------------------------------

struct OdfType {
  std::string_view media_type;
  std::string_view description;
};
// Refused OpenDocument types, for a precise message.
constexpr OdfType k_other_odf[] = {
    {"application/vnd.oasis.opendocument.graphics", "OpenDocument drawing (.odg)"},
    {"application/vnd.oasis.opendocument.chart", "OpenDocument chart (.odc)"},
    {"application/vnd.oasis.opendocument.formula", "OpenDocument formula (.odf)"},
    {"application/vnd.oasis.opendocument.image", "OpenDocument image (.odi)"},
    {"application/vnd.oasis.opendocument.text-master", "OpenDocument master document (.odm)"},
    {"application/vnd.oasis.opendocument.text-web", "OpenDocument web page template (.oth)"},
    {"application/vnd.oasis.opendocument.base", "OpenDocument database (.odb)"},
    {"application/vnd.oasis.opendocument.text-template", "OpenDocument text template (.ott)"},
    {"application/vnd.oasis.opendocument.spreadsheet-template", "OpenDocument spreadsheet template (.ots)"},
    {"application/vnd.oasis.opendocument.presentation-template", "OpenDocument presentation template (.otp)"},
    {"application/vnd.oasis.opendocument.graphics-template", "OpenDocument drawing template (.otg)"},
};

std::optional<Verdict> sniff_opendocument(std::string_view b, const ZipDirectory& d) {
  const ZipEntry* first = nullptr;
  for (const auto& z : d.entries)
    if (z.local_offset == 0) first = &z;
  if (first == nullptr || first->name != "mimetype") {
    // An OpenDocument package whose "mimetype" is not first (some zip tools reorder entries).
    const ZipEntry* mimetype = d.find("mimetype");
    if (mimetype != nullptr && d.find("content.xml") != nullptr) {
      const auto value = entry_content(b, d, *mimetype, 256);
      if (value && starts_ci(*value, "application/vnd.oasis.opendocument."))
        return Verdict{K::damaged, "non-conforming OpenDocument file ('mimetype' is not the first entry)", {},
                       "open it in LibreOffice and save it again, or export it as PDF"};
    }
    return std::nullopt;
  }
  const auto value = entry_content(b, d, *first, 256);
  if (!value) return Verdict{K::damaged, "damaged OpenDocument file"};
  K kind = K::unknown;
  if (*value == k_odt) kind = K::odt;
  else if (*value == k_ods) kind = K::ods;
  else if (*value == k_odp) kind = K::odp;
  if (kind == K::unknown) {
    for (const std::string_view type : {k_odt, k_ods, k_odp}) {
      // "mimetype" must hold exactly the type; a trailing newline is a common mistake of hand-made packages.
      std::string_view v = *value;
      while (!v.empty() && is_space(v.back())) v.remove_suffix(1);
      if (v == type)
        return Verdict{K::damaged, "non-conforming OpenDocument file ('mimetype' is not exactly the media type)", {},
                       "open it in LibreOffice and save it again, or export it as PDF"};
    }
    for (const auto& t : k_other_odf)
      if (*value == t.media_type) return Verdict{K::odf_other, t.description, t.media_type};
    if (starts_ci(*value, "application/vnd.oasis.opendocument.")) return Verdict{K::odf_other};
    if (*value == "application/epub+zip")
      return Verdict{K::zip, "EPUB e-book", "application/epub+zip", "export it as PDF"};
    return std::nullopt;  // some other "mimetype"-first package: let the generic checks describe it
  }
  // The specification's rules, which are what make the type knowable from the first bytes.
  if (first->method != 0 || le16(b, 28) != 0)
    return Verdict{K::damaged, "non-conforming OpenDocument file ('mimetype' compressed or with extra data)",
                   {}, "open it in LibreOffice and save it again, or export it as PDF"};
  if (d.find("content.xml") == nullptr) return Verdict{K::damaged, "incomplete OpenDocument file (no content.xml)"};
  for (const auto& z : d.entries) {
    if (z.name.substr(0, 6) == "Basic/" || z.name.substr(0, 8) == "Scripts/") {
      const std::string_view type = info(kind).media_type;
      if (kind == K::odt) return Verdict{K::macro, "OpenDocument text with macros", type};
      if (kind == K::ods) return Verdict{K::macro, "OpenDocument spreadsheet with macros", type};
      return Verdict{K::macro, "OpenDocument presentation with macros", type};
    }
  }
  // A password-protected package keeps its structure but encrypts its parts; only the manifest says so.
  if (const ZipEntry* manifest = d.find("META-INF/manifest.xml")) {
    const auto text = entry_content(b, d, *manifest, std::size_t{1} << 20);
    if (!text) return Verdict{K::damaged, "damaged OpenDocument file"};
    if (contains_ci(*text, "encryption-data"))
      return Verdict{K::encrypted, "password-protected OpenDocument file", info(kind).media_type};
  }
  return Verdict{kind};
}

std::optional<Verdict> sniff_office_open_xml(std::string_view b, const ZipDirectory& d) {
  const ZipEntry* types = d.find_ci("[Content_Types].xml");
  if (types == nullptr) return std::nullopt;
  const bool word = d.find_ci("word/document.xml") != nullptr;
  const bool excel = d.find_ci("xl/workbook.xml") != nullptr;
  const bool powerpoint = d.find_ci("ppt/presentation.xml") != nullptr;
  const int mains = int{word} + int{excel} + int{powerpoint};
  if (mains == 0)
    return Verdict{K::zip, "Office Open XML package of another kind (Visio, XPS…)", "application/zip", "export it as PDF"};
  if (mains > 1) return Verdict{K::damaged, "ambiguous Office document (several main parts)"};
  bool macros = false;
  for (const auto& z : d.entries) {
    const std::size_t slash = z.name.rfind('/');
    const std::string_view base = slash == std::string_view::npos ? z.name : z.name.substr(slash + 1);
    if (equal_ci(base, "vbaProject.bin") || equal_ci(base, "vbaProjectSignature.bin") ||
        starts_ci(z.name, "xl/macrosheets/"))
      macros = true;
  }
  const auto content_types = entry_content(b, d, *types, std::size_t{1} << 20);
  if (!content_types || !contains_ci(*content_types, "<types")) return Verdict{K::damaged, "damaged Office document"};
  if (macros || contains_ci(*content_types, "macroenabled")) {
    if (word) return Verdict{K::macro, "macro-enabled Word document (.docm)", "application/vnd.ms-word.document.macroEnabled.12"};
    if (excel) return Verdict{K::macro, "macro-enabled Excel workbook (.xlsm)", "application/vnd.ms-excel.sheet.macroEnabled.12"};
    return Verdict{K::macro, "macro-enabled PowerPoint presentation (.pptm)",
                   "application/vnd.ms-powerpoint.presentation.macroEnabled.12"};
  }
  return Verdict{word ? K::docx : excel ? K::xlsx : K::pptx};
}

Verdict sniff_zip(std::string_view b) {
  const ZipDirectory d = read_zip_directory(b);
  if (d.error == ZipError::unsupported) return Verdict{K::zip, "ZIP64 or multi-part ZIP archive"};
  if (d.error == ZipError::too_many_entries) return Verdict{K::zip, "ZIP archive with too many entries"};
  if (d.error != ZipError::none) {
    // Name what it was meant to be from the first local header, for a useful message.
    if (has_at(b, 30, "mimetype")) return Verdict{K::damaged, "damaged OpenDocument file"};
    if (has_at(b, 30, "[Content_Types].xml")) return Verdict{K::damaged, "damaged Office document"};
    return Verdict{K::damaged, "damaged ZIP archive"};
  }
  if (auto v = sniff_opendocument(b, d)) return *v;
  if (auto v = sniff_office_open_xml(b, d)) return *v;
  return Verdict{K::zip};
}

// [SECTION] binary magics --------------------------------------------------------------------------

// ISO base media files (MP4, QuickTime, HEIF, AVIF): "ftyp" box first, classified by its brands.
std::optional<Verdict> sniff_iso_media(std::string_view b) noexcept {
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
  if (starts(b, "%PDF-")) {
    if (fits(b, 0, 6) && is_digit(b[5])) return Verdict{K::pdf};
    return Verdict{K::damaged, "damaged PDF document (no version in its header)"};
  }
  if (starts(b, "\x89PNG\r\n\x1a\n")) {
    if (has_at(b, 8, std::string_view("\0\0\0\x0dIHDR", 8))) return Verdict{K::png};
    return Verdict{K::damaged, "damaged PNG image"};
  }
  if (starts(b, "\xFF\xD8\xFF")) return Verdict{K::jpeg};
  if (starts(b, "RIFF") && fits(b, 0, 12)) {
    const std::string_view form = slice(b, 8, 4);
    if (form == "WEBP") {
      if (has_at(b, 12, "VP8 ") || has_at(b, 12, "VP8L") || has_at(b, 12, "VP8X")) return Verdict{K::webp};
      return Verdict{K::damaged, "damaged WebP image"};
    }
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
      return Verdict{K::encrypted, "password-protected Office document", "application/x-ole-storage"};
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
  if (starts(b, "fLaC") && fits(b, 0, 5) && (byte_at(b, 4) & 0x7Fu) == 0) return Verdict{K::audio, "FLAC audio", "audio/flac"};
  if (starts(b, "ID3") && fits(b, 0, 4) && byte_at(b, 3) >= 2 && byte_at(b, 3) <= 4) return Verdict{K::audio, "MP3 audio", "audio/mpeg"};
  if (starts(b, std::string_view("\0\0\xFE\xFF", 4)) || starts(b, std::string_view("\xFF\xFE\0\0", 4)))
    return Verdict{K::text_utf16, "UTF-32 text"};
  if (starts(b, "\xFF\xFE") || starts(b, "\xFE\xFF")) return Verdict{K::text_utf16};
  return std::nullopt;
}

// [SECTION] text, markup, CSV ----------------------------------------------------------------------

constexpr std::size_t k_markup_window = 1024;  // "within the first KB", as browsers sniff

// The name of the root element (lower-case), skipping the XML declaration, processing instructions,
// comments and the doctype; empty when `head` ends first.
std::string root_element(std::string_view head) {
  std::size_t i = 0;
  for (;;) {
    while (i < head.size() && is_space(head[i])) ++i;
    const std::string_view rest = head.substr(i);
    std::size_t end = std::string_view::npos;
    if (starts(rest, "<?")) end = rest.find("?>");
    else if (starts(rest, "<!--")) end = rest.find("-->");
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
    i += end + 1;
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

// Bytes 0x81 0x8D 0x8F 0x90 0x9D are unassigned in Windows-1252; C0 controls other than tab, CR, LF
// (and DEL) never appear in a CSV. Also used as the "is this text at all" test for the UTF-8 path.
bool has_control_bytes(std::string_view t) noexcept {
  for (char ch : t) {
    const auto c = static_cast<std::uint8_t>(ch);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) return true;
  }
  return false;
}
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

// The CSV heuristic. For each candidate separator (';' first: French Excel; then ',' and tab), count the
// fields of the first records (up to 20, within the first 64 KiB; a record cut by that window is
// dropped), understanding RFC 4180 quotes (a field starting with '"' runs to the closing quote, across
// line breaks, "" being a literal quote). Lines end with LF, CRLF or CR; blank lines are skipped.
// A separator fits when the first record has ≥ 2 fields and at most one in ten of the following records
// has a different count. The fitting separator with the most columns wins. A quote still open at the
// end of the file means it is not CSV.
constexpr std::size_t k_csv_window = 64 * 1024;
constexpr std::size_t k_csv_records = 20;

std::optional<std::uint32_t> csv_columns(std::string_view t, char sep) {
  std::vector<std::uint32_t> counts;
  std::uint32_t fields = 1;
  bool in_quotes = false, field_start = true, record_has_content = false;
  std::size_t i = 0;
  const std::size_t n = t.size();
  while (i < n && counts.size() < k_csv_records) {
    if (i >= k_csv_window) {
      record_has_content = false;  // drop the record the window cut
      break;
    }
    const char c = t[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < n && t[i + 1] == '"') ++i;
        else in_quotes = false;
      }
      ++i;
      continue;
    }
    if (c == '\r' || c == '\n') {
      if (record_has_content) counts.push_back(fields);
      fields = 1;
      field_start = true;
      record_has_content = false;
      i += (c == '\r' && i + 1 < n && t[i + 1] == '\n') ? std::size_t{2} : std::size_t{1};
      continue;
    }
    record_has_content = true;
    if (c == '"' && field_start) {
      in_quotes = true;
      field_start = false;
    } else if (c == sep) {
      ++fields;
      field_start = true;
    } else {
      field_start = false;
    }
    ++i;
  }
  if (i >= n) {
    if (in_quotes) return std::nullopt;
    if (record_has_content) counts.push_back(fields);
  }
  if (counts.empty() || counts[0] < 2) return std::nullopt;
  std::size_t mismatches = 0;
  for (std::size_t r = 1; r < counts.size(); ++r)
    if (counts[r] != counts[0]) ++mismatches;
  if (mismatches * 10 > counts.size() - 1) return std::nullopt;
  return counts[0];
}

bool looks_like_csv(std::string_view t) {
  std::uint32_t best = 0;
  for (char sep : {';', ',', '\t'})
    if (auto cols = csv_columns(t, sep)) best = std::max(best, *cols);
  return best >= 2;
}

Verdict sniff_text(std::string_view b) {
  const bool bom = starts(b, "\xEF\xBB\xBF");
  const std::string_view body = bom ? b.substr(3) : b;
  std::size_t lead = 0;
  while (lead < body.size() && is_space(body[lead])) ++lead;
  const std::string_view t = body.substr(lead);
  if (!t.empty() && t[0] == '<') return sniff_markup(t);
  // A PDF header a little way in: readers accept it, we do not (see sniff.hpp).
  const std::size_t pdf = b.substr(0, 1024).find("%PDF-");
  if (pdf != std::string_view::npos)
    return Verdict{K::damaged, "PDF document with unexpected bytes before its header", {},
                   "export or print it to PDF again"};
  if (starts(t, "#!")) return Verdict{K::script, "script (#!)", "text/x-shellscript"};
  if (starts(t, "%!")) return Verdict{K::postscript};
  if (starts(t, "{\\rtf")) return Verdict{K::rtf};
  if (has_control_bytes(b)) return Verdict{K::unknown};
  std::string_view encoding = "utf-8";
  if (first_invalid_utf8(body)) {
    if (bom) return Verdict{K::text, "text with invalid UTF-8", {}, "save it as \"CSV UTF-8\" again"};
    if (!plausible_windows_1252(body)) return Verdict{K::unknown};
    encoding = "windows-1252";
  }
  if (t.empty()) return Verdict{K::text, "blank text (only spaces and line breaks)"};
  if ((t[0] == '{' || t[0] == '[') && nlohmann::json::accept(t.begin(), t.end())) return Verdict{K::json};
  if (looks_like_script(t)) return Verdict{K::script};
  if (looks_like_csv(body)) {
    if (encoding == "utf-8") return Verdict{K::csv, {}, {}, {}, encoding};
    return Verdict{K::csv, "CSV table (Windows-1252)", {}, {}, encoding};
  }
  return Verdict{K::text, encoding == "utf-8" ? std::string_view{} : std::string_view{"plain text (Windows-1252)"}};
}

Sniff make_sniff(const Verdict& v) {
  const KindInfo& i = info(v.kind);
  Sniff s;
  s.kind = std::string(i.id);
  s.media_type = std::string(v.media_type.empty() ? i.media_type : v.media_type);
  s.description = std::string(v.description.empty() ? i.description : v.description);
  s.hint = std::string(v.hint.empty() ? i.hint : v.hint);
  s.encoding = std::string(v.encoding);
  s.accepted = i.accepted;
  return s;
}

} // namespace

// [SECTION] public API -----------------------------------------------------------------------------

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
