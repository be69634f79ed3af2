// libFuzzer target: the CSV reader (separator identification and the bounded table) on arbitrary text.
// Limits always hold, and the separator is one of those the sniffer knows.
#include "core/codecs/csv.hpp"

#include "fuzz_support.hpp"

#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (const auto shape = core::identify_csv(text)) {
    fuzz::require(shape->separator == '\0' || shape->separator == ';' || shape->separator == ',' || shape->separator == '\t',
                  "an unknown separator");
    fuzz::require((shape->separator == '\0') == (shape->columns == 1), "columns and separator disagree");
  }
  const core::CsvLimits limits{50, 20, 300};
  const core::CsvTable t = core::read_csv(text, limits);
  fuzz::require(t.rows.size() <= limits.max_rows, "too many rows");
  for (const auto& row : t.rows) {
    fuzz::require(row.size() <= limits.max_columns, "too many columns");
    for (const auto& cell : row) fuzz::require(cell.size() <= limits.max_cell_bytes, "a cell over its bound");
  }
  return 0;
}
