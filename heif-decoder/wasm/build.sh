#!/usr/bin/env bash
# Builds hevc-decoder.wasm, a wasm32-wasi reactor module: the HEVC decoder of Debian bookworm's
# libde265 source package (LGPL-3.0-or-later, with the fixes Debian applies) and our wrapper
# hevc_decoder.cc, with the single-threaded stand-ins in wasi-compat/. See README.md.
#
# Usage: heif-decoder/wasm/build.sh [OUTPUT_DIR]    (default: heif-decoder/target/wasm)
# Writes OUTPUT_DIR/hevc-decoder.wasm; the source package is fetched and compiled in
# OUTPUT_DIR/../wasm-build. Needs the network for the first fetch only, and never changes the
# machine's apt configuration: the source comes through a private sources list and apt state.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/../target/wasm}
mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(dirname "$out")/wasm-build
module=$out/hevc-decoder.wasm
# The exact Debian version, so that every build compiles the same source. Debian drops a version
# from its mirror once a newer one replaces it; the error message below then lists what it has.
# (This one is bookworm's point release version; bookworm-security's newer 1.0.11-1+deb12u4 is
# listed too, but the mirror this project reaches does not serve that suite's source files.)
version=1.0.11-1+deb12u2
upstream=${version%%-*}

fail() { echo "build.sh: $*" >&2; exit 1; }

inputs=("$here/build.sh" "$here/hevc_decoder.cc" "$here"/wasi-compat/*.h)
up_to_date() {
  [ -f "$module" ] || return 1
  local input
  for input in "${inputs[@]}"; do
    [ "$input" -nt "$module" ] && return 1
  done
  return 0
}
if up_to_date; then
  echo "hevc-decoder.wasm is up to date ($module)"
  exit 0
fi

# Two builds at once (parallel Maven modules, two terminals) would share the work dir.
mkdir -p "$work"
exec 9>"$work/.lock"
flock 9
if up_to_date; then
  echo "hevc-decoder.wasm is up to date ($module)"
  exit 0
fi

packages=(dpkg-dev clang-16 lld-16 wasi-libc libclang-rt-16-dev-wasm32 libc++-16-dev-wasm32 libc++abi-16-dev-wasm32)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] || fail "the HEVC decoder's toolchain is missing; install it with:
  apt-get install -y ${missing[*]}"

source_dir=$work/libde265-$version
if [ ! -f "$source_dir/.complete" ]; then
  echo "fetching libde265 $upstream source (Debian $version)"
  rm -rf "$work/apt" "$source_dir" "$source_dir.partial" "$work"/libde265_*
  mkdir -p "$work/apt/lists/partial" "$work/apt/cache/archives/partial"
  # The point release suite and the security suite: a version lives in one of them.
  cat > "$work/apt/sources.list" <<LIST
deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bookworm main
deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian-security bookworm-security main
LIST
  apt_options=(-o "Dir::Etc::SourceList=$work/apt/sources.list" -o Dir::Etc::SourceParts=/dev/null
    -o "Dir::State::Lists=$work/apt/lists" -o "Dir::Cache=$work/apt/cache"
    -o Dir::Etc::Preferences=/dev/null -o Dir::Etc::PreferencesParts=/dev/null
    -o APT::Sandbox::User=root)
  apt-get "${apt_options[@]}" -qq update \
    || fail "could not read Debian's source package index (network, or the Debian archive keyring in /usr/share/keyrings)"
  # apt checks the files against the checksums in the signed index it has just read.
  if ! (cd "$work" && apt-get "${apt_options[@]}" -qq source --download-only "libde265=$version"); then
    served=$(apt-cache "${apt_options[@]}" showsrc libde265 2>/dev/null | sed -n 's/^Version: //p' | sort -u | paste -sd' ')
    case " $served " in
      *" $version "*) fail "Debian's index lists the libde265 source $version, but its files could not be downloaded (see apt's message above)" ;;
      *) fail "Debian does not serve the libde265 source version $version (it lists: ${served:-none}).
  Set version= in $here/build.sh to one of those, then rebuild and re-test." ;;
    esac
  fi
  # Signature and checksums were checked by apt above; dpkg-source would only repeat the latter and
  # complain that no Debian developer keyring is installed for the former.
  dpkg-source --no-check -x "$work/libde265_$version.dsc" "$source_dir.partial" >/dev/null \
    || fail "could not unpack $work/libde265_$version.dsc"
  mv "$source_dir.partial" "$source_dir"
  touch "$source_dir/.complete"
fi

# The decoder: upstream's library sources less the encoder, the x86 and ARM SIMD code (not for
# WebAssembly) and image-io.cc (file helpers the decoder does not use).
sources=(alloc_pool bitstream cabac configparam contextmodel de265 deblock decctx dpb fallback
  fallback-dct fallback-motion image intrapred md5 motion nal nal-parser pps quality refpic sao scan
  sei slice sps threads transform util visualize vps vui)
# Asserts stay on, as in Debian's own build: an inconsistent state stops the module (a trap the
# host sees) instead of decoding on into memory that later calls would reuse.
flags=(--target=wasm32-wasi --sysroot=/usr -O2 -std=c++11 -fno-exceptions -D_WASI_EMULATED_SIGNAL
  -DHAVE_STDINT_H -DHAVE_STDBOOL_H -DHAVE_MALLOC_H -DHAVE_POSIX_MEMALIGN
  -include "$here/wasi-compat/single-thread-mutex.h" -I"$here/wasi-compat"
  -isystem /usr/include/wasm32-wasi/c++/v1
  # The assert messages name source files: the same names wherever the build runs, so that the
  # same inputs give the same module, byte for byte.
  -ffile-prefix-map="$source_dir"=libde265-$version -ffile-prefix-map="$here"=wasm)
objects=$work/obj
rm -rf "$objects" && mkdir -p "$objects"
jobs=$(nproc 2>/dev/null || echo 2)
echo "compiling $(( ${#sources[@]} + 1 )) files for wasm32-wasi ($jobs at a time)"
printf '%s\n' "${sources[@]}" | xargs -P "$jobs" -I{} \
  clang++-16 "${flags[@]}" -I"$source_dir" -I"$source_dir/libde265" -Wno-everything \
    -c "$source_dir/libde265/{}.cc" -o "$objects/{}.o" \
  || fail "compiling libde265 failed"
# libde265's headers as system headers: the warnings asked for are about our own code.
clang++-16 "${flags[@]}" -isystem "$source_dir" -isystem "$source_dir/libde265" -Wall -Wextra \
  -c "$here/hevc_decoder.cc" -o "$objects/hevc_decoder.o" \
  || fail "compiling hevc_decoder.cc failed"

# A reactor: no main; the host calls _initialize once, then the exports.
clang++-16 "${flags[@]}" -mexec-model=reactor -fuse-ld=lld -Wl,--strip-all -Wl,-z,stack-size=1048576 \
  -o "$module.partial" "$objects"/*.o -lwasi-emulated-signal \
  || fail "linking hevc-decoder.wasm failed"
mv "$module.partial" "$module"
echo "wrote $module ($(( $(stat -c %s "$module") / 1024 )) KB)"
