// Reading ZIP archives from untrusted bytes: the central directory (every offset and length checked) and
// an entry's content (inflated by zlib, size-capped, CRC-checked). Used to sniff OpenDocument and Office
// Open XML attachments; it never writes, and never reads outside the bytes it is given.
//
// What is refused, as a whole archive (an attachment is either read exactly as every reader reads it, or
// not accepted at all):
// - an end record that is not the last "PK\5\6" whose comment ends exactly at the end of the file, a
//   directory that does not sit right before it, or entries that do not fill it exactly (damaged);
// - ZIP64 and split archives (unsupported), more than 10,000 entries (too_many_entries);
// - two entries with the same name, compared ASCII-case-insensitively as OPC compares part names
//   (duplicate_name): readers disagree on which one they take;
// - an entry encrypted (general-purpose flag bit 0, in the directory or in its local header);
// - an entry whose local header is missing or names another entry or method (damaged).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core::zip {

struct Entry {
  std::string_view name;  // a view into the archive's bytes
  std::uint16_t flags = 0;
  std::uint16_t method = 0;  // 0 stored, 8 deflated
  std::uint32_t crc = 0;
  std::uint32_t compressed = 0;
  std::uint32_t uncompressed = 0;
  std::uint32_t local_offset = 0;
  std::uint16_t local_extra = 0;  // the local header's extra field length
};

enum class Error { none, damaged, unsupported, too_many_entries, duplicate_name, encrypted };

inline constexpr std::uint32_t max_entries = 10000;  // Office files have a few hundred

struct Directory {
  Error error = Error::none;
  std::uint64_t cd_offset = 0;  // where the central directory starts (local data ends before it)
  std::vector<Entry> entries;   // in directory order; empty unless error == none

  const Entry* find(std::string_view name) const noexcept;
  const Entry* find_ci(std::string_view name) const noexcept;  // ASCII case-insensitive
};

// The directory of a whole archive.
Directory read_directory(std::string_view bytes);

// The stored (possibly compressed) bytes of an entry of `d` (read from `bytes`).
std::optional<std::string_view> entry_data(std::string_view bytes, const Directory& d, const Entry& e) noexcept;

// The uncompressed content of an entry (stored or deflated; CRC and size checked), or nullopt when it is
// larger than `cap` bytes, damaged, or compressed another way.
std::optional<std::string> entry_content(std::string_view bytes, const Directory& d, const Entry& e, std::size_t cap);

// Raw DEFLATE data (RFC 1951, no zlib header) inflated by zlib, or nullopt when it is malformed, does not
// end where `data` ends, or would exceed `cap` bytes.
std::optional<std::string> inflate_raw(std::string_view data, std::size_t cap);

// CRC-32 (ISO-HDLC, as ZIP uses), by zlib.
std::uint32_t crc32(std::string_view data) noexcept;

} // namespace core::zip
