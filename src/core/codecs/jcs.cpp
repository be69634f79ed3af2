// JSON Canonicalization Scheme (RFC 8785): number formatting, string escaping, UTF-16 member order, and
// the resumable writer.
#include "core/codecs/jcs.hpp"

#include "core/codecs/json_string_bytes.hpp"
#include "core/codecs/utf8.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

namespace core {

namespace {

// ---- numbers ------------------------------------------------------------------------------------

// A positive decimal value digits × 10^exponent, digits without leading zeros.
struct Decimal {
  std::string digits;
  int exponent = 0;
};

// Whether the decimal reads back as exactly `x` (> 0). Written without a decimal point ("123e-5"), so the
// current C locale's decimal separator cannot interfere.
bool reads_back_as(const Decimal& d, double x) {
  std::string text = d.digits;
  text += 'e';
  text += std::to_string(d.exponent);
  return std::strtod(text.c_str(), nullptr) == x;
}

// %.*e with `precision` significant digits, as digits × 10^exponent. The printf family rounds correctly
// (glibc, and musl under Emscripten), so this is the closest decimal of that length.
Decimal closest_decimal(double x, int precision) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*e", precision - 1, x);
  Decimal d;
  const char* p = buf;
  for (; *p != '\0' && *p != 'e' && *p != 'E'; ++p) {
    if (*p >= '0' && *p <= '9') d.digits += *p;  // skips the locale's decimal separator, whatever it is
  }
  const int sci_exponent = (*p != '\0') ? std::atoi(p + 1) : 0;
  d.exponent = sci_exponent - (precision - 1);
  return d;
}

// The decimal one unit (in its last digit) above or below, same number of digits.
Decimal neighbour(Decimal d, bool up) {
  std::string& s = d.digits;
  if (up) {
    std::size_t i = s.size();
    while (i > 0 && s[i - 1] == '9') s[--i] = '0';
    if (i == 0) {  // 999 + 1 = 1000: keep the length, shift the exponent
      s.insert(s.begin(), '1');
      s.pop_back();
      ++d.exponent;
    } else {
      ++s[i - 1];
    }
  } else if (s[0] == '1' && s.find_first_not_of('0', 1) == std::string::npos) {
    // 100 × 10^e - one unit: the grid below a power of ten is finer, so the neighbour is 999 × 10^(e-1).
    s.assign(s.size(), '9');
    --d.exponent;
  } else {
    std::size_t i = s.size();
    while (i > 0 && s[i - 1] == '0') s[--i] = '9';
    --s[i - 1];
  }
  return d;
}

// The shortest decimal that reads back as x (> 0, finite); among equally short ones, the closest.
// (Number::toString's choice, ECMA-262 §6.1.6.1.20.) The closest decimal of a given length is tried
// first; when it does not read back, the one on the other side of x still may, because the interval
// of values reading back as x is not always centred on x (at powers of two).
Decimal shortest_decimal(double x) {
  for (int precision = 1; precision < 17; ++precision) {
    const Decimal closest = closest_decimal(x, precision);
    if (reads_back_as(closest, x)) return closest;
    for (const bool up : {true, false}) {
      const Decimal other = neighbour(closest, up);
      if (other.digits.size() == closest.digits.size() && reads_back_as(other, x)) return other;
    }
  }
  return closest_decimal(x, 17);  // 17 significant digits always read back
}

std::string format_es_number(double value) {
  if (!std::isfinite(value)) return "null";
  if (value == 0) return "0";  // also -0
  std::string out;
  if (value < 0) out += '-';
  Decimal d = shortest_decimal(std::fabs(value));
  while (d.digits.size() > 1 && d.digits.back() == '0') {
    d.digits.pop_back();
    ++d.exponent;
  }
  const int k = static_cast<int>(d.digits.size());
  const int n = d.exponent + k;  // value = 0.digits × 10^n
  if (k <= n && n <= 21) {
    out += d.digits;
    out.append(static_cast<std::size_t>(n - k), '0');
  } else if (0 < n && n <= 21) {
    out.append(d.digits, 0, static_cast<std::size_t>(n));
    out += '.';
    out.append(d.digits, static_cast<std::size_t>(n), std::string::npos);
  } else if (-6 < n && n <= 0) {
    out += "0.";
    out.append(static_cast<std::size_t>(-n), '0');
    out += d.digits;
  } else {
    out += d.digits[0];
    if (k > 1) {
      out += '.';
      out.append(d.digits, 1, std::string::npos);
    }
    out += 'e';
    out += (n - 1 >= 0) ? '+' : '-';
    out += std::to_string(std::abs(n - 1));
  }
  return out;
}

constexpr std::int64_t k_exact_limit = std::int64_t{1} << 53;

// ---- strings ------------------------------------------------------------------------------------

constexpr char k_hex[] = "0123456789abcdef";

using json_bytes::k_string_class;  // core/codecs/json_string_bytes.hpp

void append_escape(std::string& out, unsigned char c) {
  switch (c) {
    case '"': out += "\\\""; return;
    case '\\': out += "\\\\"; return;
    case '\b': out += "\\b"; return;
    case '\f': out += "\\f"; return;
    case '\n': out += "\\n"; return;
    case '\r': out += "\\r"; return;
    case '\t': out += "\\t"; return;
    default: {
      const char esc[6] = {'\\', 'u', '0', '0', k_hex[c >> 4], k_hex[c & 0xF]};
      out.append(esc, 6);
    }
  }
}

// Escapes text[pos, ...) into out until `out` has grown by about `budget` bytes or the text ends;
// returns the new position (always on a character boundary).
std::size_t escape_some(std::string& out, std::string_view text, std::size_t pos, std::size_t budget) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  const std::size_t limit = out.size() + budget;
  while (pos < n && out.size() < limit) {
    const std::size_t run_end = std::min(n, pos + (limit - out.size()));
    std::size_t run = pos;
    while (run < run_end && k_string_class[p[run]] == 0) ++run;
    out.append(text.data() + pos, run - pos);
    pos = run;
    if (pos >= run_end) continue;
    if (k_string_class[p[pos]] == 1) {
      append_escape(out, p[pos]);
      ++pos;
      continue;
    }
    const Utf8Char c = decode_utf8(text, pos);
    if (c.valid) out.append(text.data() + pos, c.length);
    else out += "\xEF\xBF\xBD";
    pos += c.length;
  }
  return pos;
}

// First UTF-16 code unit of a code point: what decides the order between two different code points.
std::uint32_t first_unit(char32_t cp) noexcept {
  return cp < 0x10000 ? static_cast<std::uint32_t>(cp) : 0xD800u + ((static_cast<std::uint32_t>(cp) - 0x10000u) >> 10);
}

} // namespace

std::string canonical_number(double value) { return format_es_number(value); }

void append_canonical_string(std::string& out, std::string_view text) {
  out += '"';
  escape_some(out, text, 0, std::numeric_limits<std::size_t>::max() - out.size());
  out += '"';
}

bool utf16_less(std::string_view a, std::string_view b) noexcept {
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j] && static_cast<unsigned char>(a[i]) < 0x80) {
      ++i;
      ++j;
      continue;
    }
    const Utf8Char ca = decode_utf8(a, i);
    const Utf8Char cb = decode_utf8(b, j);
    if (ca.code_point != cb.code_point) {
      const std::uint32_t ua = first_unit(ca.code_point), ub = first_unit(cb.code_point);
      // Same high surrogate: the low surrogates compare as the code points do.
      return ua != ub ? ua < ub : ca.code_point < cb.code_point;
    }
    i += ca.length;
    j += cb.length;
  }
  if (i < a.size() || j < b.size()) return j < b.size() && i >= a.size();  // a proper prefix sorts first
  return a < b;  // same characters, different bytes (ill-formed UTF-8 only): any fixed order will do
}

Canonicalizer::Canonicalizer(const nlohmann::json& root, std::string omit_root_member)
    : omit_(std::move(omit_root_member)), root_(&root) {}

void Canonicalizer::open_value(const nlohmann::json& value, std::string& out) {
  using value_t = nlohmann::json::value_t;
  switch (value.type()) {
    case value_t::object: {
      out += '{';
      Frame f;
      f.node = &value;
      f.object = true;
      const auto* obj = value.get_ptr<const nlohmann::json::object_t*>();
      f.members.reserve(obj->size());
      const bool at_root = stack_.empty() && &value == root_;
      for (const auto& member : *obj) {
        if (at_root && !omit_.empty() && member.first == omit_) continue;
        f.members.push_back(&member);
      }
      std::sort(f.members.begin(), f.members.end(),
                [](const auto* x, const auto* y) { return utf16_less(x->first, y->first); });
      stack_.push_back(std::move(f));
      return;
    }
    case value_t::array: {
      out += '[';
      Frame f;
      f.node = &value;
      stack_.push_back(std::move(f));
      return;
    }
    case value_t::string:
      out += '"';
      string_ = value.get_ptr<const std::string*>();
      string_pos_ = 0;
      string_is_name_ = false;
      return;
    case value_t::boolean:
      out += *value.get_ptr<const bool*>() ? "true" : "false";
      return;
    case value_t::number_integer: {
      const std::int64_t v = *value.get_ptr<const std::int64_t*>();
      if (v > -k_exact_limit && v < k_exact_limit) out += std::to_string(v);
      else out += format_es_number(static_cast<double>(v));
      return;
    }
    case value_t::number_unsigned: {
      const std::uint64_t v = *value.get_ptr<const std::uint64_t*>();
      if (v < static_cast<std::uint64_t>(k_exact_limit)) out += std::to_string(v);
      else out += format_es_number(static_cast<double>(v));
      return;
    }
    case value_t::number_float:
      out += format_es_number(*value.get_ptr<const double*>());
      return;
    case value_t::null:
    case value_t::binary:
    case value_t::discarded:
    default:
      out += "null";
      return;
  }
}

void Canonicalizer::next(std::string& out, std::size_t max_bytes) {
  if (done_) return;
  const std::size_t start = out.size();
  if (max_bytes == 0) max_bytes = 1;
  if (!started_) {
    started_ = true;
    open_value(*root_, out);
  }
  while (out.size() - start < max_bytes) {
    if (string_ != nullptr) {
      string_pos_ = escape_some(out, *string_, string_pos_, max_bytes - (out.size() - start));
      if (string_pos_ < string_->size()) continue;
      out += '"';
      if (string_is_name_) out += ':';
      string_ = nullptr;
      continue;
    }
    if (pending_value_ != nullptr) {
      const nlohmann::json* v = pending_value_;
      pending_value_ = nullptr;
      open_value(*v, out);
      continue;
    }
    if (stack_.empty()) {
      done_ = true;
      break;
    }
    Frame& f = stack_.back();
    const std::size_t count = f.object ? f.members.size() : f.node->get_ptr<const nlohmann::json::array_t*>()->size();
    if (f.next == count) {
      out += f.object ? '}' : ']';
      stack_.pop_back();
      continue;
    }
    if (f.next > 0) out += ',';
    if (f.object) {
      const auto* member = f.members[f.next++];
      out += '"';
      string_ = &member->first;
      string_pos_ = 0;
      string_is_name_ = true;
      pending_value_ = &member->second;
    } else {
      const auto& element = (*f.node->get_ptr<const nlohmann::json::array_t*>())[f.next++];
      open_value(element, out);
    }
  }
  if (!done_ && stack_.empty() && string_ == nullptr && pending_value_ == nullptr) done_ = true;
  written_ += out.size() - start;
}

std::string canonicalize(const nlohmann::json& value) {
  std::string out;
  Canonicalizer c(value);
  while (!c.done()) c.next(out, std::numeric_limits<std::size_t>::max() / 2);
  return out;
}

Sha256Digest canonical_sha256(const nlohmann::json& value, std::string omit_root_member) {
  Canonicalizer c(value, std::move(omit_root_member));
  Sha256 hasher;
  std::string buf;
  buf.reserve(std::size_t{1} << 17);
  while (!c.done()) {
    buf.clear();
    c.next(buf, std::size_t{1} << 16);
    hasher.update(buf);
  }
  return hasher.finish();
}

} // namespace core
