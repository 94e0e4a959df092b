#!/usr/bin/env bash
# Album ZIP benchmark on the local stack: an album of PHOTOS files of MB megabytes each (default
# 2000 of 5: 10 GB; it needs twice that free on disk), zipped in a JVM with the function's 1,024 MB
# heap, against reading every file once. Prints the time, its ratio to the peer, and the peak heap.
# Usage: bench/zip-benchmark.sh [PHOTOS] [MB]
set -euo pipefail
cd "$(dirname "$0")/../.."
export BENCHMARK_PHOTOS="${1:-2000}" BENCHMARK_MB="${2:-5}"
# Its sibling modules installed first, so a fresh clone resolves them.
./mvnw -B -q install -DskipTests -pl album-zip-function -am
./mvnw -B -q verify -f album-zip-function/pom.xml -DexcludedGroups=none -Dgroups=benchmark \
  -Dtest=AlbumZipBenchmark -Dsurefire.failIfNoSpecifiedTests=false 2>&1 \
  | grep --line-buffered -E '^(seeded|peer|zipped)' | tee /dev/stderr \
  | awk '/^peer/ { for (i = 1; i <= NF; i++) if ($i == "ms") peer = $(i-1) }
         /^zipped/ { for (i = 1; i <= NF; i++) if ($i == "ms;") ours = $(i-1) }
         END { if (peer && ours) printf "ratio, zipping / reading: %.2f\n", ours / peer }'
