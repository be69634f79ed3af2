// Helpers shared by the application-layer tests: reading repository files, picking effects by type.
#pragma once

#include "app/app.hpp"
#include "app/effects.hpp"
#include "app/state.hpp"

#include "../source_files.hpp"

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace test_support {

// A file of the repository, by its path from the source root.
inline std::string read_file(const std::string& rel) { return test_files::read_source_file(rel); }

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

// Feeds a file to the app the way the platform does: begin, chunks, end. Returns every effect.
inline app::Effects send_file(app::AppState& s, std::uint32_t job, const std::string& target, const std::string& name,
                              const std::string& bytes, std::size_t chunk = 1000) {
  app::Effects fx = app::apply(s, app::cmd::FileBegin{job, target, name, bytes.size(), {}});
  for (std::size_t off = 0; off < bytes.size(); off += chunk) {
    auto more = app::apply(s, app::cmd::FileChunk{job, bytes.substr(off, chunk)});
    fx.insert(fx.end(), more.begin(), more.end());
  }
  auto end = app::apply(s, app::cmd::FileEnd{job});
  fx.insert(fx.end(), end.begin(), end.end());
  return fx;
}

// Runs the long work (export, verification) to its end, `step` bytes a step. Returns every effect.
inline app::Effects run_jobs(app::AppState& s, std::size_t step = 64 * 1024) {
  app::Effects fx;
  for (int i = 0; i < 10000 && app::step_jobs(s, fx, step); ++i) {}
  return fx;
}

// A bundle file imported into the coach's workspace, as the platform hands it over (by chunks), then
// verified to the end.
inline app::Effects import_bundle(app::AppState& s, std::uint32_t job, const std::string& name, const std::string& bytes) {
  app::Effects fx = send_file(s, job, app::coach_target, name, bytes, 200000);
  auto more = run_jobs(s, 256 * 1024);
  fx.insert(fx.end(), more.begin(), more.end());
  return fx;
}

} // namespace test_support
