// Reading a CSV table from a candidate's file, to show it as a table (RFC 4180 quoting; ',', ';' or tab
// separators as spreadsheets write them; UTF-8 or Windows-1252). Bounded: a hostile file cannot make it
// allocate more than the limits allow.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace core {

struct CsvTable {
  std::vector<std::vector<std::string>> rows;  // UTF-8 cells
  char separator = ',';
  bool truncated = false;  // more rows or columns than the limits: the rest is not shown
  bool converted = false;  // the file was Windows-1252, converted to UTF-8
};

struct CsvLimits {
  std::size_t max_rows = 5000;
  std::size_t max_columns = 200;
  std::size_t max_cell_bytes = 10000;
};

// The separator a spreadsheet most likely used (the most frequent of ';' ',' '\t' outside quotes in the
// first lines).
char guess_csv_separator(std::string_view text) noexcept;

// Reads `bytes` (a UTF-8 BOM is skipped; text that is not valid UTF-8 is read as Windows-1252).
CsvTable read_csv(std::string_view bytes, const CsvLimits& limits = {});

// Windows-1252 text as UTF-8 (the five undefined bytes become U+FFFD).
std::string windows1252_to_utf8(std::string_view text);

} // namespace core
