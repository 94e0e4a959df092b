#!/usr/bin/env bash
# Site build benchmark on the local stack: first, full, unchanged and one-caption builds, each
# with the builder's own log line of its phases (read, render, publish; media copy).
# Usage: benchmark.sh [ALBUMS] [PHOTOS_PER_ALBUM]   (default 200 albums of 50 photos; a lifetime: 2000 50)
set -euo pipefail
cd "$(dirname "$0")/.."
export BENCHMARK_ALBUMS="${1:-200}" BENCHMARK_PHOTOS_PER_ALBUM="${2:-50}"
# Its sibling modules installed first, so a fresh clone resolves them.
./mvnw -B -q install -DskipTests -pl site-builder-function -am
exec ./mvnw -B -q verify -f site-builder-function/pom.xml -DexcludedGroups=none -Dgroups=benchmark \
  -Dtest=SiteBuildBenchmark -Dsurefire.failIfNoSpecifiedTests=false 2>&1 \
  | grep --line-buffered -E '^(seed|full build|rebuild|invalidations)|"event":"(build|media-copy)"' \
  | sed -u -E 's/^.*(\{"event":)/    \1/'
