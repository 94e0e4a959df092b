#!/usr/bin/env bash
# Cold starts of the functions' JVM packages on the local Lambda, without and with class-data sharing (see
# ColdStartBenchmark). Builds what it needs first, so it runs on a fresh clone.
#
#   local-aws/bench/coldstart.sh        # 5 cold starts per function and mode
#   local-aws/bench/coldstart.sh 9 login    # only the login function's cases
set -euo pipefail
cd "$(dirname "$0")/../.."
classpath_file=$(mktemp)
trap 'rm -f "$classpath_file"' EXIT
# The JVM packages the local Lambda runs, and the local stack with its test classes.
./mvnw -B -q install -DskipTests -pl local-aws,login-function,site-builder-function,resize-function -am
./mvnw -B -q dependency:build-classpath -f local-aws/pom.xml -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file" >/dev/null
exec java -cp "local-aws/target/test-classes:local-aws/target/classes:$(cat "$classpath_file")" \
  family.gallery.localaws.edge.ColdStartBenchmark "$@"
