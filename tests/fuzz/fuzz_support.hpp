// What every libFuzzer target here shares: the input as a string_view, and a broken invariant as a crash
// (libFuzzer then saves the input that broke it).
#pragma once

#include <cstdio>
#include <cstdlib>

namespace fuzz {

[[noreturn]] inline void broken(const char* what) {
  std::fprintf(stderr, "invariant broken: %s\n", what);
  std::abort();
}

inline void require(bool ok, const char* what) {
  if (!ok) broken(what);
}

} // namespace fuzz
