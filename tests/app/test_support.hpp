// Helpers shared by the application-layer tests: reading repository files, picking effects by type.
#pragma once

#include "app/app.hpp"
#include "app/effects.hpp"
#include "app/state.hpp"

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace test_support {

// A file of the repository, by its path from the source root.
inline std::string read_file(const std::string& rel) {
  std::ifstream in(std::string(CERTIF_SOURCE_DIR) + "/" + rel, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A host's settings choosing the programme `id` (config.js `programme`).
inline app::SiteConfig site_for(const char* id) {
  app::SiteConfig site;
  site.programme_id = id;
  return site;
}

// The effects of type E, in order.
template <typename E>
std::vector<const E*> all_of(const app::Effects& fx) {
  std::vector<const E*> out;
  for (const auto& e : fx) {
    if (const auto* p = std::get_if<E>(&e)) out.push_back(p);
  }
  return out;
}

// A bundle file imported into the coach's workspace, as the platform hands it over (by chunks), then
// verified to the end.
inline app::Effects import_bundle(app::AppState& s, std::uint32_t job, const std::string& name, const std::string& bytes) {
  app::Effects fx = app::apply(s, app::cmd::FileBegin{job, app::coach_target, name, bytes.size(), {}});
  for (std::size_t off = 0; off < bytes.size(); off += 200000) {
    auto more = app::apply(s, app::cmd::FileChunk{job, bytes.substr(off, 200000)});
    fx.insert(fx.end(), more.begin(), more.end());
  }
  auto end = app::apply(s, app::cmd::FileEnd{job});
  fx.insert(fx.end(), end.begin(), end.end());
  for (int i = 0; i < 10000 && app::step_jobs(s, fx, 256 * 1024); ++i) {}
  return fx;
}

} // namespace test_support
