#!/usr/bin/env bash
# Rendition benchmark, run on demand: our renderer in a warm JVM with a 512 MB heap against
# ImageMagick's convert and libvips' vipsthumbnail on the same JPEGs, sizes and quality; then
# iPhone-like HEICs (12 and 48 MP, 512 x 512 tiles) against Debian's heif-convert (libheif).
# Needs the Debian packages imagemagick, libvips-tools, libheif-examples and ffmpeg.
# Usage: resize-function/bench/run.sh
set -euo pipefail
module=$(cd "$(dirname "$0")/.." && pwd)
repo=$(dirname "$module")
for tool in /usr/bin/convert /usr/bin/vipsthumbnail /usr/bin/heif-convert /usr/bin/ffmpeg; do
  [ -x "$tool" ] || { echo "missing $tool: apt-get install imagemagick libvips-tools libheif-examples ffmpeg" >&2; exit 1; }
done
"$repo/../shared/bench/corpus.sh" "$module/target/bench-corpus"
# One 50 MP photo (9600x5400, upscaled from the corpus) for the memory bound.
large="$module/target/bench-large"
if [ ! -f "$large/Large-50MP.jpg" ]; then
  mkdir -p "$large"
  first=$(ls "$module"/target/bench-corpus/*.jpg | head -n 1)
  /usr/bin/convert "$first" -resize '9600x5400!' -quality 90 "$large/Large-50MP.jpg"
fi
cd "$repo"
# The module and the modules it needs, installed, so a fresh clone resolves them.
./mvnw -B -q install -DskipTests -pl resize-function -am
./mvnw -B -q -f resize-function/pom.xml test-compile dependency:build-classpath \
  -Dmdep.outputFile="$module/target/bench-classpath.txt" -Dmdep.includeScope=test
classpath="$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench-classpath.txt")"
java -Xmx512m -cp "$classpath" \
  family.gallery.resize.bench.RenditionBenchmark "$module/target/bench-out" "$module/target/bench-corpus" "$large"
# The most detailed corpus photo (the largest file) makes HEICs about as large as a phone's.
detailed=$(ls -S "$module"/target/bench-corpus/*.jpg | head -n 1)
java -Xmx3g -cp "$classpath" family.gallery.resize.bench.HeicBenchmark make "$module/target/bench-heic" "$detailed"
java -Xmx512m -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$classpath" \
  family.gallery.resize.bench.HeicBenchmark measure "$module/target/bench-heic"
