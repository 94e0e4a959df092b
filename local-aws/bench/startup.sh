#!/usr/bin/env bash
# Start-up time and idle resident memory of the local AWS stack (S3Proxy, ElasticMQ, DynamoDB Local,
# SNS fan-out, CloudFront recorder) started by LocalAwsMain, against its targets: ready in under
# 10 s on 2 cores, under 600 MB resident when idle. Also measures a bare JVM with the same flags, so
# the stack's own share is visible.
#
#   local-aws/bench/startup.sh
#   JAVA_OPTS="-Xmx512m" local-aws/bench/startup.sh
#   STACK_ARGS=--no-functions local-aws/bench/startup.sh   # the emulators alone
set -euo pipefail
cd "$(dirname "$0")/.."
module=$(pwd)
JAVA_OPTS=${JAVA_OPTS:-"-XX:+UseSerialGC -Xmx384m -XX:TieredStopAtLevel=1"}
IDLE_SECONDS=${IDLE_SECONDS:-10}
RUNS=${RUNS:-3}
STACK_ARGS=${STACK_ARGS:-}

classpath_file=$(mktemp)
scratch=$(mktemp -d)
trap 'rm -rf "$classpath_file" "$scratch"' EXIT
# The module and the modules it needs, installed, so a fresh clone resolves them.
(cd .. && ./mvnw -B -q install -DskipTests -pl local-aws -am)
../mvnw -B -q dependency:build-classpath -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=runtime >/dev/null
classpath="$module/target/classes:$(cat "$classpath_file")"

rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }

echo "cores: $(nproc)   load average: $(cut -d' ' -f1-3 /proc/loadavg)   JAVA_OPTS: $JAVA_OPTS   STACK_ARGS: $STACK_ARGS"
for run in $(seq 1 "$RUNS"); do
  log="$scratch/run-$run.log"
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  java $JAVA_OPTS -cp "$classpath" family.gallery.localaws.LocalAwsMain --in-memory \
      --s3-port=0 --sqs-port=0 --dynamodb-port=0 --cloudfront-port=0 $STACK_ARGS >"$log" 2>&1 &
  pid=$!
  until grep -q "local AWS stack ready" "$log" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "the stack did not start:"; cat "$log"; exit 1; fi
    sleep 0.05
  done
  ready=$(( ($(date +%s%N) - start) / 1000000 ))
  sleep "$IDLE_SECONDS"
  idle_rss=$(rss_mb "$pid")
  # Background jobs of a script ignore SIGINT, so TERM stands in for Ctrl-C: both run the shutdown hook.
  kill -TERM "$pid"
  stop_start=$(date +%s%N)
  wait "$pid" || true
  stopped=$(( ($(date +%s%N) - stop_start) / 1000000 ))
  printf 'run %d: ready in %5d ms (target < 10000)   idle RSS %4d MB (target < 600)   stopped on SIGTERM in %d ms\n' \
      "$run" "$ready" "$idle_rss" "$stopped"
done

# Peer: a JVM with the same flags that does nothing but sleep.
cat >"$scratch/Idle.java" <<'JAVA'
public class Idle { public static void main(String[] a) throws Exception { System.out.println("ready"); Thread.sleep(60_000); } }
JAVA
# shellcheck disable=SC2086
java $JAVA_OPTS "$scratch/Idle.java" >"$scratch/idle.log" 2>&1 &
pid=$!
until grep -q ready "$scratch/idle.log" 2>/dev/null; do sleep 0.05; done
sleep 2
printf 'peer: an idle JVM with the same flags: RSS %4d MB\n' "$(rss_mb "$pid")"
kill "$pid"; wait "$pid" 2>/dev/null || true
