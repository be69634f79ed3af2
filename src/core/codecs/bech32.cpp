// Bech32 (BIP 173) without the length limit: checksum, 8-to-5-bit regrouping, strict decoding.
#include "core/codecs/bech32.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

namespace core {

namespace {

constexpr char k_charset[] = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
constexpr std::size_t k_checksum_size = 6;

constexpr std::array<std::int8_t, 128> make_reverse() {
  std::array<std::int8_t, 128> t{};
  for (auto& v : t) v = -1;
  for (std::int8_t i = 0; i < 32; ++i) t[static_cast<unsigned char>(k_charset[i])] = i;
  return t;
}
constexpr std::array<std::int8_t, 128> k_reverse = make_reverse();

std::uint32_t polymod_step(std::uint32_t chk, std::uint32_t value) noexcept {
  constexpr std::uint32_t generator[5] = {0x3b6a57b2u, 0x26508e6du, 0x1ea119fau, 0x3d4233ddu, 0x2a1462b3u};
  const std::uint32_t top = chk >> 25;
  chk = ((chk & 0x1ffffffu) << 5) ^ value;
  for (unsigned i = 0; i < 5; ++i) {
    if ((top >> i) & 1u) chk ^= generator[i];
  }
  return chk;
}

// The checksum state after the expanded human-readable part (high bits, a zero, low bits).
std::uint32_t polymod_hrp(std::string_view hrp) noexcept {
  std::uint32_t chk = 1;
  for (const char c : hrp) chk = polymod_step(chk, static_cast<std::uint32_t>(static_cast<unsigned char>(c)) >> 5);
  chk = polymod_step(chk, 0);
  for (const char c : hrp) chk = polymod_step(chk, static_cast<std::uint32_t>(static_cast<unsigned char>(c)) & 31u);
  return chk;
}

char lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
char upper(char c) noexcept { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

Issue refuse(const char* code, std::string message) { return Issue{Severity::error, code, "", std::move(message)}; }

} // namespace

std::string bech32_encode(std::string_view hrp, std::string_view bytes, bool upper_case) {
  std::vector<std::uint8_t> values;
  values.reserve(bytes.size() * 8 / 5 + 1);
  std::uint32_t acc = 0, bits = 0;
  for (const char b : bytes) {
    acc = ((acc << 8) | static_cast<unsigned char>(b)) & 0xfffu;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      values.push_back(static_cast<std::uint8_t>((acc >> bits) & 31u));
    }
  }
  if (bits > 0) values.push_back(static_cast<std::uint8_t>((acc << (5 - bits)) & 31u));

  std::uint32_t chk = polymod_hrp(hrp);
  for (const auto v : values) chk = polymod_step(chk, v);
  for (std::size_t i = 0; i < k_checksum_size; ++i) chk = polymod_step(chk, 0);
  chk ^= 1u;

  std::string out(hrp);
  out += '1';
  for (const auto v : values) out += k_charset[v];
  for (std::size_t i = 0; i < k_checksum_size; ++i) out += k_charset[(chk >> (5 * (5 - i))) & 31u];
  if (upper_case) {
    for (char& c : out) c = upper(c);
  }
  return out;
}

Result<Bech32> bech32_decode(std::string_view text) {
  bool has_lower = false, has_upper = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x21 || c > 0x7e) {
      return refuse(bech32_invalid_character,
                    "character " + std::to_string(i + 1) + " is not a printable ASCII character");
    }
    has_lower = has_lower || (c >= 'a' && c <= 'z');
    has_upper = has_upper || (c >= 'A' && c <= 'Z');
  }
  if (has_lower && has_upper) return refuse(bech32_mixed_case, "mixes uppercase and lowercase letters");
  const auto sep = text.rfind('1');
  if (sep == std::string_view::npos || sep == 0) {
    return refuse(bech32_no_separator, "has no '1' separating a prefix from the data");
  }
  if (text.size() - sep - 1 < k_checksum_size) {
    return refuse(bech32_bad_checksum, "is too short to carry a checksum");
  }
  Bech32 out;
  out.hrp.reserve(sep);
  for (std::size_t i = 0; i < sep; ++i) out.hrp += lower(text[i]);

  std::uint32_t chk = polymod_hrp(out.hrp);
  std::vector<std::uint8_t> values;
  values.reserve(text.size() - sep - 1);
  for (std::size_t i = sep + 1; i < text.size(); ++i) {
    const char c = lower(text[i]);
    const std::int8_t v = k_reverse[static_cast<unsigned char>(c)];
    if (v < 0) {
      return refuse(bech32_invalid_character, "character " + std::to_string(i + 1) + " ('" + std::string(1, text[i]) +
                                                  "') is not in the Bech32 alphabet");
    }
    values.push_back(static_cast<std::uint8_t>(v));
    chk = polymod_step(chk, static_cast<std::uint32_t>(v));
  }
  if (chk != 1u) return refuse(bech32_bad_checksum, "has a wrong checksum (a character is mistyped or missing)");

  values.resize(values.size() - k_checksum_size);
  std::uint32_t acc = 0, bits = 0;
  out.data.reserve(values.size() * 5 / 8);
  for (const auto v : values) {
    acc = ((acc << 5) | v) & 0xfffu;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.data += static_cast<char>((acc >> bits) & 0xffu);
    }
  }
  const bool bad_padding = bits >= 5 || (acc & ((1u << bits) - 1u)) != 0;
  std::fill(values.begin(), values.end(), std::uint8_t{0});  // the data may be a private key
  if (bad_padding) {
    return refuse(bech32_bad_padding, "has a data part whose last character carries bits beyond the data");
  }
  return out;
}

} // namespace core
