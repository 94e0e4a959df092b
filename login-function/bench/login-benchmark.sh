#!/usr/bin/env bash
# Login latency (p50, p99), logins per second on one warm function, the time to turn away a
# locked-out attempt, and bcrypt's cost at 10 to 12 beside it. Usage: login-function/bench/login-benchmark.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q install -pl login-function -am -DskipTests
./mvnw -B -q test-compile -pl login-function
./mvnw -B -q dependency:build-classpath -pl login-function -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -Druns="${1:-100}" -cp "login-function/target/classes:login-function/target/test-classes:$(cat login-function/target/bench.classpath)" \
  family.gallery.login.bench.LoginBenchmark
