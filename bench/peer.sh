#!/usr/bin/env bash
# Builds the benchmark's peers: Dear ImGui 1.86's own Emscripten example (examples/example_emscripten_opengl3)
# with the same toolchain as the app, against SDL2 built for Emscripten from Debian's source package
# (Debian's emscripten cache is frozen, so the example's `-s USE_SDL=2` port cannot be downloaded), twice:
#   site/     as the example's Makefile builds it (-Os compile, link without -O, ASSERTIONS=1)
#   site-O2/  optimised: the same sources compiled and linked -O2, no assertions (the -O2 default)
#   bench/peer.sh            # builds once, then only prints where the sites are
#   PEER_DIR=/some/dir bench/peer.sh
# Nothing third-party is copied into the repository: sources are fetched with `apt-get source` and built
# in $PEER_DIR (default <repo>/.cache/peer, ignored by git). Needs deb-src entries (scripts/setup.sh),
# emscripten, cmake, dpkg-dev, and the imgui 1.86 sources unpacked in <repo>/.cache/imgui-1.86.
# Prints the Makefile site's directory, then the optimised one's on the last line.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
dir=${PEER_DIR:-$repo/.cache/peer}
imgui=${IMGUI_DIR:-$repo/.cache/imgui-1.86}
example=$imgui/examples/example_emscripten_opengl3
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}
export EMSDK_PYTHON=${EMSDK_PYTHON:-/usr/bin/python3}
jobs=${JOBS:-2}

[ -f "$example/main.cpp" ] || { echo "peer.sh: no $example (unpack imgui 1.86 first: scripts/setup.sh)" >&2; exit 1; }
mkdir -p "$dir/src"
# Canonical paths (.cache may be a symlink shared by worktrees): the stamp below must not depend on them.
dir=$(realpath "$dir"); imgui=$(realpath "$imgui"); example=$imgui/examples/example_emscripten_opengl3

# The flags of the example's own Makefile (compile: -Wall -Wformat -Os; EMS: DISABLE_EXCEPTION_CATCHING=1;
# link: WASM=1 ALLOW_MEMORY_GROWTH=1 NO_EXIT_RUNTIME=0 ASSERTIONS=1 NO_FILESYSTEM=1, its shell file, no -O
# at link), minus USE_SDL=2, plus our SDL2 headers and library.
common="-I$imgui -I$imgui/backends -DIMGUI_DISABLE_FILE_FUNCTIONS -Wall -Wformat -s DISABLE_EXCEPTION_CATCHING=1"
ldcommon="-s WASM=1 -s ALLOW_MEMORY_GROWTH=1 -s NO_EXIT_RUNTIME=0 -s NO_FILESYSTEM=1 -s DISABLE_EXCEPTION_CATCHING=1"
# 1. SDL2 from Debian's source package (patched tree via dpkg-source), fetched and unpacked once.
src=$(ls -d "$dir"/src/libsdl2-*/ 2>/dev/null | head -1 || true)
if [ -z "$src" ]; then
  (cd "$dir/src" && { ls libsdl2_*.dsc >/dev/null 2>&1 || apt-get source --download-only libsdl2; } \
     && dpkg-source --no-check -x libsdl2_*.dsc)
  src=$(ls -d "$dir"/src/libsdl2-*/ | head -1)
fi
src=${src%/}
if [ ! -f "$dir/sdl2/lib/libSDL2.a" ]; then
  # Only what the example uses: video (canvas + WebGL), events, timers; no threads (the example is
  # single-threaded and the Emscripten port builds without them too), no shared lib, no tests.
  emcmake cmake -S "$src" -B "$dir/sdl2-build" -G Ninja -DCMAKE_BUILD_TYPE=MinSizeRel \
    -DCMAKE_INSTALL_PREFIX="$dir/sdl2" -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF \
    -DSDL_THREADS=OFF -DSDL_PTHREADS=OFF -DSDL_AUDIO=OFF -DSDL_RENDER=OFF -DSDL_SENSOR=OFF \
    -DSDL_HAPTIC=OFF -DSDL_HIDAPI=OFF -DSDL_POWER=OFF -DSDL_FILESYSTEM=OFF -DSDL_LOCALE=OFF \
    -DSDL_MISC=OFF -DSDL_LOADSO=OFF -DSDL_CPUINFO=ON -DSDL_ATOMIC=ON -DSDL_JOYSTICK=ON >"$dir/sdl2-cmake.log" 2>&1 \
    || { tail -40 "$dir/sdl2-cmake.log" >&2; exit 1; }
  cmake --build "$dir/sdl2-build" -j "$jobs" >"$dir/sdl2-build.log" 2>&1 || { tail -40 "$dir/sdl2-build.log" >&2; exit 1; }
  cmake --install "$dir/sdl2-build" >/dev/null
fi
sdl_inc=$dir/sdl2/include/SDL2
sdl_lib=$dir/sdl2/lib/libSDL2.a
[ -f "$sdl_lib" ] || sdl_lib=$(ls "$dir"/sdl2/lib/libSDL2*.a | head -1)

# 2. The example, once per variant: name, compile flags, link flags.
build_variant() {
  local name=$1 cppflags="$common $2" ldflags="$ldcommon $3"
  local site=$dir/$name obj=$dir/obj-$name
  local stamp="imgui-1.86 sdl2=$(basename "$src") $cppflags | $ldflags | $(em++ --version | head -1)"
  if [ -f "$site/index.html" ] && [ -f "$site/index.wasm" ] && [ -f "$site/.stamp" ] && [ "$(cat "$site/.stamp")" = "$stamp" ]; then
    echo "$site"; return 0
  fi
  mkdir -p "$obj" "$site"
  for f in "$example/main.cpp" "$imgui/imgui.cpp" "$imgui/imgui_demo.cpp" "$imgui/imgui_draw.cpp" \
           "$imgui/imgui_tables.cpp" "$imgui/imgui_widgets.cpp" "$imgui/backends/imgui_impl_sdl.cpp" \
           "$imgui/backends/imgui_impl_opengl3.cpp"; do
    # shellcheck disable=SC2086
    em++ $cppflags -I"$sdl_inc" -c -o "$obj/$(basename "$f" .cpp).o" "$f" &
    # two at a time: the machine is shared
    [ "$(jobs -p | wc -l)" -lt "$jobs" ] || wait -n
  done
  wait
  # shellcheck disable=SC2086
  em++ -o "$site/index.html" "$obj"/*.o "$sdl_lib" $ldflags --shell-file "$example/shell_minimal.html"
  # (a dot file: the benchmarks size only what the browser loads)
  echo "$stamp" >"$site/.stamp"
  ls -l "$site" >&2
  echo "$site"
}
build_variant site "-Os" "-s ASSERTIONS=1"
# (-O2 links minify the HTML, and 3.1.6's minifier crashes: TOOLCHAIN.md)
build_variant site-O2 "-O2" "-O2 -s MINIFY_HTML=0"
