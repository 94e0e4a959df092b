#!/usr/bin/env bash
# Builds hevc-decoder.wasm: libde265 (HEVC decoding, LGPL-3.0-or-later) from Debian bookworm's
# source package, with the security fixes Debian applies, plus hevc_decoder.cc, for wasm32-wasi.
# Usage: heif-decoder/wasm/build.sh [OUTPUT_DIR]   (default heif-decoder/target/wasm)
# Needs the Debian packages that .ci/apt-packages lists for it; does not touch
# the machine's apt configuration (the source package is fetched with a private sources list).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$(mkdir -p "${1:-$here/../target/wasm}" && cd "${1:-$here/../target/wasm}" && pwd)
work="$out/../wasm-build"
module="$out/hevc-decoder.wasm"
version=1.0.11-1+deb12u2

if [ -f "$module" ] && [ -z "$(find "$here" -type f -newer "$module" -print -quit)" ]; then
  echo "hevc-decoder.wasm is up to date"
  exit 0
fi

packages=(dpkg-dev clang-16 lld-16 wasi-libc libclang-rt-16-dev-wasm32 libc++-16-dev-wasm32 libc++abi-16-dev-wasm32)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Building the HEVC decoder needs: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi

source_dir="$work/libde265-$version"
if [ ! -f "$source_dir/libde265/de265.cc" ]; then
  echo "fetching the libde265 $version source package from Debian"
  rm -rf "$work" && mkdir -p "$work/apt/lists/partial" "$work/apt/cache/archives/partial"
  cat > "$work/apt/sources.list" <<LIST
deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bookworm main
deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian-security bookworm-security main
LIST
  apt_options=(-o "Dir::Etc::SourceList=$work/apt/sources.list" -o Dir::Etc::SourceParts=/dev/null
    -o "Dir::State::Lists=$work/apt/lists" -o "Dir::Cache=$work/apt/cache" -o APT::Sandbox::User=root)
  apt-get "${apt_options[@]}" -qq update
  # apt checks the source package's checksums against the signed release files it just fetched.
  (cd "$work" && apt-get "${apt_options[@]}" -qq source --download-only "libde265=$version") \
    || { echo "Debian no longer serves libde265 $version; update the version in $0" >&2; exit 1; }
  dpkg-source -q -x "$work"/libde265_*.dsc "$source_dir" >/dev/null
fi

# The decoder proper: no encoder, no x86/ARM SIMD (WebAssembly has neither), no file I/O helpers.
sources=(alloc_pool bitstream cabac configparam contextmodel de265 deblock decctx dpb fallback
  fallback-dct fallback-motion image intrapred md5 motion nal nal-parser pps quality refpic sao scan
  sei slice sps threads transform util visualize vps vui)
flags=(--target=wasm32-wasi --sysroot=/usr -O2 -fno-exceptions -DNDEBUG -D_WASI_EMULATED_SIGNAL
  -DHAVE_STDINT_H -DHAVE_STDBOOL_H -DHAVE_MALLOC_H -DHAVE_POSIX_MEMALIGN
  -I"$here/wasi-compat" -isystem /usr/include/wasm32-wasi/c++/v1 -I"$source_dir" -I"$source_dir/libde265")
mkdir -p "$work/obj"
echo "compiling ${#sources[@]} libde265 files and the wrapper for wasm32-wasi"
objects=()
for name in "${sources[@]}"; do
  prelude=()
  [ "$name" = de265 ] && prelude=(-include "$here/wasi-compat/single-thread-mutex.h")
  clang++-16 "${flags[@]}" ${prelude[@]+"${prelude[@]}"} -std=c++11 -Wno-everything -c "$source_dir/libde265/$name.cc" \
    -o "$work/obj/$name.o"
  objects+=("$work/obj/$name.o")
done
clang++-16 "${flags[@]}" -std=c++11 -Wall -c "$here/hevc_decoder.cc" -o "$work/obj/hevc_decoder.o"
# A reactor: no main, initialised once, then called through its exports.
clang++-16 "${flags[@]}" -mexec-model=reactor -fuse-ld=lld -Wl,--strip-all -Wl,-z,stack-size=1048576 \
  -o "$module" "$work/obj/hevc_decoder.o" "${objects[@]}" -lwasi-emulated-signal
echo "wrote $module ($(( $(stat -c %s "$module") / 1024 )) KB)"
