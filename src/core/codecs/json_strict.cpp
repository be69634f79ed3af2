// The strict JSON reader: a single-pass, non-recursive RFC 8259 parser building a nlohmann::json DOM.
//
// [SECTION] index: helpers · Parser (values, strings, numbers, literals, structure) · entry point
#include "core/codecs/json_strict.hpp"

#include "core/codecs/json_string_bytes.hpp"
#include "core/codecs/utf8.hpp"

#include <array>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace core {

namespace {

// ---- [SECTION] helpers ---------------------------------------------------------------------------

using json = nlohmann::json;

constexpr std::uint64_t k_max_exact_integer = (std::uint64_t{1} << 53) - 1;

using json_bytes::k_string_class;  // core/codecs/json_string_bytes.hpp

// Whether none of 8 bytes (one word, any byte order) is special in a string: no '"', '\\', control
// character or non-ASCII byte. Lets the scan skip long plain runs (an attachment's base64) a word at a
// time instead of a byte at a time: a 133 MB bundle parses in about half the time.
bool plain_word(std::uint64_t x) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
  const auto has_zero_byte = [](std::uint64_t v) { return ((v - ones) & ~v & high) != 0; };
  if ((x & high) != 0) return false;                 // non-ASCII
  if (((x - 0x20 * ones) & high) != 0) return false;  // a byte below 0x20 (all are below 0x80 here)
  return !has_zero_byte(x ^ ('"' * ones)) && !has_zero_byte(x ^ ('\\' * ones));
}

bool is_digit(unsigned char c) noexcept { return c >= '0' && c <= '9'; }
bool is_ws(unsigned char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

int hex_value(unsigned char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string hex4(std::uint32_t v) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string s(4, '0');
  for (int i = 3; i >= 0; --i, v >>= 4) s[static_cast<std::size_t>(i)] = digits[v & 0xF];
  return s;
}

// A short, printable rendering of some input for a message.
std::string excerpt(std::string_view text, std::size_t max_chars = 40) {
  std::string out = "\"";
  std::size_t i = 0, chars = 0;
  while (i < text.size() && chars < max_chars) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x20 || b == 0x7F) {
      out += "\\u" + hex4(b);
      ++i;
    } else if (b < 0x80) {
      out += static_cast<char>(b);
      ++i;
    } else {
      const Utf8Char c = decode_utf8(text, i);
      if (c.valid) out.append(text.data() + i, c.length);
      else out += "\xEF\xBF\xBD";
      i += c.length;
    }
    ++chars;
  }
  if (i < text.size()) out += "...";
  return out + "\"";
}

// ---- [SECTION] Parser ---------------------------------------------------------------------------

class Parser {
public:
  Parser(std::string_view text, const JsonLimits& limits) : text_(text), limits_(limits) {}

  bool run(json& root);

  Issue take_issue() { return std::move(issue_); }
  std::size_t error_offset() const noexcept { return error_offset_; }

private:
  struct Frame {
    json* container = nullptr;
    const std::string* name = nullptr;  // objects: name of the member being read, if any
    std::size_t count = 0;              // arrays: elements so far
    bool object = false;
  };

  const unsigned char* at(std::size_t i) const noexcept { return reinterpret_cast<const unsigned char*>(text_.data()) + i; }
  unsigned char byte(std::size_t i) const noexcept { return *at(i); }
  bool more() const noexcept { return pos_ < text_.size(); }
  void skip_ws() noexcept {
    while (pos_ < text_.size() && is_ws(byte(pos_))) ++pos_;
  }

  std::string path() const;
  bool fail(const char* code, std::size_t offset, std::string message, std::string path_override = {},
            bool use_override = false);
  bool unexpected(std::size_t offset, const char* expected);

  bool read_value(json& slot);
  bool open_container(json& slot, bool object);
  bool read_member_name(Frame& frame, json*& slot);
  bool scan_string(std::size_t& end, bool& has_escapes);
  bool read_string(std::string& out);
  bool read_number(json& slot);
  bool read_literal(json& slot);

  std::string_view text_;
  const JsonLimits& limits_;
  std::size_t pos_ = 0;
  std::size_t values_ = 0;
  std::vector<Frame> stack_;
  Issue issue_;
  std::size_t error_offset_ = 0;
};

std::string Parser::path() const {
  std::string p;
  for (const Frame& f : stack_) {
    if (f.object) {
      if (f.name == nullptr) break;
      p += '/';
      p += json_pointer_escape(*f.name);
    } else {
      if (f.count == 0) break;
      p += '/';
      p += std::to_string(f.count - 1);
    }
  }
  return p;
}

bool Parser::fail(const char* code, std::size_t offset, std::string message, std::string path_override,
                  bool use_override) {
  error_offset_ = offset;
  const TextPosition where = text_position(text_, offset);
  issue_ = Issue{Severity::error, code, use_override ? std::move(path_override) : path(),
                 "line " + std::to_string(where.line) + ", column " + std::to_string(where.column) + ": " +
                     std::move(message)};
  return false;
}

// What stands at `offset`, for "expected X, found Y" messages; ill-formed UTF-8 is its own error.
bool Parser::unexpected(std::size_t offset, const char* expected) {
  if (offset >= text_.size()) {
    return fail("json.unexpected_end", offset, std::string("the text ends here, but ") + expected + " was expected");
  }
  const unsigned char c = byte(offset);
  std::string found;
  if (c >= 0x80) {
    const Utf8Char u = decode_utf8(text_, offset);
    if (!u.valid) {
      return fail("json.invalid_utf8", offset,
                  "ill-formed UTF-8 at byte offset " + std::to_string(offset) +
                      " (the file must be UTF-8; was it saved in another encoding?)");
    }
    found = "'" + std::string(text_.substr(offset, u.length)) + "' (U+" + hex4(static_cast<std::uint32_t>(u.code_point)) + ")";
  } else if (c < 0x20 || c == 0x7F) {
    found = "control character U+" + hex4(c);
  } else {
    found = std::string("'") + static_cast<char>(c) + "'";
  }
  return fail("json.syntax", offset, std::string("expected ") + expected + ", found " + found);
}

bool Parser::open_container(json& slot, bool object) {
  if (stack_.size() >= limits_.max_depth) {
    return fail("json.too_deep", pos_,
                "nesting deeper than " + std::to_string(limits_.max_depth) + " arrays/objects");
  }
  slot = json(object ? json::value_t::object : json::value_t::array);
  Frame f;
  f.container = &slot;
  f.object = object;
  stack_.push_back(f);
  ++pos_;
  return true;
}

// Reads `"name"` then `:` and creates the member; `slot` receives where its value goes.
bool Parser::read_member_name(Frame& frame, json*& slot) {
  const std::size_t name_offset = pos_;
  frame.name = nullptr;  // errors in or before the name belong to the object
  if (!more() || byte(pos_) != '"') return unexpected(pos_, "a member name (a string in double quotes)");
  std::string name;
  if (!read_string(name)) return false;
  auto* members = frame.container->get_ptr<json::object_t*>();
  if (members->find(name) != members->end()) {
    const std::string where = path() + "/" + json_pointer_escape(name);
    return fail("json.duplicate_key", name_offset,
                "duplicate member name " + excerpt(name) + " (each name may appear once per object)", where, true);
  }
  auto inserted = members->emplace(std::move(name), json());
  frame.name = &inserted.first->first;
  slot = &inserted.first->second;
  skip_ws();
  if (!more() || byte(pos_) != ':') return unexpected(pos_, "':' after the member name");
  ++pos_;
  return true;
}

// Finds the end of the string starting at pos_ (a '"'), checking everything but the escapes' meaning
// of surrogates; `end` is the offset of the closing quote.
bool Parser::scan_string(std::size_t& end, bool& has_escapes) {
  const std::size_t n = text_.size();
  std::size_t i = pos_ + 1;
  has_escapes = false;
  while (true) {
    for (std::uint64_t word = 0; i + 8 <= n; i += 8) {
      std::memcpy(&word, text_.data() + i, 8);
      if (!plain_word(word)) break;
    }
    while (i < n && k_string_class[byte(i)] == 0) ++i;
    if (i >= n) {
      return fail("json.unexpected_end", n, "the text ends inside the string that starts at line " +
                                                std::to_string(text_position(text_, pos_).line) + ", column " +
                                                std::to_string(text_position(text_, pos_).column));
    }
    const unsigned char c = byte(i);
    if (c == '"') break;
    if (c >= 0x80) {
      const Utf8Char u = decode_utf8(text_, i);
      if (!u.valid) return unexpected(i, "");
      i += u.length;
      continue;
    }
    if (c < 0x20) {
      return fail("json.syntax", i, "control character U+" + hex4(c) +
                                        " inside a string (it must be written as an escape such as \\n or \\u" +
                                        hex4(c) + ")");
    }
    // A backslash.
    has_escapes = true;
    if (i + 1 >= n) return unexpected(i + 1, "an escape character after '\\'");
    const unsigned char e = byte(i + 1);
    if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't') {
      i += 2;
      continue;
    }
    if (e != 'u') {
      return fail("json.syntax", i, std::string("invalid escape '\\") + (e >= 0x20 && e < 0x7F ? std::string(1, static_cast<char>(e)) : "?") +
                                        "' (valid: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
    }
    std::uint32_t unit = 0;
    for (std::size_t k = 2; k < 6; ++k) {
      if (i + k >= n) return unexpected(i + k, "4 hexadecimal digits after '\\u'");
      const int h = hex_value(byte(i + k));
      if (h < 0) return unexpected(i + k, "4 hexadecimal digits after '\\u'");
      unit = (unit << 4) | static_cast<std::uint32_t>(h);
    }
    if (unit >= 0xDC00 && unit <= 0xDFFF) {
      return fail("json.syntax", i, "\\u" + hex4(unit) + " is a low surrogate without a high surrogate before it");
    }
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      // Must be followed by \uDC00–\uDFFF: together they encode one character above U+FFFF.
      std::uint32_t low = 0;
      bool ok = i + 11 < n && byte(i + 6) == '\\' && byte(i + 7) == 'u';
      for (std::size_t k = 8; ok && k < 12; ++k) {
        const int h = hex_value(byte(i + k));
        ok = h >= 0;
        low = (low << 4) | static_cast<std::uint32_t>(h < 0 ? 0 : h);
      }
      if (!ok || low < 0xDC00 || low > 0xDFFF) {
        return fail("json.syntax", i, "\\u" + hex4(unit) + " is a high surrogate not followed by a low surrogate (\\uDC00-\\uDFFF)");
      }
      i += 12;
      continue;
    }
    i += 6;
  }
  end = i;
  return true;
}

bool Parser::read_string(std::string& out) {
  std::size_t end = 0;
  bool has_escapes = false;
  if (!scan_string(end, has_escapes)) return false;
  const std::size_t begin = pos_ + 1;
  pos_ = end + 1;
  if (!has_escapes) {
    out.assign(text_.data() + begin, end - begin);  // exact size, one copy
    return true;
  }
  out.clear();
  out.reserve(end - begin);  // escapes only shrink
  std::size_t i = begin;
  while (i < end) {
    std::size_t run = i;
    while (run < end && byte(run) != '\\') ++run;
    out.append(text_.data() + i, run - i);
    i = run;
    if (i >= end) break;
    const unsigned char e = byte(i + 1);
    switch (e) {
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'u': {
        auto read4 = [&](std::size_t at4) {
          std::uint32_t v = 0;
          for (std::size_t k = 0; k < 4; ++k) v = (v << 4) | static_cast<std::uint32_t>(hex_value(byte(at4 + k)));
          return v;
        };
        std::uint32_t cp = read4(i + 2);
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (read4(i + 8) - 0xDC00);
          i += 6;
        }
        append_utf8(out, static_cast<char32_t>(cp));
        i += 6;
        continue;
      }
      default: out += static_cast<char>(e); break;  // " \ /
    }
    i += 2;
  }
  return true;
}

bool Parser::read_number(json& slot) {
  const std::size_t start = pos_;
  const std::size_t n = text_.size();
  std::size_t i = pos_;
  const bool negative = byte(i) == '-';
  if (negative) ++i;
  if (i >= n || !is_digit(byte(i))) return unexpected(i, "a digit");
  const std::size_t int_begin = i;
  if (byte(i) == '0') {
    ++i;
    if (i < n && is_digit(byte(i))) return fail("json.syntax", start, "numbers must not have leading zeros");
  } else {
    while (i < n && is_digit(byte(i))) ++i;
  }
  const std::size_t int_end = i;
  std::size_t frac_begin = i, frac_end = i;
  if (i < n && byte(i) == '.') {
    ++i;
    if (i >= n || !is_digit(byte(i))) return unexpected(i, "a digit after the decimal point");
    frac_begin = i;
    while (i < n && is_digit(byte(i))) ++i;
    frac_end = i;
  }
  bool has_exponent = false;
  std::int64_t exponent = 0;
  if (i < n && (byte(i) == 'e' || byte(i) == 'E')) {
    has_exponent = true;
    ++i;
    bool exponent_negative = false;
    if (i < n && (byte(i) == '+' || byte(i) == '-')) {
      exponent_negative = byte(i) == '-';
      ++i;
    }
    if (i >= n || !is_digit(byte(i))) return unexpected(i, "a digit in the exponent");
    for (; i < n && is_digit(byte(i)); ++i) {
      if (exponent < 1000000000) exponent = exponent * 10 + (byte(i) - '0');  // saturates: far beyond any double
    }
    if (exponent_negative) exponent = -exponent;
  }
  pos_ = i;
  const std::string_view literal = text_.substr(start, i - start);

  if (frac_end == frac_begin && !has_exponent) {
    // An integer literal: exact, or refused.
    const std::size_t digits = int_end - int_begin;
    std::uint64_t magnitude = 0;
    if (digits <= 16) {
      for (std::size_t k = int_begin; k < int_end; ++k) magnitude = magnitude * 10 + static_cast<std::uint64_t>(byte(k) - '0');
    }
    if (digits > 16 || magnitude > k_max_exact_integer) {
      return fail("json.number_out_of_range", start,
                  "the integer " + excerpt(literal) +
                      " is outside ±9007199254740991 (2^53−1) and could not be read back exactly");
    }
    if (negative) slot = json(-static_cast<std::int64_t>(magnitude));
    else slot = json(magnitude);
    return true;
  }

  // Short decimals (0.5, 12.75): when the digits make an integer of at most 2^53 and the power of ten is
  // at most 22, one IEEE multiplication or division by that (exact) power is the correctly rounded value
  // (Clinger's fast path), the same double strtod gives, without strtod's cost.
  {
    std::uint64_t mantissa = 0;
    bool small = true;
    for (std::size_t k = int_begin; k < frac_end && small; ++k) {
      if (k == int_end) k = frac_begin;
      if (k >= frac_end) break;
      mantissa = mantissa * 10 + static_cast<std::uint64_t>(byte(k) - '0');
      small = mantissa <= k_max_exact_integer + 1;
    }
    const std::int64_t power = exponent - static_cast<std::int64_t>(frac_end - frac_begin);
    if (small && power >= -22 && power <= 22) {
      static constexpr double tens[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
      const double m = static_cast<double>(mantissa);
      const double value = power >= 0 ? m * tens[power] : m / tens[-power];
      slot = json(negative ? -value : value);
      return true;
    }
  }

  // Otherwise: digits × 10^(exponent − fraction digits), written without a decimal point so that strtod
  // does not depend on the C locale's decimal separator.
  std::string decimal;
  decimal.reserve((int_end - int_begin) + (frac_end - frac_begin) + 16);
  if (negative) decimal += '-';
  decimal.append(text_.data() + int_begin, int_end - int_begin);
  decimal.append(text_.data() + frac_begin, frac_end - frac_begin);
  decimal += 'e';
  decimal += std::to_string(exponent - static_cast<std::int64_t>(frac_end - frac_begin));
  const double value = std::strtod(decimal.c_str(), nullptr);
  if (!std::isfinite(value)) {
    return fail("json.number_out_of_range", start, "the number " + excerpt(literal) + " is too large for a double");
  }
  slot = json(value);
  return true;
}

bool Parser::read_literal(json& slot) {
  static constexpr std::string_view names[] = {"true", "false", "null"};
  for (const std::string_view name : names) {
    if (name[0] != byte(pos_)) continue;
    for (std::size_t k = 1; k < name.size(); ++k) {
      if (pos_ + k >= text_.size() || byte(pos_ + k) != static_cast<unsigned char>(name[k])) {
        return unexpected(pos_ + k, name == "true" ? "the literal true" : name == "false" ? "the literal false" : "the literal null");
      }
    }
    pos_ += name.size();
    if (name == "null") slot = json(nullptr);
    else slot = json(name == "true");
    return true;
  }
  return unexpected(pos_, "a value");
}

bool Parser::read_value(json& slot) {
  skip_ws();
  if (!more()) return unexpected(pos_, "a value");
  if (++values_ > limits_.max_values) {
    return fail("json.too_many_values", pos_, "more than " + std::to_string(limits_.max_values) + " values");
  }
  switch (byte(pos_)) {
    case '{': return open_container(slot, true);
    case '[': return open_container(slot, false);
    case '"': {
      slot = json(json::value_t::string);
      return read_string(*slot.get_ptr<std::string*>());
    }
    case 't': case 'f': case 'n': return read_literal(slot);
    case '-': case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
      return read_number(slot);
    default: return unexpected(pos_, "a value");
  }
}

bool Parser::run(json& root) {
  json* slot = &root;
  bool want_value = true;
  while (true) {
    if (want_value) {
      const std::size_t depth = stack_.size();
      if (!read_value(*slot)) return false;
      want_value = false;
      if (stack_.size() > depth) {
        // Just opened a container: an immediate close, or its first member/element.
        Frame& f = stack_.back();
        skip_ws();
        if (more() && byte(pos_) == (f.object ? '}' : ']')) {
          ++pos_;
          stack_.pop_back();
          continue;
        }
        if (f.object) {
          if (!more() || byte(pos_) != '"') return unexpected(pos_, "a member name (a string in double quotes) or '}'");
          if (!read_member_name(f, slot)) return false;
        } else {
          slot = &f.container->get_ptr<json::array_t*>()->emplace_back();
          f.count = 1;
        }
        want_value = true;
      }
      continue;
    }
    skip_ws();
    if (stack_.empty()) {
      if (more()) {
        return fail("json.trailing_content", pos_, "unexpected content after the end of the JSON value", "", true);
      }
      return true;
    }
    Frame& f = stack_.back();
    if (!more()) return unexpected(pos_, f.object ? "',' or '}'" : "',' or ']'");
    const unsigned char c = byte(pos_);
    if (c == (f.object ? '}' : ']')) {
      ++pos_;
      stack_.pop_back();
      continue;
    }
    if (c != ',') {
      return unexpected(pos_, f.object ? "',' or '}' after an object member" : "',' or ']' after an array element");
    }
    ++pos_;
    skip_ws();
    if (f.object) {
      if (!read_member_name(f, slot)) return false;
    } else {
      slot = &f.container->get_ptr<json::array_t*>()->emplace_back();
      ++f.count;
    }
    want_value = true;
  }
}

} // namespace

// ---- [SECTION] entry point -----------------------------------------------------------------------

std::string json_pointer_escape(std::string_view token) {
  std::string out;
  out.reserve(token.size());
  for (const char c : token) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

Result<nlohmann::json> parse_json_strict(std::string_view text, const JsonLimits& limits,
                                         JsonLocation* error_location) noexcept {
  auto refuse = [&](const char* code, std::size_t offset, bool positioned, std::string message) {
    JsonLocation where;
    where.offset = offset;
    if (positioned) {
      const TextPosition p = text_position(text, offset);
      where.line = p.line;
      where.column = p.column;
      message = "line " + std::to_string(p.line) + ", column " + std::to_string(p.column) + ": " + message;
    }
    if (error_location != nullptr) *error_location = where;
    return Result<nlohmann::json>(Issue{Severity::error, code, "", std::move(message)});
  };

  if (text.size() > limits.max_bytes) {
    return refuse("json.too_large", 0, false,
                  "the text is " + std::to_string(text.size()) + " bytes long; the limit is " +
                      std::to_string(limits.max_bytes) + " bytes");
  }
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  if (text.size() >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) {
    return refuse("json.bom", 0, true,
                  "the file starts with a UTF-8 byte order mark (BOM); JSON files must not have one — save it "
                  "as UTF-8 without BOM");
  }
  if (text.size() >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))) {
    return refuse("json.bom", 0, true,
                  "the file starts with a UTF-16 byte order mark: it is UTF-16 text, and JSON files must be UTF-8");
  }
  std::size_t first = 0;
  while (first < text.size() && is_ws(bytes[first])) ++first;
  if (first == text.size()) return refuse("json.empty", first, true, "the text is empty: no JSON value");
  const unsigned char c = bytes[first];
  const bool can_start = c == '{' || c == '[' || c == '"' || c == '-' || is_digit(c) || c == 't' || c == 'f' || c == 'n';
  if (!can_start) {
    if (c >= 0x80 && !decode_utf8(text, first).valid) {
      return refuse("json.invalid_utf8", first, true,
                    "ill-formed UTF-8 at byte offset " + std::to_string(first) + "; this is not a JSON file");
    }
    return refuse("json.not_json", first, true,
                  "this is not JSON: it starts with " + excerpt(text.substr(first), 8));
  }

  Parser parser(text, limits);
  nlohmann::json root;
  if (!parser.run(root)) {
    if (error_location != nullptr) {
      const TextPosition p = text_position(text, parser.error_offset());
      *error_location = JsonLocation{parser.error_offset(), p.line, p.column};
    }
    return parser.take_issue();
  }
  return root;
}

} // namespace core
