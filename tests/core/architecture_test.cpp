// Keeps the layering honest: core/ and app/ never reach ImGui, Emscripten, GLFW or GL, and arrows only
// point down (core knows nothing of app, ui or platform; app nothing of ui or platform).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
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

} // namespace

TEST(Architecture, CoreIncludesNoPlatformNoUi) {
  const fs::path core = fs::path(CERTIF_SOURCE_DIR) / "src" / "core";
  ASSERT_TRUE(fs::is_directory(core));
  const auto v = scan(core, platform_headers);
  EXPECT_TRUE(v.empty()) << describe(v);
  const auto up = scan(core, std::regex(R"(^(app|ui|platform|cli)/)"));
  EXPECT_TRUE(up.empty()) << "core must not depend on upper layers:\n" << describe(up);
}

TEST(Architecture, AppIncludesNoPlatformNoUi) {
  const fs::path app = fs::path(CERTIF_SOURCE_DIR) / "src" / "app";
  ASSERT_TRUE(fs::is_directory(app));
  const auto v = scan(app, platform_headers);
  EXPECT_TRUE(v.empty()) << describe(v);
  const auto up = scan(app, std::regex(R"(^(ui|platform|cli)/)"));
  EXPECT_TRUE(up.empty()) << "app must not depend on ui or platform:\n" << describe(up);
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
