// Helpers shared by the application-layer tests: reading repository files, picking effects by type.
#pragma once

#include "app/effects.hpp"

#include "../source_files.hpp"

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace test_support {

// A file of the repository, by its path from the source root.
inline std::string read_file(const std::string& rel) { return test_files::read_source_file(rel); }

// The effects of type E, in order.
template <typename E>
std::vector<const E*> all_of(const app::Effects& fx) {
  std::vector<const E*> out;
  for (const auto& e : fx) {
    if (const auto* p = std::get_if<E>(&e)) out.push_back(p);
  }
  return out;
}

} // namespace test_support
