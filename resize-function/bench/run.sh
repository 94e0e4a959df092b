#!/usr/bin/env bash
# Rendition benchmark, run on demand: our renderer in a warm JVM with a 512 MB heap against sharp
# (npm, with its bundled libvips), ImageMagick's convert and libvips' vipsthumbnail on the same JPEGs
# (the corpus, a 50 MP photo and a zone plate), sizes and quality, timed and compared by PSNR against
# a Lanczos-3 downscale of each original; then iPhone-like HEICs (12 and 48 MP, 512 x 512 tiles)
# against Debian's heif-convert (libheif).
# Needs the Debian packages imagemagick, libvips-tools, libheif-examples, ffmpeg, nodejs and npm.
# Usage: resize-function/bench/run.sh
set -euo pipefail
module=$(cd "$(dirname "$0")/.." && pwd)
repo=$(dirname "$module")
for tool in /usr/bin/convert /usr/bin/vipsthumbnail /usr/bin/heif-convert /usr/bin/ffmpeg /usr/bin/node /usr/bin/npm; do
  [ -x "$tool" ] || { echo "missing $tool: apt-get install imagemagick libvips-tools libheif-examples ffmpeg nodejs npm" >&2; exit 1; }
done
"$repo/../shared/bench/corpus.sh" "$module/target/bench-corpus"
# One 50 MP photo (9600x5400, upscaled from the corpus) for the memory bound.
large="$module/target/bench-large"
if [ ! -f "$large/Large-50MP.jpg" ]; then
  mkdir -p "$large"
  first=$(ls "$module"/target/bench-corpus/*.jpg | head -n 1)
  /usr/bin/convert "$first" -resize '9600x5400!' -quality 90 "$large/Large-50MP.jpg"
fi
# sharp at the version its lock file pins, with its prebuilt libvips, installed once.
sharp="$module/target/bench-sharp"
if ! cmp -s "$module/bench/sharp/package-lock.json" "$sharp/package-lock.json" || [ ! -d "$sharp/node_modules/sharp" ]; then
  rm -rf "$sharp" && mkdir -p "$sharp"
  cp "$module/bench/sharp/package.json" "$module/bench/sharp/package-lock.json" "$sharp/"
  ( cd "$sharp" && npm ci --no-audit --no-fund --loglevel=error )
fi
cd "$repo"
# The module and the modules it needs, installed, so a fresh clone resolves them.
./mvnw -B -q install -DskipTests -pl resize-function -am
./mvnw -B -q -f resize-function/pom.xml test-compile dependency:build-classpath \
  -Dmdep.outputFile="$module/target/bench-classpath.txt" -Dmdep.includeScope=test
classpath="$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench-classpath.txt")"
# A zone plate of the corpus' size: rings up to nearly the pixel pitch, which alias where pixels are dropped.
patterns="$module/target/bench-patterns"
if [ ! -f "$patterns/ZonePlate.jpg" ]; then
  mkdir -p "$patterns"
  java -cp "$classpath" family.gallery.resize.image.ZonePlate "$patterns/ZonePlate.jpg" 5120 2880
fi
java -Xmx512m -cp "$classpath" family.gallery.resize.bench.RenditionBenchmark "$module/target/bench-out" \
  "$module/target/bench-reference" "$module/bench/sharp/renditions.js" "$sharp/node_modules" \
  "$module/target/bench-corpus" "$large" "$patterns"
# The most detailed corpus photo (the largest file) makes HEICs about as large as a phone's.
detailed=$(ls -S "$module"/target/bench-corpus/*.jpg | head -n 1)
java -Xmx3g -cp "$classpath" family.gallery.resize.bench.HeicBenchmark make "$module/target/bench-heic" "$detailed"
java -Xmx512m -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$classpath" \
  family.gallery.resize.bench.HeicBenchmark measure "$module/target/bench-heic"
