#!/usr/bin/python3
# Build step: rewrites a (subset) CFF OpenType font with TrueType quadratic outlines, for the UI's atlas.
#   font_to_glyf.py IN.otf OUT.ttf
# Why: Dear ImGui rasterises with stb_truetype, which interprets a CFF glyph's charstring twice (bounds,
# then shape) and flattens cubic curves; TrueType outlines are read directly. The app builds its atlas at
# every start and at every change of scale, so this is start-up time (bench/font_atlas.sh measures it).
# Layout tables (GPOS, GSUB, GDEF) are dropped too: ImGui 1.86 neither kerns nor shapes, so they were
# bytes downloaded for nothing. Metrics, names and the character map are kept as they are.
import sys

from fontTools.pens.boundsPen import BoundsPen
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

# Largest distance allowed between a cubic curve and its quadratic replacement, in font units. Inter has
# 2816 units per em: at the largest size drawn (28 px × a device pixel ratio of 3) that is 0.03 px.
MAX_ERROR_UNITS = 1.0


def main(src: str, dst: str) -> int:
    font = TTFont(src, recalcTimestamp=False)  # the same bytes at every build
    if "CFF " not in font:
        print(f"font_to_glyf.py: {src} has no CFF outlines", file=sys.stderr)
        return 1
    order = font.getGlyphOrder()
    outlines = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(None)
        # CFF outer contours run counter-clockwise, TrueType's clockwise: reversed while converting.
        outlines[name].draw(Cu2QuPen(pen, MAX_ERROR_UNITS, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
        # A glyph that had a shape must keep one (a blank letter in the interface would go unnoticed).
        bounds = BoundsPen(outlines)
        outlines[name].draw(bounds)
        if bounds.bounds is not None and glyf.glyphs[name].numberOfContours == 0:
            print(f"font_to_glyf.py: {src}: glyph {name} lost its outline", file=sys.stderr)
            return 1
    for tag in ("CFF ", "VORG", "GPOS", "GSUB", "GDEF"):
        if tag in font:
            del font[tag]
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    font.sfntVersion = "\x00\x01\x00\x00"
    font["head"].glyphDataFormat = 0
    # maxp version 1.0 (TrueType): no hinting programs; point and contour maxima are recomputed on save.
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements", "maxComponentDepth",
                  "maxPoints", "maxContours", "maxCompositePoints", "maxCompositeContours"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    # TrueType's convention: a glyph's left side bearing equals its outline's xMin.
    hmtx = font["hmtx"]
    for name in order:
        g = glyf.glyphs[name]
        g.recalcBounds(glyf)
        advance, _ = hmtx[name]
        hmtx[name] = (advance, getattr(g, "xMin", 0))
    font.save(dst)
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print("usage: font_to_glyf.py IN.otf OUT.ttf", file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
