// Keeps the layering honest: core/ and app/ never reach ImGui, Emscripten, GLFW or GL, and arrows only
// point down (core knows nothing of app, ui or platform; app nothing of ui or platform; ui nothing of
// platform; the CLI nothing of app, ui or platform), and inside core each folder includes only the folders
// below it (the same order CMakeLists.txt links them in).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Violation { std::string file; int line; std::string text; };

// Include lines of every C++ file under `dir` that match `forbidden`.
std::vector<Violation> scan(const fs::path& dir, const std::regex& forbidden) {
  std::vector<Violation> found;
  const std::regex include_line(R"(^\s*#\s*include\s*[<"]([^>"]+)[>"])");
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    const auto ext = entry.path().extension().string();
    if (ext != ".cpp" && ext != ".hpp" && ext != ".h" && ext != ".in") continue;
    std::ifstream in(entry.path());
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
      ++n;
      std::smatch m;
      if (std::regex_search(line, m, include_line) && std::regex_search(m[1].str(), forbidden)) {
        found.push_back({entry.path().string(), n, line});
      }
    }
  }
  return found;
}

std::string describe(const std::vector<Violation>& v) {
  std::string s;
  for (const auto& x : v) s += x.file + ":" + std::to_string(x.line) + ": " + x.text + "\n";
  return s;
}

const std::regex platform_headers(R"((imgui|emscripten|GLFW|glfw|GLES|webgl|html5\.h|SDL))", std::regex::icase);

// src/<layer> includes none of the folders `above` matches, nor (unless `platform_headers_allowed`: ui
// draws with ImGui) any ImGui, Emscripten, GLFW or GL header.
void expect_layer(const char* layer, const char* above, bool platform_headers_allowed, const char* why) {
  const fs::path dir = fs::path(CERTIF_SOURCE_DIR) / "src" / layer;
  ASSERT_TRUE(fs::is_directory(dir)) << dir;
  if (!platform_headers_allowed) {
    const auto v = scan(dir, platform_headers);
    EXPECT_TRUE(v.empty()) << describe(v);
  }
  const auto up = scan(dir, std::regex(above));
  EXPECT_TRUE(up.empty()) << why << ":\n" << describe(up);
}

} // namespace

TEST(Architecture, CoreIncludesNoPlatformNoUi) {
  expect_layer("core", R"(^(app|ui|platform|cli)/)", false, "core must not depend on upper layers");
}

TEST(Architecture, AppIncludesNoPlatformNoUi) {
  expect_layer("app", R"(^(ui|platform|cli)/)", false, "app must not depend on ui or platform");
}

TEST(Architecture, UiIncludesNoPlatform) {
  expect_layer("ui", R"(^(platform|cli)/)", true, "ui must not depend on platform (the platform calls the views)");
}

TEST(Architecture, CliIncludesNoAppUiPlatform) {
  expect_layer("cli", R"(^(app|ui|platform)/)", false, "the CLI is over core only");
}

namespace {

// Each folder of core and the folders it may include (itself included). "version.hpp" is generated.
const std::map<std::string, std::set<std::string>>& core_layers() {
  static const std::map<std::string, std::set<std::string>> layers = {
      {"base", {"base"}},
      {"codecs", {"base", "codecs"}},
      {"model", {"base", "codecs", "model"}},
      {"formats", {"base", "codecs", "model", "formats"}},
      {"documents", {"base", "codecs", "model", "formats", "documents"}},
      {"domain", {"base", "codecs", "model", "formats", "domain"}},
  };
  return layers;
}

// Includes of core/<folder>/ files that reach a folder `folder` may not include, and files of core outside
// any folder (a new file must be placed in the layer it belongs to).
std::vector<Violation> core_layer_violations(const fs::path& core) {
  std::vector<Violation> found;
  const std::regex core_include(R"(^\s*#\s*include\s*[<"]core/([a-z_]+)/)");
  for (const auto& entry : fs::recursive_directory_iterator(core)) {
    if (!entry.is_regular_file()) continue;
    const fs::path rel = fs::relative(entry.path(), core);
    const auto ext = entry.path().extension().string();
    if (ext != ".cpp" && ext != ".hpp" && ext != ".h") continue;
    if (std::distance(rel.begin(), rel.end()) != 2 || core_layers().count(rel.begin()->string()) == 0) {
      found.push_back({entry.path().string(), 0, "not in one of core's folders"});
      continue;
    }
    const auto& allowed = core_layers().at(rel.begin()->string());
    std::ifstream in(entry.path());
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
      ++n;
      std::smatch m;
      if (std::regex_search(line, m, core_include) && allowed.count(m[1].str()) == 0) {
        found.push_back({entry.path().string(), n, line});
      }
    }
  }
  return found;
}

} // namespace

TEST(Architecture, CoreFoldersIncludeOnlyTheFoldersBelow) {
  const fs::path core = fs::path(CERTIF_SOURCE_DIR) / "src" / "core";
  ASSERT_TRUE(fs::is_directory(core / "formats"));
  const auto v = core_layer_violations(core);
  EXPECT_TRUE(v.empty()) << "core's layers: base → codecs → model → formats → documents, domain\n" << describe(v);
}

TEST(Architecture, LayerCheckCatchesAnUpwardInclude) {
  // A codec that includes a format, and a file left outside the folders, are both reported.
  const fs::path dir = fs::temp_directory_path() / "certif_layer_probe";
  fs::create_directories(dir / "codecs");
  { std::ofstream(dir / "codecs" / "probe.cpp") << "// probe\n#include \"core/codecs/utf8.hpp\"\n#include \"core/formats/bundle.hpp\"\n"; }
  { std::ofstream(dir / "loose.hpp") << "// probe\n"; }
  const auto v = core_layer_violations(dir);
  fs::remove_all(dir);
  ASSERT_EQ(v.size(), 2u) << describe(v);
}

TEST(Architecture, ScannerCatchesAForbiddenInclude) {
  // The check itself is checked: a file that includes imgui.h is reported.
  const fs::path dir = fs::temp_directory_path() / "certif_arch_probe";
  fs::create_directories(dir);
  { std::ofstream(dir / "probe.cpp") << "// probe\n#include \"imgui.h\"\n#include <emscripten/html5.h>\n"; }
  const auto v = scan(dir, platform_headers);
  fs::remove_all(dir);
  EXPECT_EQ(v.size(), 2u);
}
