#!/usr/bin/env bash
# Time to build the UI's font atlas (its 5 sizes of Inter) natively, from the fonts as the app embedded
# them before (CFF outlines, subset with kerning) and as it embeds them now (TrueType outlines, no layout
# tables, cmake/font_to_glyf.py), side by side, with their sizes raw and brotli (run on demand):
#   bench/font_atlas.sh [RUNS]        (default 15 runs a scale, scales 1 and 2)
# Built in $TMPDIR with g++ against the ImGui sources in .cache/imgui-1.86 and src/ui/theme.cpp.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs=${1:-15}
imgui=$root/.cache/imgui-1.86
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unicodes=$(sed -n 's/^set(CERTIF_FONT_UNICODES "\([^"]*\)".*/\1/p' "$root/cmake/web.cmake")
for w in Regular SemiBold; do
  src=/usr/share/fonts/opentype/inter/Inter-$w.otf
  pyftsubset "$src" "--unicodes=$unicodes" --layout-features=kern --no-hinting --desubroutinize --output-file="$work/cff-$w.otf"
  pyftsubset "$src" "--unicodes=$unicodes" --layout-features= --no-hinting --desubroutinize --output-file="$work/sub-$w.otf"
  /usr/bin/python3 "$root/cmake/font_to_glyf.py" "$work/sub-$w.otf" "$work/glyf-$w.ttf"
done
for f in "$work"/cff-*.otf "$work"/glyf-*.ttf; do
  printf '%-16s %6d bytes, brotli %6d\n' "$(basename "$f")" "$(wc -c <"$f")" "$(brotli -c -q 11 "$f" | wc -c)"
done
g++ -O2 -std=c++17 -DIMGUI_USE_WCHAR32 -DIMGUI_DISABLE_DEMO_WINDOWS -I"$imgui" -I"$root/src" \
  "$root/bench/font_atlas.cpp" "$root/src/ui/theme.cpp" "$imgui/imgui.cpp" "$imgui/imgui_draw.cpp" \
  "$imgui/imgui_tables.cpp" "$imgui/imgui_widgets.cpp" -o "$work/font_atlas"
for scale in 1 2; do
  "$work/font_atlas" "$scale" "$runs" "$work/cff-Regular.otf" "$work/cff-SemiBold.otf" \
    "$work/glyf-Regular.ttf" "$work/glyf-SemiBold.ttf" | sed "s|$work/||g"
done
