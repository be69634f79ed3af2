#!/usr/bin/env bash
# Installs whatever the build, the server and the tests need, from Debian and npm only; idempotent and
# quiet when everything is already present. Called by ./serve.sh and scripts/test.sh.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="${CERTIF_CACHE:-$root/.cache}"          # ignored by git; never committed
imgui_version="1.86"
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
  fonts-inter fonttools                     # UI font and pyftsubset
  chromium                                  # browser tests
  nodejs python3 brotli ca-certificates
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

# fetch_source SOURCE_PACKAGE ORIG_PREFIX DIR MARKER: unpacks SOURCE_PACKAGE's orig tarball (named
# ORIG_PREFIX*.orig.tar.*) into $cache/DIR unless $cache/DIR/MARKER already exists.
fetch_source() {
  local pkg="$1" prefix="$2" dir="$cache/$3" marker="$4"
  [ -f "$dir/$marker" ] && return 0
  ensure_deb_src
  apt_update_once
  mkdir -p "$cache/dl"
  log "fetching $pkg sources (Debian source package)"
  local tarball="" v
  for v in "" $(apt-cache showsrc "$pkg" 2>/dev/null | awk '/^Version:/ {print $2}'); do
    (cd "$cache/dl" && apt-get source --download-only -qq "$pkg${v:+=$v}" >/dev/null 2>&1) || true
    tarball=$(ls "$cache/dl/${prefix}"*.orig.tar.* 2>/dev/null | head -n 1 || true)  # none yet: try the next version
    [ -n "$tarball" ] && break
  done
  if [ -z "$tarball" ]; then log "no orig tarball of $pkg (${prefix}*) found in Debian"; exit 1; fi
  rm -rf "$dir.tmp" && mkdir -p "$dir.tmp"
  tar -xf "$tarball" -C "$dir.tmp" --strip-components=1
  if [ ! -f "$dir.tmp/$marker" ]; then log "$tarball has no $marker"; exit 1; fi
  rm -rf "$dir" && mv "$dir.tmp" "$dir"
}

fetch_source imgui "imgui_${imgui_version}" "imgui-$imgui_version" imgui.cpp
# zlib for the browser build (natively, zlib1g-dev): inflating ZIP entries when sniffing attachments.
fetch_source zlib "zlib_${zlib_version}" "zlib-$zlib_version" inflate.c

# --- npm packages (playwright-core etc., pinned by package-lock.json) -------------------------------
if [ ! -f "$root/node_modules/.package-lock.json" ] ||
   [ "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]; then
  log "npm ci"
  (cd "$root" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
exit 0
