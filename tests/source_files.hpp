// Reading the repository's own files from a test (assets, samples, test data), by their path from the
// source root (CERTIF_SOURCE_DIR, set by CMake). Shared by the core and application tests.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

namespace test_files {

// The file's bytes, or "" when it cannot be read.
inline std::string read_source_file(std::string_view relative) {
  std::ifstream in(std::string(CERTIF_SOURCE_DIR) + "/" + std::string(relative), std::ios::binary);
  if (!in) return std::string();
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// A file under assets/ ("programmes/rs6247.json").
inline std::string read_asset(std::string_view path) { return read_source_file("assets/" + std::string(path)); }

// A sample of tests/data/sniff/.
inline std::string sniff_sample(std::string_view name) { return read_source_file("tests/data/sniff/" + std::string(name)); }

} // namespace test_files
