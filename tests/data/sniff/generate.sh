#!/usr/bin/env bash
# Regenerates the sniffing samples in this directory with real tools (run by hand; the outputs are
# committed). Needs python3, node + playwright-core (repo node_modules) + /usr/bin/chromium, ImageMagick
# with HEIC/AVIF (apt-get install imagemagick libheif1), gcc, clang + lld + llvm-lipo; LibreOffice is
# optional (apt-get install --no-install-recommends libreoffice-writer libreoffice-calc): without it the
# libreoffice.* files are kept as they are. Byte-for-byte reproducible except for the Chromium, ImageMagick
# and LibreOffice outputs, which embed dates or versions.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# Containers, compressed streams, OLE2, text formats.
python3 gen_files.py "$here"

# PDF, PNG, JPEG, WebP (VP8X), MP4 and WebM from Chromium.
node gen_browser.mjs "$here"

# Other image formats from the PNG Chromium made; ImageMagick's WebP writer gives the simple VP8 and VP8L forms.
convert canvas.png -strip image.gif
convert canvas.png -strip -compress lzw image.tiff
convert canvas.png -strip BMP3:image.bmp
convert canvas.png -strip photo.heic
convert canvas.png -strip image.avif
convert canvas.png -strip -quality 80 image-lossy.webp
convert canvas.png -strip -define webp:lossless=true image-lossless.webp

# Executables: a do-nothing program linked for Linux (ELF), Windows (PE) and macOS (Mach-O objects).
printf 'int start(void) { return 0; }\n' > "$tmp/tiny.c"
gcc -Os -nostdlib -static -s -Wl,-e,start -Wl,--build-id=none -Wl,-N -Wl,-z,norelro -o program.elf "$tmp/tiny.c" 2>/dev/null
clang --target=x86_64-pc-windows-msvc -Os -c "$tmp/tiny.c" -o "$tmp/tiny.obj"
lld-link /entry:start /subsystem:console /nodefaultlib /out:program.exe "$tmp/tiny.obj"
clang --target=arm64-apple-macos11 -Os -c "$tmp/tiny.c" -o object-arm64.macho
clang --target=x86_64-apple-macos11 -Os -c "$tmp/tiny.c" -o "$tmp/tiny-x86_64.o"
llvm-lipo-14 -create object-arm64.macho "$tmp/tiny-x86_64.o" -segalign arm64 8 -segalign x86_64 8 -output universal.macho

# Real LibreOffice exports of the hand-built documents (optional).
if command -v soffice >/dev/null; then
  export HOME="$tmp/home"
  lo() { soffice --headless --convert-to "$1" --outdir "$tmp/lo" "$2" >/dev/null 2>&1; }
  lo docx doc.odt; lo docm doc.odt; lo xlsx sheet.ods; lo xls sheet.ods
  lo odt "$tmp/lo/doc.docx"
  mv "$tmp/lo/doc.docx" libreoffice.docx
  mv "$tmp/lo/doc.docm" libreoffice.docm   # no macros, but Office's "macroEnabled" content type
  mv "$tmp/lo/sheet.xlsx" libreoffice.xlsx
  mv "$tmp/lo/sheet.xls" libreoffice.xls
  mv "$tmp/lo/doc.odt" libreoffice.odt
else
  echo "soffice not found: libreoffice.* left unchanged" >&2
fi
du -cb "$here" | tail -1
