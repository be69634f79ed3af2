#!/usr/bin/python3
# Where certif.wasm's bytes go: code size per function, grouped by origin (nlohmann/json, ImGui, core,
# app, ui, platform, libsodium, zlib, qrcodegen, libc++, libc), raw and brotli, plus the data section.
#   wasm_sizes.py CERTIF.wasm SYMBOLS [TOP]     (bench/wasm_sizes.sh makes both; TOP largest functions)
# Names come from Emscripten's --emit-symbol-map (index:name; mangled ones demangled by c++filt); sizes from
# wasm-objdump -x (Debian's wabt). Brotli per group is of that group's function bodies put end to end.
import collections
import re
import subprocess
import sys

GROUPS = [  # first match wins, on the demangled name
    ("nlohmann/json", re.compile(r"nlohmann")),
    ("ImGui (+stb)", re.compile(r"ImGui|^Im[A-Z]|\bIm[A-Z]\w*::|stbtt|stbrp|stb_|ImStr|ImFormat|ImText|ImHash|ImTrianglesAre|ImBezier|ImFont|ImDraw|ImLine")),
    ("core", re.compile(r"\bcore::")),
    ("app", re.compile(r"\bapp::")),
    ("ui", re.compile(r"\bui::")),
    ("platform", re.compile(r"\bplatform::")),
    ("libsodium", re.compile(r"sodium|crypto_|^_?randombytes|blake2b|chacha|poly1305|salsa|argon|x25519|curve25519|ge25519|fe25519|sc25519|escrypt|scrypt")),
    ("zlib", re.compile(r"^(deflate|inflate|crc32|adler32|_tr_|zcalloc|zcfree|zmemcpy|fill_window|longest_match|updatewindow|build_tree|compress_block|send_tree|scan_tree|pqdownheap|gen_bitlen|gen_codes|init_block|flush_pending|read_buf|deflate_|inflate_|zError|compress|uncompress)")),
    ("qrcodegen", re.compile(r"qrcodegen")),
    ("libc++ (std::)", re.compile(r"\bstd::|__cxa|__cxx|operator new|operator delete|__gxx")),
]


def brotli_len(data: bytes) -> int:
    return len(subprocess.run(["brotli", "-c", "-q", "11"], input=data, capture_output=True, check=True).stdout)


def main(wasm: str, symbols: str, top: int) -> int:
    names = {}
    raw = []
    for line in open(symbols, encoding="utf-8", errors="replace"):
        idx, _, name = line.rstrip("\n").partition(":")
        if idx.isdigit():
            # The map writes characters outside [A-Za-z0-9_] as \XX (hex): "f\28int\29" is "f(int)".
            name = re.sub(r"\\([0-9a-fA-F]{2})", lambda m: chr(int(m.group(1), 16)), name)
            names[int(idx)] = name
            raw.append(name)
    demangled = subprocess.run(["c++filt"], input="\n".join(raw), capture_output=True, text=True, check=True).stdout.split("\n")
    pretty = dict(zip(raw, demangled))
    dump = subprocess.run(["wasm-objdump", "-x", "-j", "Code", wasm], capture_output=True, text=True, check=True).stdout
    body = open(wasm, "rb").read()
    hdr = subprocess.run(["wasm-objdump", "-h", wasm], capture_output=True, text=True, check=True).stdout
    sections = {m.group(1): (int(m.group(2), 16), int(m.group(3), 16))
                for m in re.finditer(r"^\s*(\w+) start=0x([0-9a-f]+) end=0x([0-9a-f]+)", hdr, re.M)}
    funcs = [(int(m.group(1)), int(m.group(2))) for m in re.finditer(r"- func\[(\d+)\] size=(\d+)", dump)]
    # Bodies lie end to end in the Code section, each after its LEB128 size: rebuild their offsets.
    pos = sections["Code"][0]
    count, pos = leb(body, pos)
    groups = collections.defaultdict(lambda: [0, 0, bytearray()])
    rows = []
    for index, size in funcs:
        s, pos = leb(body, pos)
        assert s == size, (index, s, size)
        chunk = body[pos:pos + size]
        pos += size
        name = pretty.get(names.get(index, ""), names.get(index, f"func[{index}]"))
        group = next((g for g, rx in GROUPS if rx.search(name)), "libc / other")
        g = groups[group]
        g[0] += 1
        g[1] += size
        g[2] += chunk
        rows.append((size, group, name))
    total_code = sum(g[1] for g in groups.values())
    print(f"{wasm}: {len(body)} bytes, brotli {brotli_len(body)}; code {total_code} bytes in {len(funcs)} functions")
    for sec in ("Code", "Data"):
        a, b = sections[sec]
        print(f"  section {sec:5} {b - a:8d} bytes, brotli {brotli_len(body[a:b]):7d}")
    print(f"\n{'group':18} {'functions':>9} {'bytes':>9} {'share':>6} {'brotli':>8}")
    for group, (n, size, chunk) in sorted(groups.items(), key=lambda kv: -kv[1][1]):
        print(f"{group:18} {n:9d} {size:9d} {100 * size / total_code:5.1f}% {brotli_len(bytes(chunk)):8d}")
    print(f"\nlargest {top} functions:")
    for size, group, name in sorted(rows, reverse=True)[:top]:
        print(f"{size:8d}  {group:16} {name[:150]}")
    return 0


def leb(b: bytes, pos: int):
    result = shift = 0
    while True:
        byte = b[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return result, pos


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        print("usage: wasm_sizes.py CERTIF.wasm SYMBOLS [TOP]", file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) == 4 else 40))
