#!/usr/bin/env bash
# What one function process of the local Lambda costs: cold start, warm invocations, resident memory,
# next to a bare JVM with the same flags. Usage: local-lambda/benchmark.sh [path/to/function.zip]
set -euo pipefail
cd "$(dirname "$0")/.."
# The module and the modules it needs (the test function's zip among them), installed first.
./mvnw -B -q install -DskipTests -pl local-lambda -am
./mvnw -B -q test-compile -f local-lambda/pom.xml
./mvnw -B -q dependency:build-classpath -f local-lambda/pom.xml -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/local-lambda/target/benchmark.classpath"
exec java -Dtest-function.zip=local-lambda/test-function/target/function.zip \
  -cp "local-lambda/target/test-classes:local-lambda/target/classes:$(cat local-lambda/target/benchmark.classpath)" \
  family.gallery.locallambda.FootprintBenchmark "$@"
