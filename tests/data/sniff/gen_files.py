#!/usr/bin/env python3
# Writes the hand-built samples for the sniffing tests: ZIP containers built per their specifications
# (OpenDocument, Office Open XML), compressed streams, an empty OLE2 compound file, text formats. Run by
# generate.sh; everything here is our own content (no third-party files).
import bz2
import gzip
import hashlib
import io
import lzma
import os
import struct
import sys
import zipfile
import zlib

OUT = sys.argv[1] if len(sys.argv) > 1 else "."
STAMP = (2024, 1, 1, 0, 0, 0)  # fixed timestamps: the files are reproducible


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def make_zip(entries):
    """entries: list of (name, bytes_or_str, stored?)"""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data, stored in entries:
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data.encode() if isinstance(data, str) else data)
    return buf.getvalue()


# --- OpenDocument (ODF 1.3 part 2, §3.3: "mimetype" first, stored, no extra field) -----------------
ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"')
ODF_BODIES = {
    "text": '<office:text><text:p>Dossier de certification</text:p></office:text>',
    "spreadsheet": ('<office:spreadsheet><table:table table:name="Feuille1"><table:table-row><table:table-cell '
                    'office:value-type="string"><text:p>Preuve</text:p></table:table-cell></table:table-row>'
                    '</table:table></office:spreadsheet>'),
    "presentation": '<office:presentation><draw:page draw:name="page1"/></office:presentation>',
    "graphics": '<office:drawing><draw:page draw:name="page1"/></office:drawing>',
    "text-template": '<office:text><text:p>Modèle</text:p></office:text>',
}


def odf(kind, mimetype_stored=True, mimetype_first=True, macros=False, mimetype_suffix=""):
    media = "application/vnd.oasis.opendocument." + kind
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
                'manifest:version="1.3">\n'
                f' <manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="{media}"/>\n'
                ' <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>\n'
                '</manifest:manifest>\n')
    content = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {ODF_NS} office:version="1.3">'
               f'<office:body>{ODF_BODIES[kind]}</office:body></office:document-content>\n')
    entries = [("mimetype", media + mimetype_suffix, mimetype_stored), ("content.xml", content, False),
               ("META-INF/manifest.xml", manifest, False)]
    if macros:  # what LibreOffice writes for a document-level Basic library
        entries += [
            ("Basic/script-lc.xml", '<?xml version="1.0" encoding="UTF-8"?>\n<library:libraries '
             'xmlns:library="http://openoffice.org/2000/library"><library:library library:name="Standard" '
             'library:link="false"/></library:libraries>\n', False),
            ("Basic/Standard/script-lb.xml", '<?xml version="1.0" encoding="UTF-8"?>\n<library:library '
             'xmlns:library="http://openoffice.org/2000/library" library:name="Standard"><library:element '
             'library:name="Module1"/></library:library>\n', False),
            ("Basic/Standard/Module1.xml", '<?xml version="1.0" encoding="UTF-8"?>\n<script:module '
             'xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">'
             'Sub Main\nEnd Sub\n</script:module>\n', False),
        ]
    if not mimetype_first:
        entries = entries[1:] + entries[:1]
    return make_zip(entries)


# --- Office Open XML (ECMA-376 part 2, OPC) -----------------------------------------------------------
CT_HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
           '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
           '<Default Extension="xml" ContentType="application/xml"/>')
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def rels(*targets):
    items = "".join(f'<Relationship Id="rId{i + 1}" Type="{OFFICE_REL}/{t}" Target="{p}"/>'
                    for i, (t, p) in enumerate(targets))
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{REL_NS}">{items}</Relationships>'


def ooxml(kind, macro=False, stored=False, extra=()):
    ct = CT_HEAD
    if kind == "docx":
        main_type = ("application/vnd.ms-word.document.macroEnabled.main+xml" if macro else
                     "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")
        ct += f'<Override PartName="/word/document.xml" ContentType="{main_type}"/>'
        parts = [("word/document.xml",
                  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document '
                  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
                  '<w:t>Dossier de certification</w:t></w:r></w:p></w:body></w:document>')]
        root = "word/document.xml"
        vba = "word/vbaProject.bin"
    elif kind == "xlsx":
        main_type = ("application/vnd.ms-excel.sheet.macroEnabled.main+xml" if macro else
                     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")
        ct += (f'<Override PartName="/xl/workbook.xml" ContentType="{main_type}"/>'
               '<Override PartName="/xl/worksheets/sheet1.xml" '
               'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')
        ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
        parts = [("xl/workbook.xml",
                  f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook {ns} xmlns:r="{OFFICE_REL}">'
                  '<sheets><sheet name="Feuil1" sheetId="1" r:id="rId1"/></sheets></workbook>'),
                 ("xl/_rels/workbook.xml.rels", rels(("worksheet", "worksheets/sheet1.xml"))),
                 ("xl/worksheets/sheet1.xml",
                  f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet {ns}><sheetData><row r="1">'
                  '<c r="A1" t="inlineStr"><is><t>Preuve</t></is></c></row></sheetData></worksheet>')]
        root = "xl/workbook.xml"
        vba = "xl/vbaProject.bin"
    else:
        main_type = ("application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml" if macro else
                     "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml")
        ct += (f'<Override PartName="/ppt/presentation.xml" ContentType="{main_type}"/>'
               '<Override PartName="/ppt/slides/slide1.xml" '
               'ContentType="application/vnd.openxmlformats-officedocument.presentationml.slide+xml"/>')
        ns = ('xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
              'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"')
        parts = [("ppt/presentation.xml",
                  f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<p:presentation {ns} '
                  f'xmlns:r="{OFFICE_REL}"><p:sldIdLst><p:sldId id="256" r:id="rId1"/></p:sldIdLst>'
                  '<p:sldSz cx="9144000" cy="6858000"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>'),
                 ("ppt/_rels/presentation.xml.rels", rels(("slide", "slides/slide1.xml"))),
                 ("ppt/slides/slide1.xml",
                  f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<p:sld {ns}><p:cSld><p:spTree>'
                  '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>'
                  '</p:spTree></p:cSld></p:sld>')]
        root = "ppt/presentation.xml"
        vba = "ppt/vbaProject.bin"
    for name, content_type, data in extra:
        ct += content_type
        parts.append((name, data))
    if macro:
        ct += '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
        # Not a real VBA project (that is an OLE2 file of its own): only its presence matters here.
        parts.append((vba, b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + bytes(56)))
    ct += "</Types>"
    entries = [("[Content_Types].xml", ct, stored), ("_rels/.rels", rels(("officeDocument", root)), stored)]
    entries += [(n, d, stored) for n, d in parts]
    return make_zip(entries)


def raw_zip(entries):
    """A ZIP written by hand, for deflate streams zipfile cannot make. entries: (name, data, deflated bytes or None)."""
    local, central = b"", b""
    for name, data, deflated in entries:
        method, payload = (8, deflated) if deflated is not None else (0, data)
        fields = struct.pack("<HHHHHIII", 20, 0, method, 0, 0x5821, zlib.crc32(data), len(payload), len(data))
        central += b"PK\x01\x02" + struct.pack("<H", 20) + fields + struct.pack("<HHHHHII", len(name), 0, 0, 0, 0, 0o644 << 16,
                                                                               len(local)) + name.encode()
        local += b"PK\x03\x04" + fields + struct.pack("<HH", len(name), 0) + name.encode() + payload
    end = b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, len(entries), len(entries), len(central), len(local), 0)
    return local + central + end


def deflate(data, level=9, strategy=zlib.Z_DEFAULT_STRATEGY, split=False):
    co = zlib.compressobj(level, zlib.DEFLATED, -15, 9, strategy)
    if not split:
        return co.compress(data) + co.flush()
    # Two blocks with an empty stored block between them (a sync flush), as streaming writers produce.
    half = len(data) // 2
    return co.compress(data[:half]) + co.flush(zlib.Z_SYNC_FLUSH) + co.compress(data[half:]) + co.flush()


def docx_with_deflate(**how):
    """doc.docx's parts, with [Content_Types].xml deflated as asked (the inflater's other block types)."""
    with zipfile.ZipFile(io.BytesIO(ooxml("docx"))) as z:
        parts = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    return raw_zip([(n, d, deflate(d, **how) if n == "[Content_Types].xml" else None) for n, d in parts])


# --- OLE2 / MS-CFB: a compound file (version 3) with empty streams, as legacy Office files start ------
def compound_file(streams=()):
    end, free, fat_sect, no_stream = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    header = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + bytes(16)
    header += struct.pack("<HHHHH", 0x003E, 0x0003, 0xFFFE, 9, 6) + bytes(6)
    header += struct.pack("<IIIIIIIII", 0, 1, 1, 0, 0x1000, end, 0, end, 0)
    header += struct.pack("<I", 0) + struct.pack("<I", free) * 108  # DIFAT: the FAT is sector 0
    fat = struct.pack("<II", fat_sect, end) + struct.pack("<I", free) * 126

    def entry(name, kind, right, child):
        encoded = name.encode("utf-16-le") + b"\0\0"
        e = encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)  # black node
        e += struct.pack("<III", no_stream, right, child) + bytes(16 + 4 + 16)
        return e + struct.pack("<IQ", end, 0)  # no data: empty stream

    # The root's children form a chain of right siblings (a valid, if unbalanced, all-black tree).
    directory = entry("Root Entry", 5, no_stream, 1 if streams else no_stream)
    for i, name in enumerate(streams):
        directory += entry(name, 2, i + 2 if i + 1 < len(streams) else no_stream, no_stream)
    unused = (bytes(64) + struct.pack("<HBB", 0, 0, 0) + struct.pack("<III", no_stream, no_stream, no_stream)).ljust(128, b"\0")
    directory += unused * (4 - 1 - len(streams))
    assert len(header) == 512 and len(fat) == 512 and len(directory) == 512
    return header + fat + directory


def encrypted_odt():
    """A password-protected ODT as ODF 1.3 part 2 §4 describes it: parts stored encrypted, manifest says so."""
    media = "application/vnd.oasis.opendocument.text"
    secret = hashlib.sha256(b"not really encrypted").digest() * 4  # stands for the ciphertext
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
                'manifest:version="1.3">\n'
                f' <manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="{media}"/>\n'
                ' <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml" '
                f'manifest:size="{len(secret)}">\n'
                '  <manifest:encryption-data manifest:checksum-type="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k" '
                'manifest:checksum="AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=">\n'
                '   <manifest:algorithm manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc" '
                'manifest:initialisation-vector="AAAAAAAAAAAAAAAAAAAAAA=="/>\n'
                '   <manifest:start-key-generation manifest:start-key-generation-name="http://www.w3.org/2000/09/xmldsig#sha256" '
                'manifest:key-size="32"/>\n'
                '   <manifest:key-derivation manifest:key-derivation-name="PBKDF2" manifest:key-size="32" '
                'manifest:iteration-count="100000" manifest:salt="AAAAAAAAAAAAAAAAAAAAAA=="/>\n'
                '  </manifest:encryption-data>\n </manifest:file-entry>\n</manifest:manifest>\n')
    return make_zip([("mimetype", media, True), ("content.xml", secret, True), ("META-INF/manifest.xml", manifest, False)])


def main():
    os.makedirs(OUT, exist_ok=True)
    # OpenDocument
    write("doc.odt", odf("text"))
    write("sheet.ods", odf("spreadsheet"))
    write("slides.odp", odf("presentation"))
    write("drawing.odg", odf("graphics"))
    write("template.ott", odf("text-template"))
    write("macros.odt", odf("text", macros=True))
    write("mimetype-deflated.odt", odf("text", mimetype_stored=False))
    write("mimetype-last.odt", odf("text", mimetype_first=False))
    write("mimetype-newline.ods", odf("spreadsheet", mimetype_suffix="\n"))
    # Office Open XML
    write("doc.docx", ooxml("docx"))
    write("book.xlsx", ooxml("xlsx"))
    write("slides.pptx", ooxml("pptx"))
    write("stored.docx", ooxml("docx", stored=True))
    write("deflate-fixed.docx", docx_with_deflate(strategy=zlib.Z_FIXED))
    write("deflate-stored.docx", docx_with_deflate(level=0))
    write("deflate-split.docx", docx_with_deflate(split=True))
    write("macros.docm", ooxml("docx", macro=True))
    write("macros.xlsm", ooxml("xlsx", macro=True))
    write("macros.pptm", ooxml("pptx", macro=True))
    # A .docx embedding a macro-enabled workbook: only [Content_Types].xml says so.
    write("embedded-xlsm.docx", ooxml("docx", extra=[
        ("word/embeddings/Microsoft_Excel_Macro-Enabled_Worksheet.xlsm",
         '<Default Extension="xlsm" ContentType="application/vnd.ms-excel.sheet.macroEnabled.12"/>',
         b"PK\x05\x06" + bytes(18))]))
    # Plain ZIPs
    write("plain.zip", make_zip([("lisez-moi.txt", "Pièces du dossier\n", False), ("preuve.csv", "a;b\n1;2\n", False)]))
    write("book.epub", make_zip([("mimetype", "application/epub+zip", True),
                                 ("META-INF/container.xml", '<?xml version="1.0"?><container version="1.0" '
                                  'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"/>', False)]))
    # Compressed streams (fixed mtime so gzip is reproducible)
    text = ("Nom;Prénom\n" * 20).encode()
    write("data.csv.gz", gzip.compress(text, mtime=0))
    write("data.csv.bz2", bz2.compress(text))
    write("data.csv.xz", lzma.compress(text))
    write("empty-compound.doc", compound_file())
    write("encrypted.docx", compound_file(["EncryptionInfo", "EncryptedPackage"]))
    write("encrypted.odt", encrypted_odt())
    # Text formats
    write("page.html", b"<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Dossier</title></head>"
                       b"<body><p>Bonjour</p></body></html>\n")
    write("page-bom-upper.html", b"\xEF\xBB\xBF \r\n<HTML><BODY onload=\"alert(1)\">x</BODY></HTML>\r\n")
    write("script-tag.html", b"<script>alert(document.cookie)</script>\n")
    write("comment.html", b"<!-- saved from url=(0014)about:internet -->\n<html><body>x</body></html>\n")
    write("image.svg", b'<?xml version="1.0" encoding="UTF-8"?>\n<!-- drawn by hand -->\n'
                       b'<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><script>alert(1)</script>'
                       b'<rect width="8" height="8" fill="#000091"/></svg>\n')
    write("bare.svg", b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><circle r="4"/></svg>')
    write("data.xml", b'<?xml version="1.0" encoding="UTF-8"?>\n<dossier><piece id="1">preuve</piece></dossier>\n')
    write("data.json", b'{"pieces": [{"id": 1, "nom": "preuve"}, {"id": 2, "nom": "bilan"}]}\n')
    write("script.sh", b"#!/bin/sh\necho 'bonjour'; rm -rf /tmp/x\n")
    write("script.js", b"'use strict';\nconst a = 1, b = 2;\nconsole.log(a, b);\n")
    write("script.bat", b"@echo off\r\necho bonjour, monde\r\n")
    write("script.php", b"<?php echo 'bonjour'; ?>\n")
    write("doc.rtf", b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}}\\f0 Dossier\\par}\n")
    write("doc.ps", b"%!PS-Adobe-3.0\n%%Pages: 1\n/Times findfont 12 scalefont setfont 72 720 moveto (Dossier) show\nshowpage\n")
    write("notes.txt", "Notes pour le dossier.\n\nLe candidat a présenté trois projets, dont un\n"
                       "en cours. Il faudra revoir la partie budgétaire, les indicateurs et le calendrier,\n"
                       "puis relancer l'équipe.\n\nÀ suivre.\n".encode())
    write("emails.txt", b"alice@example.org\nbob@example.org\ncarol@example.org\n")
    # CSV: what spreadsheets and scripts actually export
    write("comma.csv", b"id,name,amount\n1,Alice,12.5\n2,Bob,7\n3,\"Carol, Jr.\",0\n")
    write("excel-utf8-bom.csv", "\ufeffNom;Prénom;Montant\r\nDupré;Zoé;1,5\r\nMüller;Jürgen;2\r\n".encode())
    write("excel-fr-cp1252.csv", "Nom;Prénom;Ville;Montant\r\nLefèvre;Hélène;Orléans;12,50 €\r\n"
                                 "Garçon;François;Besançon;3,00 €\r\nŒuvre;Noël;Nîmes;7\r\n".encode("cp1252"))
    write("tabs.tsv", b"code\tlabel\tvalue\nA\tfirst\t1\nB\tsecond\t2\n")
    write("quoted-multiline.csv", b'id,comment,ok\n1,"line one\nline two, with comma",yes\n'
                                  b'2,"he said ""hi""",no\n3,"a;b\r\nc",yes\n')
    write("header-only.csv", b"nom;prenom;email")
    write("ragged.csv", b"a;b;c\n" + b"1;2;3\n" * 10 + b"4;5\n")
    # Excel's "Unicode text": UTF-16LE with a BOM, tab-separated
    write("excel-unicode.txt", "\ufeffNom\tPrénom\r\nDupré\tZoé\r\n".encode("utf-16-le"))


if __name__ == "__main__":
    main()
