#!/usr/bin/env bash
# Video benchmark, run on demand: phone-like 4K HEVC clips (30 and 60 frames a second) converted
# the way the video function converts them, against Debian's ffmpeg only decoding them; prints
# seconds per minute of video. Needs Debian's ffmpeg. The first run makes the clips with x265,
# which takes several minutes.
# Usage: resize-function/bench/video.sh [SECONDS_PER_CLIP]   (default 20)
set -euo pipefail
module=$(cd "$(dirname "$0")/.." && pwd)
repo=$(dirname "$module")
[ -x /usr/bin/ffmpeg ] || { echo "missing /usr/bin/ffmpeg: apt-get install ffmpeg" >&2; exit 1; }
cd "$repo"
# The module and the modules it needs, installed, so a fresh clone resolves them.
./mvnw -B -q install -DskipTests -pl resize-function -am
./mvnw -B -q -f resize-function/pom.xml test-compile dependency:build-classpath \
  -Dmdep.outputFile="$module/target/bench-classpath.txt" -Dmdep.includeScope=test
classpath="$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench-classpath.txt")"
java -Xmx512m -cp "$classpath" family.gallery.resize.bench.VideoBenchmark "$module/target/bench-video" "${1:-20}"
