// Benchmark (on demand, bench/font_atlas.sh): time to build the UI's font atlas (the app's 5 sizes, its
// glyph ranges) from given regular + semibold font files, natively: the process's CPU time (steadier than
// the wall clock on a shared machine), median and min–max of N builds per pair.
//   font_atlas SCALE RUNS REGULAR SEMIBOLD [REGULAR SEMIBOLD ...]
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "ui/theme.hpp"

namespace {

std::string read(const char* path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

} // namespace

int main(int argc, char** argv) {
  if (argc < 5 || (argc - 3) % 2 != 0) {
    std::fprintf(stderr, "usage: font_atlas SCALE RUNS REGULAR SEMIBOLD [REGULAR SEMIBOLD ...]\n");
    return 2;
  }
  const float scale = std::strtof(argv[1], nullptr);
  const int runs = std::atoi(argv[2]);
  ImGui::CreateContext();
  for (int i = 3; i + 1 < argc; i += 2) {
    const std::string regular = read(argv[i]), semibold = read(argv[i + 1]);
    if (regular.empty() || semibold.empty()) {
      std::fprintf(stderr, "font_atlas: cannot read %s or %s\n", argv[i], argv[i + 1]);
      return 1;
    }
    std::vector<double> ms;
    int w = 0, h = 0;
    for (int r = 0; r < runs; ++r) {
      ImFontAtlas atlas;
      const std::clock_t t0 = std::clock();
      ui::build_fonts(atlas, scale, regular, semibold);
      unsigned char* pixels = nullptr;
      atlas.GetTexDataAsRGBA32(&pixels, &w, &h);
      ms.push_back(1000.0 * static_cast<double>(std::clock() - t0) / CLOCKS_PER_SEC);
    }
    std::sort(ms.begin(), ms.end());
    std::printf("%-40s %-40s scale %.2f: %7.2f ms of CPU, median (%.2f–%.2f), atlas %d×%d, %zu + %zu bytes\n", argv[i],
                argv[i + 1], static_cast<double>(scale), ms[ms.size() / 2], ms.front(), ms.back(), w, h,
                regular.size(), semibold.size());
  }
  ImGui::DestroyContext();
  return 0;
}
