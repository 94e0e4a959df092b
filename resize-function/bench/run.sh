#!/usr/bin/env bash
# Rendition benchmark, run on demand: our renderer in a warm JVM with a 512 MB heap against
# ImageMagick's convert and libvips' vipsthumbnail on the same photos, sizes and quality.
# Needs the Debian packages imagemagick and libvips-tools. Usage: resize-function/bench/run.sh
set -euo pipefail
module=$(cd "$(dirname "$0")/.." && pwd)
repo=$(dirname "$module")
for tool in /usr/bin/convert /usr/bin/vipsthumbnail; do
  [ -x "$tool" ] || { echo "missing $tool: apt-get install imagemagick libvips-tools" >&2; exit 1; }
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
./mvnw -B -q -o -f resize-function/pom.xml test-compile dependency:build-classpath \
  -Dmdep.outputFile="$module/target/bench-classpath.txt" -Dmdep.includeScope=test
java -Xmx512m -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench-classpath.txt")" \
  family.gallery.resize.bench.RenditionBenchmark "$module/target/bench-out" "$module/target/bench-corpus" "$large"
