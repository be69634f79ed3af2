#!/usr/bin/env bash
# Installs whatever the build, the server and the tests need, from Debian and npm only; idempotent and
# quiet when everything is already present. Called by ./serve.sh and scripts/test.sh.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="${CERTIF_CACHE:-$root/.cache}"          # ignored by git; never committed
imgui_version="1.86"
sodium_version="1.0.18"
zlib_version="1.2.13"
log() { printf 'setup: %s\n' "$*" >&2; }

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi

# --- Debian packages ----------------------------------------------------------------------------
debs=(
  cmake make g++ clang libclang-rt-14-dev   # native build, libFuzzer + sanitizers
  emscripten                                # em++ 3.1.6 (clang-14)
  nlohmann-json3-dev libgtest-dev zlib1g-dev
  unicode-data                              # UnicodeData.txt, CaseFolding.txt: file-name comparison tables
  libsodium-dev                             # crypto for the native build (age sealing)
  age golang-filippo-age-dev                # Debian's age: interop tests; its example file as a known answer
  libssl-dev libqrcodegen-dev libzbar-dev   # credentials: RSA signatures (CLI), QR encoding and reading
  libstb-dev                                # the CLI reads a QR code from a PNG/JPEG picture (stb_image)
  zbar-tools libxml2-utils python3-jwcrypto # tests: zbarimg, xmllint --schema, an independent JWT check
  wabt                                      # bench: wasm-objdump, per-function sizes of certif.wasm
  patch                                     # Debian's patches on the sources built for wasm
  fonts-inter fonttools                     # UI font and pyftsubset
  chromium                                  # browser tests
  nodejs python3 brotli ca-certificates
  locales                                   # fr_FR.UTF-8 for the test that numbers ignore the C locale
)
missing=()
for p in "${debs[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
# node/npm may come from another vendor (NodeSource): accept any working node >= 18 and npm.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}")
else
  missing+=(npm)
fi
apt_updated=0
apt_update_once() {
  if [ "$apt_updated" -eq 0 ]; then
    log "apt-get update"
    "${sudo_cmd[@]}" apt-get update -qq >/dev/null
    apt_updated=1
  fi
}
want=()
for p in "${missing[@]}"; do [ -n "$p" ] && want+=("$p"); done
if [ "${#want[@]}" -gt 0 ]; then
  apt_update_once
  log "installing ${want[*]}"
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
    "${want[@]}" >/dev/null
fi

# --- a locale with a decimal comma: JsonStrict.ReadsNumbersWhateverTheLocale runs under it ------------
if ! locale -a 2>/dev/null | grep -qiE '^fr_FR\.utf-?8$'; then
  log "generating the fr_FR.UTF-8 locale"
  "${sudo_cmd[@]}" localedef -i fr_FR -f UTF-8 fr_FR.UTF-8
fi

# --- third-party sources from Debian's source packages (built for wasm by our CMake) ---------------
# Each is unpacked into $cache/<dir> (never committed). Only the upstream ("orig") tarball is used: a
# mirror may lack a version's Debian patch tarball, so every version apt knows is tried in turn.
ensure_deb_src() {
  if grep -rqsE '^(Types:.*deb-src|deb-src )' /etc/apt/sources.list /etc/apt/sources.list.d/; then return; fi
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    # Derive the deb-src entry from the machine's own deb entry: no host is named here.
    sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources |
      "${sudo_cmd[@]}" tee /etc/apt/sources.list.d/certif-debian-src.sources >/dev/null
  elif [ -f /etc/apt/sources.list ]; then
    sed -n 's/^deb \(.*\)$/deb-src \1/p' /etc/apt/sources.list |
      "${sudo_cmd[@]}" tee /etc/apt/sources.list.d/certif-debian-src.list >/dev/null
  else
    log "no Debian apt source found to derive a deb-src entry from"; exit 1
  fi
  apt_updated=0
}

# fetch_source SOURCE_PACKAGE ORIG_PREFIX DIR MARKER [patched]: unpacks SOURCE_PACKAGE's orig tarball
# (named ORIG_PREFIX*.orig.tar.*) into $cache/DIR unless $cache/DIR/MARKER already exists. With
# "patched", Debian's own patches (debian/patches/series of the same version: security fixes) are
# applied too, so a version is only taken when its Debian tarball is there as well.
fetch_source() {
  local pkg="$1" prefix="$2" dir="$cache/$3" marker="$4" patched="${5:-}"
  if [ -f "$dir/$marker" ] && { [ -z "$patched" ] || [ -f "$dir/.debian-patched" ]; }; then return 0; fi
  ensure_deb_src
  apt_update_once
  mkdir -p "$cache/dl"
  log "fetching $pkg sources (Debian source package)"
  local tarball="" debian="" v
  for v in "" $(apt-cache showsrc "$pkg" 2>/dev/null | awk '/^Version:/ {print $2}'); do
    (cd "$cache/dl" && apt-get source --download-only -qq "$pkg${v:+=$v}" >/dev/null 2>&1) || true
    tarball=$(ls "$cache/dl/${prefix}"*.orig.tar.* 2>/dev/null | head -n 1 || true)  # none yet: try the next version
    if [ -n "$patched" ]; then
      debian=$( (ls "$cache/dl/${pkg}_${v}"*.debian.tar.* 2>/dev/null || true) | sort -V | tail -n 1)
      [ -n "$tarball" ] && [ -n "$debian" ] && break
    else
      [ -n "$tarball" ] && break
    fi
  done
  if [ -z "$tarball" ]; then log "no orig tarball of $pkg (${prefix}*) found in Debian"; exit 1; fi
  if [ -n "$patched" ] && [ -z "$debian" ]; then log "no Debian tarball (patches) of $pkg found"; exit 1; fi
  rm -rf "$dir.tmp" && mkdir -p "$dir.tmp"
  tar -xf "$tarball" -C "$dir.tmp" --strip-components=1
  if [ ! -f "$dir.tmp/$marker" ]; then log "$tarball has no $marker"; exit 1; fi
  if [ -n "$patched" ]; then
    tar -xf "$debian" -C "$dir.tmp"
    local p
    if [ -f "$dir.tmp/debian/patches/series" ]; then
      while read -r p; do
        case "$p" in ''|'#'*) continue ;; esac
        patch -s -p1 -d "$dir.tmp" < "$dir.tmp/debian/patches/$p" || { log "$pkg: Debian patch $p does not apply"; exit 1; }
      done < "$dir.tmp/debian/patches/series"
    fi
    basename "$debian" > "$dir.tmp/.debian-patched"
  fi
  rm -rf "$dir" && mv "$dir.tmp" "$dir"
}

fetch_source imgui "imgui_${imgui_version}" "imgui-$imgui_version" imgui.cpp
# libsodium for the wasm build, with Debian's security patches (cmake/sodium.cmake compiles it; natively
# Debian's libsodium-dev is used).
fetch_source libsodium "libsodium_${sodium_version}" "libsodium-$sodium_version" src/libsodium/include/sodium.h patched

# QR codes for the wasm build (cmake/qr.cmake compiles them; natively Debian's libqrcodegen-dev and
# libzbar-dev are used): Nayuki's encoder, and zbar's QR reader with Debian's security patches.
fetch_source qr-code-generator "qr-code-generator_" qr-code-generator c/qrcodegen.c
fetch_source zbar "zbar_" zbar zbar/qrcode/qrdec.c patched

# zlib for the browser build (natively, zlib1g-dev): inflating ZIP entries when sniffing attachments.
fetch_source zlib "zlib_${zlib_version}" "zlib-$zlib_version" inflate.c

# --- npm packages (playwright-core etc., pinned by package-lock.json) -------------------------------
# A node_modules that is a symbolic link belongs to the tree it points to: `npm ci` would empty that
# tree's folder and put a real one here, so it is left alone (only installed when missing).
if [ -L "$root/node_modules" ] && [ -f "$root/node_modules/.package-lock.json" ]; then
  :
elif [ ! -f "$root/node_modules/.package-lock.json" ] ||
   [ "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]; then
  log "npm ci"
  (cd "$root" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
exit 0
