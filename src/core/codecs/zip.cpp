// The ZIP central-directory reader (bounds-checked, refusing what readers disagree on) and zlib's inflate.
#include "core/codecs/zip.hpp"

#include "core/base/bytes.hpp"

#include <zlib.h>

#include <algorithm>
#include <limits>

namespace core::zip {

namespace {

using namespace core::bytes;

std::string lower_copy(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}

constexpr std::uint64_t k_eocd_size = 22;
constexpr std::uint64_t k_max_eocd_search = k_eocd_size + 0xFFFF;  // the record + the longest comment
constexpr std::uint64_t k_cd_header_size = 46;
constexpr std::uint64_t k_local_header_size = 30;

} // namespace

const Entry* Directory::find(std::string_view name) const noexcept {
  for (const auto& e : entries)
    if (e.name == name) return &e;
  return nullptr;
}

const Entry* Directory::find_ci(std::string_view name) const noexcept {
  for (const auto& e : entries)
    if (equal_ci(e.name, name)) return &e;
  return nullptr;
}

Directory read_directory(std::string_view b) {
  Directory d;
  const std::uint64_t size = b.size();
  d.error = Error::damaged;
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
  if (zip64_locator || entries_total == 0xFFFF || cd_size == 0xFFFFFFFFu || cd_offset == 0xFFFFFFFFu || disk != 0 ||
      cd_disk != 0 || entries_here != entries_total) {
    d.error = Error::unsupported;
    return d;
  }
  if (entries_total > max_entries) {
    d.error = Error::too_many_entries;
    return d;
  }
  // The directory sits right before the end record (no ZIP64 records, no prefixed data).
  if (static_cast<std::uint64_t>(cd_offset) + cd_size != e) return d;
  if (static_cast<std::uint64_t>(entries_total) * k_cd_header_size > cd_size) return d;
  std::vector<Entry> entries;
  entries.reserve(entries_total);
  std::uint64_t p = cd_offset;
  for (std::uint32_t i = 0; i < entries_total; ++i) {
    if (!fits(b, p, k_cd_header_size) || p + k_cd_header_size > e || !has_at(b, p, "PK\x01\x02")) return d;
    Entry z;
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
    entries.push_back(z);
    p = next;
  }
  if (p != e) return d;  // the directory holds more than it declares

  // Each entry's local header: present before the directory, naming the same entry with the same method.
  for (Entry& z : entries) {
    const std::uint64_t lo = z.local_offset;
    if (lo + k_local_header_size > cd_offset || !has_at(b, lo, "PK\x03\x04")) return d;
    const std::uint16_t local_flags = le16(b, lo + 6);
    if (((z.flags | local_flags) & 1u) != 0) {
      d.error = Error::encrypted;
      return d;
    }
    if (le16(b, lo + 8) != z.method) return d;
    const std::uint64_t name_len = le16(b, lo + 26);
    z.local_extra = le16(b, lo + 28);
    if (lo + k_local_header_size + name_len + z.local_extra > cd_offset) return d;
    if (slice(b, lo + k_local_header_size, name_len) != z.name) return d;
  }

  // Names must be unique, as OPC compares them (ASCII case-insensitively).
  std::vector<std::string> names;
  names.reserve(entries.size());
  for (const Entry& z : entries) names.push_back(lower_copy(z.name));
  std::sort(names.begin(), names.end());
  if (std::adjacent_find(names.begin(), names.end()) != names.end()) {
    d.error = Error::duplicate_name;
    return d;
  }
  d.cd_offset = cd_offset;
  d.entries = std::move(entries);
  d.error = Error::none;
  return d;
}

std::optional<std::string_view> entry_data(std::string_view b, const Directory& d, const Entry& z) noexcept {
  if (d.error != Error::none) return std::nullopt;
  const std::uint64_t start = static_cast<std::uint64_t>(z.local_offset) + k_local_header_size + z.name.size() + z.local_extra;
  if (start + z.compressed > d.cd_offset || !fits(b, start, z.compressed)) return std::nullopt;
  return slice(b, start, z.compressed);
}

std::optional<std::string> inflate_raw(std::string_view data, std::size_t cap) {
  z_stream zs{};
  if (inflateInit2(&zs, -MAX_WBITS) != Z_OK) return std::nullopt;
  std::string out;
  std::size_t in_pos = 0;
  int rc = Z_OK;
  char buf[16384];
  // zlib counts in uInt (32 bits): feed and drain in bounded pieces.
  while (rc == Z_OK) {
    if (zs.avail_in == 0 && in_pos < data.size()) {
      const std::size_t n = std::min<std::size_t>(data.size() - in_pos, std::size_t{1} << 20);
      zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data() + in_pos));
      zs.avail_in = static_cast<uInt>(n);
      in_pos += n;
    }
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    rc = inflate(&zs, Z_NO_FLUSH);
    const std::size_t produced = sizeof buf - zs.avail_out;
    if (produced > cap - out.size()) {
      rc = Z_BUF_ERROR;
      break;
    }
    out.append(buf, produced);
    if (rc == Z_BUF_ERROR && zs.avail_in == 0 && in_pos >= data.size()) break;  // input ended first
    if (rc == Z_BUF_ERROR) rc = Z_OK;  // no progress this round only because the buffer was full
  }
  inflateEnd(&zs);
  if (rc != Z_STREAM_END) return std::nullopt;
  return out;
}

std::uint32_t crc32(std::string_view data) noexcept {
  uLong c = ::crc32(0L, Z_NULL, 0);
  std::size_t i = 0;
  while (i < data.size()) {
    const std::size_t n = std::min<std::size_t>(data.size() - i, std::numeric_limits<uInt>::max());
    c = ::crc32(c, reinterpret_cast<const Bytef*>(data.data() + i), static_cast<uInt>(n));
    i += n;
  }
  return static_cast<std::uint32_t>(c);
}

std::optional<std::string> entry_content(std::string_view b, const Directory& d, const Entry& z, std::size_t cap) {
  if ((z.flags & 1u) != 0 || z.uncompressed > cap) return std::nullopt;
  const auto data = entry_data(b, d, z);
  if (!data) return std::nullopt;
  std::optional<std::string> out;
  if (z.method == 0 && z.compressed == z.uncompressed) out = std::string(*data);
  else if (z.method == 8) out = inflate_raw(*data, z.uncompressed);
  if (!out || out->size() != z.uncompressed || crc32(*out) != z.crc) return std::nullopt;
  return out;
}

} // namespace core::zip
