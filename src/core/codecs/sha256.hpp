// SHA-256 (FIPS 180-4): one-shot and incremental hashing, for attachment digests and bundle integrity.
//
// The incremental form exists because the browser hashes large attachments a chunk per frame:
//   core::Sha256 h;  h.update(chunk1.data(), chunk1.size());  ...  auto digest = h.finish();
// Only fixed-width types are used inside: wasm32 has a 4-byte size_t, so the message length is kept as
// a 64-bit count whatever the platform.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace core {

using Sha256Digest = std::array<std::uint8_t, 32>;

class Sha256 {
public:
  Sha256() noexcept { reset(); }

  // Starts a new message (finish() does this too).
  void reset() noexcept;
  void update(const void* data, std::size_t size) noexcept;
  void update(std::string_view bytes) noexcept { update(bytes.data(), bytes.size()); }
  // Returns the digest of everything passed to update() since the last reset, then resets.
  Sha256Digest finish() noexcept;
  // Bytes passed to update() so far (for progress reports).
  std::uint64_t size() const noexcept { return length_; }

private:
  void compress(const std::uint8_t* block) noexcept;

  std::array<std::uint32_t, 8> state_{};
  std::array<std::uint8_t, 64> buffer_{};
  std::uint64_t length_ = 0;       // bytes hashed so far
  std::uint32_t buffered_ = 0;     // bytes waiting in buffer_ (0..63)
};

Sha256Digest sha256(std::string_view bytes) noexcept;
// Lowercase hexadecimal digest of `bytes` (64 characters).
std::string sha256_hex(std::string_view bytes);

// Lowercase hexadecimal form of any bytes / of a digest.
std::string to_hex(std::string_view bytes);
std::string to_hex(const Sha256Digest& digest);
// Reads a digest written as exactly 64 lowercase hexadecimal digits (the only form bundles use, so two
// spellings of one digest cannot both be valid); nullopt for anything else.
std::optional<Sha256Digest> sha256_from_hex(std::string_view hex) noexcept;

} // namespace core
