#!/usr/bin/env bash
# Regenerates the corpus of real files made by real software (run by hand; the outputs and expected.tsv
# are committed, so the test command needs none of these tools). Every file is written by the program
# named in expected.tsv, from content of our own; a few are then damaged the way files get damaged
# (a download cut short, bytes before a header, an archive appended).
#
# Tools (Debian packages; install them only to regenerate):
#   apt-get install --no-install-recommends libreoffice-writer-nogui libreoffice-calc-nogui \
#     libreoffice-impress-nogui libreoffice-l10n-fr python3-uno qpdf ghostscript mupdf-tools poppler-utils \
#     imagemagick optipng pngcrush apngasm libjpeg-turbo-progs libimage-exiftool-perl webp \
#     libheif-examples pandoc python3-docx python3-openpyxl zip locales
# and the fr_FR.UTF-8 locale (locale-gen). Then: tests/data/corpus/make.sh && ctest -R Corpus.
# Outputs embed dates and versions: a new run gives other bytes, the same verdicts.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/files"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
rm -rf "$out"
mkdir -p "$out"
cd "$tmp"
export HOME="$tmp/home" SOURCE_DATE_EPOCH=1764547200
# Debian's own python3 (python3-uno, python3-docx, python3-openpyxl live there), whatever is first on PATH.
py=/usr/bin/python3
mkdir -p "$HOME"

# --- our own content -----------------------------------------------------------------------------------------
cat >report.md <<'EOF'
# Compte rendu d'entretiens

Cinq entretiens avec des agents d'accueil, menés en octobre.

## Questions posées

1. Comment traitez-vous une demande aujourd'hui ?
2. Qu'est-ce qui vous fait perdre le plus de temps ?
3. Que feriez-vous si vous aviez une baguette magique ?

## Synthèse

Les agents ressaisissent les mêmes informations, dit l'un d'eux, « trois fois par dossier ».
EOF
cat >budget.csv <<'EOF'
Rôle,Consommé,Prévu,Total
Développeuse,"42 000","18 000","60 000"
Coach,"12 000","6 000","18 000"
Designer,"9 500","4 500","14 000"
EOF
cat >questions.txt <<'EOF'
Question
Comment traitez-vous une demande aujourd'hui ?
Qu'est-ce qui vous fait perdre le plus de temps ?
Que feriez-vous avec une baguette magique ?
EOF

# --- LibreOffice, in English and in French --------------------------------------------------------------------
# lo LOCALE FORMAT[:FILTER[:OPTIONS]] FILE: converts FILE in a LibreOffice profile of that locale ($INFILTER:
# how to read a CSV input).
lo() {
  local locale="$1" to="$2" file="$3"
  LANG="$locale.UTF-8" LC_ALL="$locale.UTF-8" soffice "-env:UserInstallation=file://$tmp/lo-$locale" --headless \
    ${INFILTER:+"--infilter=$INFILTER"} --convert-to "$to" --outdir "$tmp/lo" "$file" >/dev/null 2>&1
}
mkdir -p lo
pandoc report.md -o report.odt
for locale in en_US fr_FR; do
  tag=${locale%%_*}
  lo "$locale" odt report.odt && mv lo/report.odt "$out/writer-$tag.odt"
  lo "$locale" docx report.odt && mv lo/report.docx "$out/writer-$tag.docx"
  lo "$locale" pdf report.odt && mv lo/report.pdf "$out/writer-$tag.pdf"
done
lo en_US ott report.odt && mv lo/report.ott "$out/writer-template.ott"
lo en_US fodt report.odt && mv lo/report.fodt "$out/writer-flat.fodt"
lo en_US rtf report.odt && mv lo/report.rtf "$out/writer.rtf"
lo en_US doc report.odt && mv lo/report.doc "$out/writer.doc"
lo en_US "docm:MS Word 2007 XML VBA" report.odt && mv lo/report.docm "$out/writer-vba.docm"
lo en_US epub report.odt && mv lo/report.epub "$out/writer.epub"

# Calc: the table as ODS and XLSX, and the CSV exports each locale makes (French Excel's ';').
INFILTER="CSV:44,34,76,1" lo fr_FR ods budget.csv && mv lo/budget.ods "$tmp/budget.ods"
cp "$tmp/budget.ods" "$out/calc-fr.ods"
lo en_US xlsx "$tmp/budget.ods" && mv lo/budget.xlsx "$out/calc-en.xlsx"
lo en_US ots "$tmp/budget.ods" && mv lo/budget.ots "$out/calc-template.ots"
lo en_US fods "$tmp/budget.ods" && mv lo/budget.fods "$out/calc-flat.fods"
lo en_US xls "$tmp/budget.ods" && mv lo/budget.xls "$out/calc.xls"
lo en_US 'csv:Text - txt - csv (StarCalc):44,34,76,1' "$tmp/budget.ods" && mv lo/budget.csv "$out/calc-en-comma.csv"
lo fr_FR 'csv:Text - txt - csv (StarCalc):59,34,76,1' "$tmp/budget.ods" && mv lo/budget.csv "$out/calc-fr-semicolon.csv"
lo fr_FR 'csv:Text - txt - csv (StarCalc):59,34,1,1' "$tmp/budget.ods" && mv lo/budget.csv "$out/calc-fr-cp1252.csv"
lo fr_FR 'csv:Text - txt - csv (StarCalc):9,34,76,1' "$tmp/budget.ods" && mv lo/budget.csv "$out/calc-fr-tab.csv"
cp questions.txt questions.csv
INFILTER="CSV:59,34,76,1" lo fr_FR ods questions.csv && mv lo/questions.ods "$tmp/questions.ods"
lo fr_FR 'csv:Text - txt - csv (StarCalc):59,34,76,1' "$tmp/questions.ods" && mv lo/questions.csv "$out/calc-one-column.csv"
# A sheet of French sentences full of commas, exported with ';' (what the viewer must split at ';').
printf 'Étape;Ce qui a été fait\n1;"Entretiens, synthèse, puis restitution, en équipe"\n2;Prototype papier, testé, corrigé, retesté\n3;"Tests avec 8 usagers, dont 3, en mairie, à Lyon"\n' >sentences.csv
INFILTER="CSV:59,34,76,1" lo fr_FR ods sentences.csv && mv lo/sentences.ods "$tmp/sentences.ods"
lo fr_FR 'csv:Text - txt - csv (StarCalc):59,34,76,1' "$tmp/sentences.ods" && mv lo/sentences.csv "$out/calc-fr-sentences.csv"

# Impress.
printf '# Pitch\n\nUn service pour les agents d’accueil.\n\n# Impact\n\n3 fois moins de ressaisies.\n' >deck.md
pandoc deck.md -o deck.pptx
lo en_US odp deck.pptx && mv lo/deck.odp "$out/impress.odp"
lo fr_FR pptx "$out/impress.odp" && mv lo/impress.pptx "$out/impress-fr.pptx"
lo en_US pdf "$out/impress.odp" && mv lo/impress.pdf "$out/impress.pdf"

# Password-protected documents, as LibreOffice saves them (python3-uno): ODF encrypts the parts and says
# so in its manifest. (LibreOffice 7.4 does not encrypt OOXML through this API and no Debian tool writes
# Office's OLE "EncryptedPackage": tests/data/sniff/encrypted.docx, built to the specification, covers it.)
cat >protect.py <<'EOF'
import sys, uno
from com.sun.star.beans import PropertyValue
def prop(n, v):
    p = PropertyValue(); p.Name = n; p.Value = v; return p
local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
ctx = resolver.resolve("uno:socket,host=127.0.0.1,port=2002;urp;StarOffice.ComponentContext")
desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
for src, dst, filt in zip(sys.argv[1::3], sys.argv[2::3], sys.argv[3::3]):
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0, (prop("Hidden", True),))
    doc.storeToURL(uno.systemPathToFileUrl(dst), (prop("FilterName", filt), prop("Password", "secret")))
    doc.close(True)
desktop.terminate()
EOF
soffice "-env:UserInstallation=file://$tmp/lo-uno" --headless --accept="socket,host=127.0.0.1,port=2002;urp;" >/dev/null 2>&1 &
lo_pid=$!
trap 'kill "$lo_pid" 2>/dev/null || true; rm -rf "$tmp"' EXIT
for _ in $(seq 1 60); do python3 -c 'import socket; socket.create_connection(("127.0.0.1", 2002), 1)' 2>/dev/null && break; sleep 1; done
"$py" protect.py "$out/writer-en.odt" "$out/writer-password.odt" writer8 \
                   "$tmp/budget.ods" "$out/calc-password.ods" calc8
wait "$lo_pid" || true

# --- PDF tools ------------------------------------------------------------------------------------------------
src_pdf="$out/writer-en.pdf"
qpdf --linearize "$src_pdf" "$out/qpdf-linearized.pdf"
qpdf --object-streams=generate "$src_pdf" "$out/qpdf-objstreams.pdf"
qpdf --encrypt secret owner 256 -- "$src_pdf" "$out/qpdf-aes256-user.pdf"
qpdf --allow-weak-crypto --encrypt secret owner 40 -- "$src_pdf" "$out/qpdf-rc4-40-user.pdf"
qpdf --encrypt "" owner 256 --print=none -- "$src_pdf" "$out/qpdf-owner-only.pdf"
gs -q -dSAFER -dBATCH -dNOPAUSE -sDEVICE=pdfwrite -sOutputFile="$out/ghostscript.pdf" "$src_pdf"
printf '%%!PS\n/Helvetica findfont 24 scalefont setfont 72 720 moveto (Compte rendu) show showpage\n' >page.ps
cp page.ps "$out/ghostscript.ps"
gs -q -dSAFER -dBATCH -dNOPAUSE -sDEVICE=pdfwrite -sOutputFile="$out/ghostscript-from-ps.pdf" page.ps
mutool clean -gggg "$src_pdf" "$out/mupdf-clean.pdf"
mutool convert -o "$out/mupdf-convert.pdf" "$out/impress.pdf" 2>/dev/null
pdfunite "$src_pdf" "$out/impress.pdf" "$out/poppler-unite.pdf"
pdfseparate -f 1 -l 1 "$out/impress.pdf" "$out/poppler-page1.pdf"
# Damaged the ways files get damaged: cut at 60 % (a download stopped), a BOM or a newline before the
# header (readers open them), junk before it (how polyglots are made), an archive appended (zip -A).
head -c $(( $(stat -c %s "$src_pdf") * 6 / 10 )) "$src_pdf" >"$out/pdf-truncated-60.pdf"
{ printf '\xef\xbb\xbf'; cat "$src_pdf"; } >"$out/pdf-bom.pdf"
{ printf '\r\n'; cat "$src_pdf"; } >"$out/pdf-newline.pdf"
{ printf 'GARBAGE\r\n'; cat "$src_pdf"; } >"$out/pdf-junk-prefix.pdf"
(cd "$out" && zip -q "$tmp/two.zip" writer-en.odt calc-fr.ods)
cat "$src_pdf" "$tmp/two.zip" >"$tmp/appended.pdf"
zip -q -A "$tmp/appended.pdf"  # offsets adjusted: a valid ZIP and, by its first bytes, a PDF
mv "$tmp/appended.pdf" "$out/pdf-zip-appended.pdf"

# --- images ---------------------------------------------------------------------------------------------------
convert -size 400x300 gradient:'#1d4e89'-'#f2a541' -fill white -pointsize 40 -gravity center -annotate 0 'Maquette' base.png
convert base.png -strip "$out/imagemagick.png"
convert base.png -strip -quality 85 "$out/imagemagick.jpg"
convert base.png -strip "$out/imagemagick.gif"
convert base.png -strip -compress lzw "$out/imagemagick.tiff"
convert base.png -strip -resize 120x90 BMP3:"$out/imagemagick.bmp"
# Large page captures and photos: only their headers are big (flat colours compress to little).
convert -size 1280x12000 xc:'#eef' -strip "$out/imagemagick-1280x12000.png"
convert -size 9000x600 xc:'#fee' -strip -quality 50 "$out/imagemagick-9000x600.jpg"
cp base.png "$tmp/opt.png" && optipng -quiet -o2 "$tmp/opt.png" && mv "$tmp/opt.png" "$out/optipng.png"
pngcrush -q base.png "$out/pngcrush.png" >/dev/null 2>&1
convert -size 400x300 gradient:'#1d4e89'-'#f2a541' frame1.png
convert frame1.png -rotate 180 frame2b.png
apngasm "$out/apngasm-animated.png" frame1.png frame2b.png 1 2 >/dev/null
convert base.png -strip ppm:base.ppm
cjpeg -quality 85 base.ppm >"$out/cjpeg-baseline.jpg"
cjpeg -progressive base.ppm >"$out/cjpeg-progressive.jpg"
cjpeg -arithmetic base.ppm >"$out/cjpeg-arithmetic.jpg"
jpegtran -rotate 90 "$out/cjpeg-baseline.jpg" >"$out/jpegtran-rotated.jpg"
# A phone photo, as a phone stores it: a portrait scene kept in the sensor's landscape (pixels turned a
# quarter anticlockwise, perfectly: 320 and 400 are multiples of the 16-pixel blocks) with EXIF
# orientation 6, "turn it a quarter clockwise to show it" — upright only when the viewer applies it.
convert -size 320x400 gradient:'#1d4e89'-'#f2a541' -fill white -pointsize 44 -gravity center -annotate 0 'Photo' -strip ppm:portrait.ppm
cjpeg -quality 85 portrait.ppm >portrait.jpg
jpegtran -perfect -rotate 270 portrait.jpg >"$out/exiftool-orientation6.jpg"
exiftool -q -overwrite_original -Orientation=6 -n -Make=Phone -Model=Camera "$out/exiftool-orientation6.jpg"
cwebp -quiet -q 80 base.png -o "$out/cwebp-lossy.webp"
cwebp -quiet -lossless base.png -o "$out/cwebp-lossless.webp"
img2webp -quiet frame1.png frame2b.png -o "$out/img2webp-animated.webp" 2>/dev/null || img2webp frame1.png frame2b.png -o "$out/img2webp-animated.webp" >/dev/null
heif-enc -q 50 base.png -o "$out/heif-enc.heic" >/dev/null

# --- documents from libraries ---------------------------------------------------------------------------------
pandoc report.md -o "$out/pandoc.docx"
pandoc report.md -o "$out/pandoc.odt"
pandoc report.md -s -o "$out/pandoc.html"
pandoc report.md -o "$out/pandoc.epub"
"$py" - "$out" <<'EOF'
import sys, docx, openpyxl
out = sys.argv[1]
d = docx.Document()
d.add_heading("Compte rendu d'entretiens", 1)
d.add_paragraph("Questions posées : comment, pourquoi, et ensuite ?")
d.save(f"{out}/python-docx.docx")
wb = openpyxl.Workbook()
ws = wb.active
ws.append(["Rôle", "Consommé", "Prévu", "Total"])
ws.append(["Développeuse", 42000, 18000, "=B2+C2"])
wb.save(f"{out}/openpyxl.xlsx")
EOF

# --- archives -------------------------------------------------------------------------------------------------
(cd "$out" && zip -q "$tmp/plain.zip" imagemagick.png cjpeg-baseline.jpg) && mv "$tmp/plain.zip" "$out/zip-plain.zip"
(cd "$out" && zip -q -P secret "$tmp/enc.zip" imagemagick.png) && mv "$tmp/enc.zip" "$out/zip-encrypted.zip"
# An .odt with its entries encrypted by ZIP itself (Info-ZIP -P), not by LibreOffice.
mkdir -p zodt && (cd zodt && unzip -q "$out/writer-en.odt" && rm -f "$tmp/zodt.odt" &&
  zip -q -X -0 "$tmp/zodt.odt" mimetype && zip -q -X -r -P secret "$tmp/zodt.odt" . -x mimetype) && mv "$tmp/zodt.odt" "$out/zip-encrypted-entries.odt"
# A Java archive layout (a manifest and a class file's magic).
mkdir -p jar/META-INF jar/app && printf 'Manifest-Version: 1.0\nMain-Class: app.Main\n' >jar/META-INF/MANIFEST.MF &&
  printf '\xca\xfe\xba\xbe\x00\x00\x00\x34' >jar/app/Main.class && (cd jar && zip -q -r "$tmp/app.jar" META-INF app) && mv "$tmp/app.jar" "$out/zip-java.jar"

ls "$out" | wc -l
du -sh "$out"
