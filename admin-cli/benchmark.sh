#!/usr/bin/env bash
# Reprocess benchmark on the local stack: how long `gallery-admin reprocess` takes to send every original.
# Usage: benchmark.sh [ALBUMS] [PHOTOS_PER_ALBUM]   (default 200 albums of 50 photos; a lifetime: 2000 50)
set -euo pipefail
cd "$(dirname "$0")/.."
export BENCHMARK_ALBUMS="${1:-200}" BENCHMARK_PHOTOS_PER_ALBUM="${2:-50}"
# Its sibling modules installed first, so a fresh clone resolves them.
./mvnw -B -q install -DskipTests -pl admin-cli -am
exec ./mvnw -B -q verify -f admin-cli/pom.xml -DexcludedGroups=none -Dgroups=benchmark \
  -Dtest=ReprocessBenchmark -Dsurefire.failIfNoSpecifiedTests=false 2>&1 \
  | grep --line-buffered -E '^(seed|reprocess)'
