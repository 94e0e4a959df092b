#!/usr/bin/env bash
# Album ZIP benchmark on the local stack: an album of PHOTOS files of MB megabytes each (default
# 2000 of 5: 10 GB; it needs three times that free on disk, the local stack kept on disk), zipped in a JVM with the function's
# 1,024 MB heap, against the usual tools doing the same (the AWS CLI downloads the album, zip -0
# stores it, the AWS CLI uploads the archive). Prints both times, their ratio and the peak heap.
# Needs the AWS CLI and zip. Usage: bench/zip-benchmark.sh [PHOTOS] [MB]
set -euo pipefail
cd "$(dirname "$0")/../.."
for tool in aws zip; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install awscli zip" >&2; exit 1; }
done
export BENCHMARK_PHOTOS="${1:-2000}" BENCHMARK_MB="${2:-5}"
# Its sibling modules installed first, so a fresh clone resolves them.
./mvnw -B -q install -DskipTests -pl album-zip-function -am
figures=$(mktemp)
./mvnw -B -q verify -f album-zip-function/pom.xml -DexcludedGroups=none -Dgroups=benchmark \
  -Dtest=AlbumZipBenchmark -Dsurefire.failIfNoSpecifiedTests=false 2>&1 \
  | grep --line-buffered -E '^(seeded|peer|zipped)' | tee "$figures"
awk '/^peer/ { for (i = 1; i <= NF; i++) if ($i == "ms") peer = $(i-1) }
     /^zipped/ { for (i = 1; i <= NF; i++) if ($i == "ms;") ours = $(i-1) }
     END { if (peer && ours) printf "ratio, ours / the usual tools: %.2f\n", ours / peer }' "$figures"
rm -f "$figures"
