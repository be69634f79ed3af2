# The browser build (included from the root CMakeLists under Emscripten): Dear ImGui, the web app in a
# self-contained folder (build/wasm/site), and the core test suite compiled to wasm and run under node.

if(NOT EXISTS "${CERTIF_IMGUI_DIR}/imgui.cpp")
  message(FATAL_ERROR "Dear ImGui sources not found in ${CERTIF_IMGUI_DIR}: run scripts/setup.sh first")
endif()

set(CERTIF_SITE_DIR "${CMAKE_BINARY_DIR}/site" CACHE PATH "The folder to copy to a static server")

# --- Dear ImGui (third-party: built with its own warnings) -------------------------------------------
add_library(imgui STATIC
  "${CERTIF_IMGUI_DIR}/imgui.cpp"
  "${CERTIF_IMGUI_DIR}/imgui_draw.cpp"
  "${CERTIF_IMGUI_DIR}/imgui_tables.cpp"
  "${CERTIF_IMGUI_DIR}/imgui_widgets.cpp"
  "${CERTIF_IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp"
  "${CERTIF_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp")
target_include_directories(imgui SYSTEM PUBLIC "${CERTIF_IMGUI_DIR}" "${CERTIF_IMGUI_DIR}/backends" "${CERTIF_IMGUI_DIR}/misc/cpp")
# No demo window in the product (it alone adds ~340 KB); ES3 renderer for WebGL 2. 32-bit characters:
# with ImGui's default 16-bit ImWchar every character beyond U+FFFF (emoji, CJK extension B...) typed,
# pasted or already in a field became U+FFFD, and editing next to one wrote NULs into the text.
target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_DEMO_WINDOWS IMGUI_DISABLE_DEBUG_TOOLS IMGUI_IMPL_OPENGL_ES3
  IMGUI_DISABLE_OBSOLETE_FUNCTIONS IMGUI_USE_WCHAR32)

# --- UI font: Inter, subset to the glyphs the app's languages need -----------------------------------
set(CERTIF_FONT_SOURCE "/usr/share/fonts/opentype/inter/Inter-Regular.otf" CACHE FILEPATH "UI font")
set(CERTIF_FONT_BOLD_SOURCE "/usr/share/fonts/opentype/inter/Inter-SemiBold.otf" CACHE FILEPATH "UI heading font")
# Basic Latin, Latin-1, Latin Extended-A (œ Œ), the combining accents of European languages (all 112 marks
# would cost 7 KB), general punctuation (’ – — … « »), €, arrows, a few symbols (src/ui/theme.cpp lists the
# same ranges).
set(CERTIF_FONT_UNICODES "U+0020-007E,U+00A0-00FF,U+0152-0153,U+0178,U+0300-0304,U+0306-0308,U+030A-030C,U+0323,U+0326-0328,U+200B,U+2010-2027,U+202F,U+2030,U+2039-203A,U+20AC,U+2122,U+2190-2193,U+21BB,U+2212,U+2460-2473,U+25A0-25A1,U+25B2-25BC,U+25CB,U+25CF,U+26A0,U+2713,U+2717")
set(_font_out "${CMAKE_BINARY_DIR}/generated/fonts")
set(_font_tool "${CMAKE_SOURCE_DIR}/cmake/font_to_glyf.py")
# Subset (no layout features: ImGui neither kerns nor shapes), then TrueType outlines: stb_truetype draws
# those faster than CFF, and the atlas is built at every start (cmake/font_to_glyf.py says why).
add_custom_command(
  OUTPUT "${_font_out}/inter-regular.ttf" "${_font_out}/inter-semibold.ttf"
  COMMAND ${CMAKE_COMMAND} -E make_directory "${_font_out}"
  COMMAND pyftsubset "${CERTIF_FONT_SOURCE}" "--unicodes=${CERTIF_FONT_UNICODES}" --layout-features=
          --no-hinting --desubroutinize "--output-file=${_font_out}/inter-regular.otf"
  COMMAND pyftsubset "${CERTIF_FONT_BOLD_SOURCE}" "--unicodes=${CERTIF_FONT_UNICODES}" --layout-features=
          --no-hinting --desubroutinize "--output-file=${_font_out}/inter-semibold.otf"
  COMMAND /usr/bin/python3 "${_font_tool}" "${_font_out}/inter-regular.otf" "${_font_out}/inter-regular.ttf"
  COMMAND /usr/bin/python3 "${_font_tool}" "${_font_out}/inter-semibold.otf" "${_font_out}/inter-semibold.ttf"
  DEPENDS "${CERTIF_FONT_SOURCE}" "${CERTIF_FONT_BOLD_SOURCE}" "${_font_tool}"
  COMMENT "Subsetting the Inter font and converting it to TrueType outlines"
  VERBATIM)
add_custom_command(
  OUTPUT "${CMAKE_BINARY_DIR}/generated/embedded_fonts.cpp"
  COMMAND ${CMAKE_COMMAND} "-DOUT=${CMAKE_BINARY_DIR}/generated/embedded_fonts.cpp" -DNAMESPACE=platform::fonts
          "-DFILES=inter-regular=${_font_out}/inter-regular.ttf|inter-semibold=${_font_out}/inter-semibold.ttf"
          -P "${CMAKE_SOURCE_DIR}/cmake/embed.cmake"
  DEPENDS "${_font_out}/inter-regular.ttf" "${_font_out}/inter-semibold.ttf" "${CMAKE_SOURCE_DIR}/cmake/embed.cmake"
  VERBATIM)

# --- the web app ---------------------------------------------------------------------------------------
file(GLOB CERTIF_PLATFORM_SOURCES CONFIGURE_DEPENDS src/platform/*.cpp)
file(GLOB CERTIF_UI_SOURCES CONFIGURE_DEPENDS src/ui/*.cpp)
add_executable(certif_web ${CERTIF_PLATFORM_SOURCES} ${CERTIF_UI_SOURCES}
  "${CMAKE_BINARY_DIR}/generated/embedded_fonts.cpp")
target_link_libraries(certif_web PRIVATE certif_app imgui)
target_compile_options(certif_web PRIVATE ${CERTIF_WARNINGS} -Wno-sign-conversion)
# The browser half of src/platform: one JavaScript library per C++ file (same base name), linked into certif.js.
file(GLOB CERTIF_PLATFORM_JS CONFIGURE_DEPENDS shell/platform/*.js)
set(_js_libraries "")
foreach(js IN LISTS CERTIF_PLATFORM_JS)
  list(APPEND _js_libraries "SHELL:--js-library ${js}")
endforeach()
set_target_properties(certif_web PROPERTIES
  OUTPUT_NAME certif SUFFIX ".js"
  RUNTIME_OUTPUT_DIRECTORY "${CERTIF_SITE_DIR}"
  LINK_DEPENDS "${CERTIF_PLATFORM_JS}")
target_link_options(certif_web PRIVATE
  "SHELL:-s ENVIRONMENT=web"
  "SHELL:-s MIN_WEBGL_VERSION=2" "SHELL:-s MAX_WEBGL_VERSION=2"
  "SHELL:-s ALLOW_MEMORY_GROWTH=1" "SHELL:-s INITIAL_MEMORY=16MB" "SHELL:-s MAXIMUM_MEMORY=1GB"
  # Grow in steps of at most 16 MB: the heap then follows what is used instead of overshooting by up to
  # 96 MB (the default), which matters when a 130 MB bundle is imported.
  "SHELL:-s MEMORY_GROWTH_GEOMETRIC_CAP=16MB"
  "SHELL:-s DYNAMIC_EXECUTION=0"
  # No file system (nothing here opens files: bytes come from the page) and no automatic WebGL
  # extensions: setting them up cost ~40 ms of every start-up.
  "SHELL:-s FILESYSTEM=0" "SHELL:-s GL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0"
  "SHELL:-s EXPORTED_FUNCTIONS=_main,_malloc,_free"
  "SHELL:-s EXPORTED_RUNTIME_METHODS=UTF8ToString,stringToUTF8,lengthBytesUTF8"
  "SHELL:-s TOTAL_STACK=1MB"
  ${_js_libraries})
if(CMAKE_BUILD_TYPE STREQUAL "Release")
  target_compile_options(certif_web PRIVATE -Oz)
  target_compile_options(imgui PRIVATE -Oz)
  # Core and app keep -O3: compiling them for size (-Oz or -Os, even with the hot files kept at -O3)
  # saved 75 KB of brotli but made a 133 MB bundle's import 1.5x slower (6–7 s instead of 4–5 s), which
  # a coach importing a cohort feels more than a one-time download the service worker then caches.
  target_link_options(certif_web PRIVATE -Oz)
endif()

# Static files next to the build output: shell (HTML + JS glue), styles, assets, licences and notices.
file(GLOB CERTIF_SHELL_FILES CONFIGURE_DEPENDS shell/*.html shell/*.js)
file(GLOB_RECURSE CERTIF_WEB_FILES CONFIGURE_DEPENDS web/*)
add_custom_command(
  OUTPUT "${CERTIF_SITE_DIR}/.static-stamp"
  COMMAND ${CMAKE_COMMAND} "-DSOURCE_DIR=${CMAKE_SOURCE_DIR}" "-DSITE_DIR=${CERTIF_SITE_DIR}"
          "-DIMGUI_DIR=${CERTIF_IMGUI_DIR}" "-DFONT_DIR=${_font_out}" -P "${CMAKE_SOURCE_DIR}/cmake/site.cmake"
  COMMAND ${CMAKE_COMMAND} -E touch "${CERTIF_SITE_DIR}/.static-stamp"
  DEPENDS ${CERTIF_SHELL_FILES} ${CERTIF_WEB_FILES} "${CMAKE_SOURCE_DIR}/cmake/site.cmake" "${CMAKE_SOURCE_DIR}/LICENSE"
          "${_font_out}/inter-regular.ttf"
  COMMENT "Copying static files and notices into the site folder"
  VERBATIM)
# PNG icons for the web app manifest, drawn from the SVG one (node, which Emscripten needs anyway).
find_program(CERTIF_NODE NAMES node nodejs REQUIRED)
add_custom_command(
  OUTPUT "${CERTIF_SITE_DIR}/icon-192.png" "${CERTIF_SITE_DIR}/icon-512.png"
  COMMAND "${CERTIF_NODE}" "${CMAKE_SOURCE_DIR}/cmake/icon.mjs" "${CMAKE_SOURCE_DIR}/web/favicon.svg"
          "${CERTIF_SITE_DIR}" 192 512
  DEPENDS "${CMAKE_SOURCE_DIR}/web/favicon.svg" "${CMAKE_SOURCE_DIR}/cmake/icon.mjs"
  COMMENT "Drawing the PNG icons"
  VERBATIM)
add_custom_target(certif_site ALL DEPENDS "${CERTIF_SITE_DIR}/.static-stamp"
  "${CERTIF_SITE_DIR}/icon-192.png" "${CERTIF_SITE_DIR}/icon-512.png")
add_dependencies(certif_web certif_site)

# The service worker, written once the app is linked: it keeps these files for offline use, under a
# cache version that is a digest of their content (any change to one of them gives a new version).
set(CERTIF_OFFLINE_FILES index.html config.js boot.js certif.js certif.wasm style.css favicon.svg manifest.webmanifest
    verifier-une-attestation.html)
string(REPLACE ";" "|" _offline_files "${CERTIF_OFFLINE_FILES}")
add_custom_command(
  OUTPUT "${CERTIF_SITE_DIR}/sw.js"
  COMMAND ${CMAKE_COMMAND} "-DSITE_DIR=${CERTIF_SITE_DIR}" "-DTEMPLATE=${CMAKE_SOURCE_DIR}/shell/sw.js"
          "-DFILES=${_offline_files}" -P "${CMAKE_SOURCE_DIR}/cmake/offline.cmake"
  DEPENDS certif_web "${CERTIF_SITE_DIR}/.static-stamp" "${CMAKE_SOURCE_DIR}/shell/sw.js"
          "${CMAKE_SOURCE_DIR}/cmake/offline.cmake"
  COMMENT "Writing the service worker (offline cache)"
  VERBATIM)
add_custom_target(certif_offline ALL DEPENDS "${CERTIF_SITE_DIR}/sw.js")

# --- the core test suite as wasm under node -----------------------------------------------------------
enable_testing()
add_library(gtest_wasm STATIC /usr/src/googletest/googletest/src/gtest-all.cc /usr/src/googletest/googletest/src/gtest_main.cc)
target_include_directories(gtest_wasm SYSTEM PUBLIC /usr/src/googletest/googletest/include)
target_include_directories(gtest_wasm PRIVATE /usr/src/googletest/googletest)
file(GLOB CERTIF_CORE_TESTS CONFIGURE_DEPENDS tests/core/*.cpp)
add_executable(core_tests_wasm ${CERTIF_CORE_TESTS})
target_link_libraries(core_tests_wasm PRIVATE certif_core certif_zlib gtest_wasm)
target_compile_definitions(core_tests_wasm PRIVATE "CERTIF_SOURCE_DIR=\"${CMAKE_SOURCE_DIR}\"")
target_link_options(core_tests_wasm PRIVATE "SHELL:-s ENVIRONMENT=node" "SHELL:-s NODERAWFS=1"
  "SHELL:-s ALLOW_MEMORY_GROWTH=1" "SHELL:-s EXIT_RUNTIME=1" "SHELL:-s TOTAL_STACK=1MB")
add_test(NAME core_tests_wasm COMMAND core_tests_wasm)

# --- the transfer-size budget of what a browser downloads (bench/transfer-budget.json) --------------------
find_program(CERTIF_NODE node REQUIRED)
add_test(NAME budget.transfer
  COMMAND "${CERTIF_NODE}" "${CMAKE_SOURCE_DIR}/tests/budget/check.mjs" "${CERTIF_SITE_DIR}"
          "${CMAKE_SOURCE_DIR}/bench/transfer-budget.json")

# --- bench/age.sh's wasm side: sealing and opening under node with the app's memory settings (on demand) ---
add_executable(age_bench EXCLUDE_FROM_ALL "${CMAKE_SOURCE_DIR}/bench/age_bench.cpp")
target_link_libraries(age_bench PRIVATE certif_core)
target_link_options(age_bench PRIVATE "SHELL:-s ENVIRONMENT=node" "SHELL:-s NODERAWFS=1" "SHELL:-s EXIT_RUNTIME=1"
  "SHELL:-s ALLOW_MEMORY_GROWTH=1" "SHELL:-s INITIAL_MEMORY=16MB" "SHELL:-s MAXIMUM_MEMORY=1GB"
  "SHELL:-s MEMORY_GROWTH_GEOMETRIC_CAP=16MB" "SHELL:-s TOTAL_STACK=1MB")
