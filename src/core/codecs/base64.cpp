// Base64 (RFC 4648 §4): table-driven encoding and a strict, chunk-tolerant decoder.
#include "core/codecs/base64.hpp"

#include <array>

namespace core {

namespace {

constexpr char k_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

constexpr std::uint8_t k_invalid = 0xFF;
constexpr std::uint8_t k_pad = 0xFE;

constexpr std::array<std::uint8_t, 256> make_decode_table() {
  std::array<std::uint8_t, 256> t{};
  for (auto& v : t) v = k_invalid;
  for (std::uint8_t i = 0; i < 64; ++i) t[static_cast<unsigned char>(k_alphabet[i])] = i;
  t[static_cast<unsigned char>('=')] = k_pad;
  return t;
}

constexpr std::array<std::uint8_t, 256> k_decode = make_decode_table();

std::string describe_char(unsigned char c) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string s = "byte 0x";
  s += hex[c >> 4];
  s += hex[c & 0xF];
  if (c >= 0x21 && c < 0x7F) {
    s += " ('";
    s += static_cast<char>(c);
    s += "')";
  } else if (c == ' ') {
    s += " (space)";
  } else if (c == '\n' || c == '\r') {
    s += " (line break)";
  } else if (c == '\t') {
    s += " (tab)";
  }
  return s;
}

void encode_group(const unsigned char* in, char* out) noexcept {
  const std::uint32_t v = (std::uint32_t{in[0]} << 16) | (std::uint32_t{in[1]} << 8) | std::uint32_t{in[2]};
  out[0] = k_alphabet[(v >> 18) & 0x3F];
  out[1] = k_alphabet[(v >> 12) & 0x3F];
  out[2] = k_alphabet[(v >> 6) & 0x3F];
  out[3] = k_alphabet[v & 0x3F];
}

// Encodes whole 3-byte groups of `bytes` (size must be a multiple of 3) at the end of `out`.
void encode_groups(const unsigned char* in, std::size_t size, std::string& out) {
  const std::size_t at = out.size();
  out.resize(at + size / 3 * 4);
  char* o = &out[at];
  for (std::size_t i = 0; i < size; i += 3, o += 4) encode_group(in + i, o);
}

void encode_tail(const unsigned char* in, std::size_t size, std::string& out) {
  if (size == 0) return;
  unsigned char last[3] = {in[0], size > 1 ? in[1] : static_cast<unsigned char>(0), 0};
  char group[4];
  encode_group(last, group);
  if (size == 1) group[2] = '=';
  group[3] = '=';
  out.append(group, 4);
}

} // namespace

std::uint64_t base64_encoded_size(std::uint64_t size) noexcept { return (size + 2) / 3 * 4; }

std::string base64_encode(std::string_view bytes) {
  std::string out;
  out.reserve(static_cast<std::size_t>(base64_encoded_size(bytes.size())));
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t whole = bytes.size() / 3 * 3;
  encode_groups(p, whole, out);
  encode_tail(p + whole, bytes.size() - whole, out);
  return out;
}

void Base64Encoder::feed(std::string_view bytes, std::string& out) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  std::size_t n = bytes.size();
  if (pending_size_ > 0) {
    // Complete the group left over from the previous chunk.
    unsigned char group[3] = {pending_[0], pending_[1], 0};
    std::size_t have = pending_size_;
    for (; have < 3 && n > 0; ++have, ++p, --n) group[have] = *p;
    if (have < 3) {
      pending_[1] = group[1];
      pending_size_ = static_cast<std::uint32_t>(have);
      return;
    }
    encode_groups(group, 3, out);
    pending_size_ = 0;
  }
  const std::size_t whole = n / 3 * 3;
  encode_groups(p, whole, out);
  const std::size_t rest = n - whole;  // 0, 1 or 2 bytes wait for the next chunk
  if (rest > 0) pending_[0] = p[whole];
  if (rest > 1) pending_[1] = p[whole + 1];
  pending_size_ = static_cast<std::uint32_t>(rest);
}

void Base64Encoder::finish(std::string& out) {
  encode_tail(pending_, pending_size_, out);
  pending_size_ = 0;
}

std::size_t base64_decoded_size(std::string_view text) noexcept {
  const std::size_t n = text.size();
  std::size_t size = (n + 3) / 4 * 3;
  if (n % 4 == 0 && n >= 4) {
    if (text[n - 1] == '=') --size;
    if (text[n - 2] == '=') --size;
  }
  return size;
}

bool Base64Decoder::fail(const char* code, std::uint64_t offset, std::string message) {
  error_offset_ = offset;
  error_ = Issue{Severity::error, code, "", std::move(message)};
  return false;
}

// One character, with every rule checked; the fast path in feed() only handles plain full groups.
bool Base64Decoder::feed_slow(unsigned char c, std::uint64_t offset, std::string& out) {
  const std::uint8_t v = k_decode[c];
  if (v == k_invalid) {
    return fail(base64_invalid_character, offset,
                describe_char(c) + " at offset " + std::to_string(offset) + " is not a base64 character");
  }
  if (closed_) {
    return fail(base64_misplaced_padding, offset,
                "data at offset " + std::to_string(offset) + " follows the final '=' padding");
  }
  if (v == k_pad) {
    if (group_size_ < 2) {
      return fail(base64_misplaced_padding, offset,
                  "'=' at offset " + std::to_string(offset) + " is misplaced (padding may only end the text)");
    }
    if (padding_ == 0) {
      // The character before the padding must not carry bits that the output cannot hold.
      const std::uint32_t spare = group_size_ == 2 ? (group_ & 0x0F) : (group_ & 0x03);
      if (spare != 0) {
        return fail(base64_non_canonical, offset - 1,
                    "the character at offset " + std::to_string(offset - 1) +
                        " has non-zero unused bits (non-canonical base64)");
      }
    }
    ++padding_;
  } else {
    if (padding_ > 0) {
      return fail(base64_misplaced_padding, offset,
                  "data at offset " + std::to_string(offset) + " follows '=' padding");
    }
    group_ = (group_ << 6) | v;
  }
  if (++group_size_ < 4) return true;
  // A complete group.
  const std::uint32_t data = 4 - padding_;
  const std::uint32_t bits = group_ << (6 * padding_);
  out += static_cast<char>(bits >> 16);
  if (data > 2) out += static_cast<char>((bits >> 8) & 0xFF);
  if (data > 3) out += static_cast<char>(bits & 0xFF);
  if (padding_ > 0) closed_ = true;
  group_ = 0;
  group_size_ = 0;
  padding_ = 0;
  return true;
}

bool Base64Decoder::feed(std::string_view chunk, std::string& out) {
  if (error_) return false;
  const auto* p = reinterpret_cast<const unsigned char*>(chunk.data());
  const std::size_t n = chunk.size();
  std::size_t i = 0;
  const std::uint64_t base = consumed_;
  consumed_ += n;
  // Finish a group begun in an earlier chunk.
  while (i < n && group_size_ != 0) {
    if (!feed_slow(p[i], base + i, out)) return false;
    ++i;
  }
  if (!closed_ && n - i >= 4) {
    const std::size_t at = out.size();
    out.resize(at + (n - i) / 4 * 3);
    char* o = &out[at];
    while (i + 4 <= n) {
      const std::uint32_t a = k_decode[p[i]], b = k_decode[p[i + 1]], c = k_decode[p[i + 2]], d = k_decode[p[i + 3]];
      if ((a | b | c | d) & 0xC0) break;  // padding or an invalid character: the careful path decides
      const std::uint32_t v = (a << 18) | (b << 12) | (c << 6) | d;
      o[0] = static_cast<char>(v >> 16);
      o[1] = static_cast<char>((v >> 8) & 0xFF);
      o[2] = static_cast<char>(v & 0xFF);
      o += 3;
      i += 4;
    }
    out.resize(static_cast<std::size_t>(o - out.data()));
  }
  for (; i < n; ++i) {
    if (!feed_slow(p[i], base + i, out)) return false;
  }
  return true;
}

bool Base64Decoder::finish() {
  if (error_) return false;
  if (group_size_ != 0) {
    return fail(base64_bad_length, consumed_,
                "the text ends at offset " + std::to_string(consumed_) +
                    " inside a 4-character group (its length is not a multiple of 4)");
  }
  return true;
}

Result<std::string> base64_decode(std::string_view text) {
  std::string out;
  out.reserve(base64_decoded_size(text));
  Base64Decoder decoder;
  if (!decoder.feed(text, out) || !decoder.finish()) return decoder.error();
  return out;
}

} // namespace core
