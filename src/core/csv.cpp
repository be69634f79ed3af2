// CSV tables for display: separator guess, RFC 4180 quoting, Windows-1252 conversion, bounds.
#include "core/csv.hpp"

#include "core/utf8.hpp"

namespace core {

char guess_csv_separator(std::string_view text) noexcept {
  std::size_t counts[3] = {0, 0, 0};  // ';' ',' '\t'
  bool quoted = false;
  std::size_t lines = 0;
  for (std::size_t i = 0; i < text.size() && lines < 20; ++i) {
    const char c = text[i];
    if (c == '"') quoted = !quoted;
    else if (!quoted && c == '\n') ++lines;
    else if (!quoted && c == ';') ++counts[0];
    else if (!quoted && c == ',') ++counts[1];
    else if (!quoted && c == '\t') ++counts[2];
  }
  if (counts[0] >= counts[1] && counts[0] >= counts[2] && counts[0] > 0) return ';';
  if (counts[2] > counts[1]) return '\t';
  return ',';
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
  std::string converted;
  if (first_invalid_utf8(bytes)) {
    converted = windows1252_to_utf8(bytes);
    bytes = converted;
    t.converted = true;
  }
  t.separator = guess_csv_separator(bytes);
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
    } else if (c == t.separator) {
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
