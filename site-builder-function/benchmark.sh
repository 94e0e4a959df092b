#!/usr/bin/env bash
# Site build benchmark on the local stack: 10,000 photos in 200 albums, full and incremental builds.
set -euo pipefail
cd "$(dirname "$0")/.."
# Its sibling modules installed first, so a fresh clone resolves them.
./mvnw -B -q install -DskipTests -pl site-builder-function -am
exec ./mvnw -B -q verify -f site-builder-function/pom.xml -DexcludedGroups=none -Dgroups=benchmark \
  -Dtest=SiteBuildBenchmark -Dsurefire.failIfNoSpecifiedTests=false "$@" 2>&1 \
  | grep -E '^(seeded|full build|rebuild|invalidations)'
