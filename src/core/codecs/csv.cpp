// CSV tables: what makes text a table (and its separator), reading it for display (RFC 4180 quoting,
// Windows-1252 conversion, bounds).
#include "core/codecs/csv.hpp"

#include "core/codecs/utf8.hpp"

#include <algorithm>

namespace core {

namespace {

constexpr std::size_t k_csv_window = 64 * 1024;
constexpr std::size_t k_csv_records = 20;
constexpr std::size_t k_one_column_max_record = 256;

struct Sample {
  std::vector<std::uint32_t> fields;  // per record
  std::size_t longest = 0;            // bytes of the longest record
  bool blank_between = false;         // a blank line after the first record, before another one
  bool open_quote = false;            // the file ended inside a quoted field
  bool unquoted_separator = false;    // a ';', ',' or tab outside quotes in a sampled record
};

// The first records of `t` split at `sep` ('\0': never split), as identify_csv describes.
Sample sample_records(std::string_view t, char sep) {
  Sample s;
  std::uint32_t fields = 1;
  bool in_quotes = false, field_start = true, record_has_content = false, blank_pending = false;
  std::size_t record_start = 0;
  std::size_t i = 0;
  const std::size_t n = t.size();
  auto end_record = [&](std::size_t at) {
    if (blank_pending && !s.fields.empty()) s.blank_between = true;
    blank_pending = false;
    s.fields.push_back(fields);
    s.longest = std::max(s.longest, at - record_start);
  };
  while (i < n && s.fields.size() < k_csv_records) {
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
      if (record_has_content) end_record(i);
      else if (!s.fields.empty()) blank_pending = true;
      fields = 1;
      field_start = true;
      record_has_content = false;
      i += (c == '\r' && i + 1 < n && t[i + 1] == '\n') ? std::size_t{2} : std::size_t{1};
      record_start = i;
      continue;
    }
    record_has_content = true;
    if (c == '"' && field_start) {
      in_quotes = true;
      field_start = false;
    } else if (sep != '\0' && c == sep) {
      ++fields;
      field_start = true;
    } else {
      if (c == ';' || c == ',' || c == '\t') s.unquoted_separator = true;
      field_start = false;
    }
    ++i;
  }
  if (i >= n) {
    s.open_quote = in_quotes;
    if (!in_quotes && record_has_content) end_record(i);
  }
  return s;
}

std::optional<std::uint32_t> columns_with(std::string_view t, char sep) {
  const Sample s = sample_records(t, sep);
  if (s.open_quote || s.fields.empty() || s.fields[0] < 2) return std::nullopt;
  std::size_t mismatches = 0;
  for (std::size_t r = 1; r < s.fields.size(); ++r)
    if (s.fields[r] != s.fields[0]) ++mismatches;
  if (mismatches * 10 > s.fields.size() - 1) return std::nullopt;
  return s.fields[0];
}

} // namespace

std::optional<CsvShape> identify_csv(std::string_view text) {
  CsvShape best;
  for (char sep : {';', ',', '\t'}) {
    const auto cols = columns_with(text, sep);
    if (cols && *cols > best.columns) best = CsvShape{sep, *cols};
  }
  if (best.columns >= 2) return best;
  const Sample one = sample_records(text, '\0');
  if (!one.open_quote && !one.unquoted_separator && one.fields.size() >= 2 && !one.blank_between &&
      one.longest <= k_one_column_max_record)
    return CsvShape{'\0', 1};
  return std::nullopt;
}

std::string windows1252_to_utf8(std::string_view text) {
  // 0x80–0x9F differ from Latin-1 in Windows-1252; the rest of 0xA0–0xFF is Latin-1.
  static const char32_t high[32] = {0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
                                    0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char ch : text) {
    const auto b = static_cast<unsigned char>(ch);
    if (b < 0x80) out += ch;
    else if (b < 0xA0) append_utf8(out, high[b - 0x80]);
    else append_utf8(out, static_cast<char32_t>(b));
  }
  return out;
}

CsvTable read_csv(std::string_view bytes, const CsvLimits& limits) {
  CsvTable t;
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  // On the bytes as the sniffer saw them (before any conversion): the same verdict, the same separator.
  const auto shape = identify_csv(bytes);
  t.separator = shape ? shape->separator : '\0';
  std::string converted;
  if (first_invalid_utf8(bytes)) {
    converted = windows1252_to_utf8(bytes);
    bytes = converted;
    t.converted = true;
  }
  std::vector<std::string> row;
  std::string cell;
  bool quoted = false;
  bool row_has_content = false;
  auto end_cell = [&]() {
    if (row.size() < limits.max_columns) row.push_back(std::move(cell));
    else t.truncated = true;
    cell.clear();
  };
  auto end_row = [&]() {
    end_cell();
    if (row_has_content || row.size() > 1 || !row.front().empty()) {
      if (t.rows.size() < limits.max_rows) t.rows.push_back(std::move(row));
      else t.truncated = true;
    }
    row.clear();
    row_has_content = false;
  };
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const char c = bytes[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < bytes.size() && bytes[i + 1] == '"') {
          if (cell.size() < limits.max_cell_bytes) cell += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else if (cell.size() < limits.max_cell_bytes) {
        cell += c;
      } else {
        t.truncated = true;
      }
      continue;
    }
    if (c == '"' && cell.empty()) {
      quoted = true;
      row_has_content = true;
    } else if (c == t.separator && c != '\0') {
      end_cell();
      row_has_content = true;
    } else if (c == '\n') {
      end_row();
      if (t.rows.size() >= limits.max_rows && t.truncated) break;
    } else if (c == '\r') {
      // CRLF and lone CR both end a row; a CR before LF is part of CRLF.
      if (i + 1 < bytes.size() && bytes[i + 1] == '\n') continue;
      end_row();
    } else if (cell.size() < limits.max_cell_bytes) {
      cell += c;
    } else {
      t.truncated = true;
    }
  }
  if (!cell.empty() || !row.empty() || row_has_content) end_row();
  return t;
}

} // namespace core
