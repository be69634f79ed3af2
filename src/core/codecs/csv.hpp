// Reading a CSV table from a candidate's file: what makes text a table (the sniffer's verdict) and which
// separator it uses, and the table itself for the coach's viewer (RFC 4180 quoting; ',', ';' or tab
// separators as spreadsheets write them; UTF-8 or Windows-1252). One function identifies the separator
// for both, so the viewer splits the file exactly where its acceptance said the columns are. Bounded: a
// hostile file cannot make it allocate more than the limits allow.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core {

struct CsvTable {
  std::vector<std::vector<std::string>> rows;  // UTF-8 cells
  char separator = ',';  // '\0' for a one-column table (nothing splits a record)
  bool truncated = false;  // more rows or columns than the limits: the rest is not shown
  bool converted = false;  // the file was Windows-1252, converted to UTF-8
};

struct CsvLimits {
  std::size_t max_rows = 5000;
  std::size_t max_columns = 200;
  std::size_t max_cell_bytes = 10000;
};

// How a text is laid out as a table: its separator ('\0' for one column) and its number of columns.
struct CsvShape {
  char separator = '\0';
  std::uint32_t columns = 0;
};

// Whether `text` (the file without its BOM: UTF-8 or Windows-1252, separators are ASCII either way) is a
// table, and how. For each candidate separator (';' first: French Excel; then ',' and tab), the fields of
// the first records are counted (up to 20, within the first 64 KiB; a record cut by that window is
// dropped), RFC 4180 quotes understood (a field starting with '"' runs to the closing quote, across line
// breaks, "" being a literal quote). Lines end with LF, CRLF or CR; blank lines are skipped. A separator
// fits when the first record has >= 2 fields and at most one in ten of the following records has a
// different count; the fitting separator with the most columns wins. A quote still open at the end of the
// file means it is not a table.
// One column: when no separator fits, text of at least two records, none longer than 256 bytes, none
// holding a ';', ',' or tab outside quotes (a spreadsheet quotes those) and no blank line among them, is
// a one-column table — what a spreadsheet exports for a single column (a list
// of questions, of names). Nothing else tells such a table from a list of short lines, and both are
// harmless shown as a table; longer lines or paragraphs are prose, not a table.
std::optional<CsvShape> identify_csv(std::string_view text);

// Reads `bytes` (a UTF-8 BOM is skipped; text that is not valid UTF-8 is read as Windows-1252) with the
// separator identify_csv finds (text it does not take for a table is read as one column).
CsvTable read_csv(std::string_view bytes, const CsvLimits& limits = {});

// Windows-1252 text as UTF-8 (the five undefined bytes become U+FFFD).
std::string windows1252_to_utf8(std::string_view text);

} // namespace core
