// Makes the gallery's rendition set with sharp, photo by photo, and prints one line per photo:
// its name and the best of the measured runs in milliseconds, after warm-up runs.
// Usage: node renditions.js OUT_DIR QUALITY ROUNDS EDGES PHOTO...   (EDGES: comma separated long edges)
'use strict';
const fs = require('fs');
const path = require('path');
const sharp = require('sharp');

const [outDir, quality, rounds, edgeList, ...photos] = process.argv.slice(2);
const edges = edgeList.split(',').map(Number);
const jpeg = { quality: Number(quality), mozjpeg: false, chromaSubsampling: '4:2:0' };

async function renditions(input, name, write) {
  for (const edge of edges) {
    const out = await sharp(input).rotate()
      .resize(edge, edge, { fit: 'inside', withoutEnlargement: true })
      .jpeg(jpeg).toBuffer();
    if (write) {
      fs.writeFileSync(path.join(outDir, `sharp-${name}-${edge}.jpg`), out);
    }
  }
}

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  for (const photo of photos) {
    const input = fs.readFileSync(photo);
    const name = path.basename(photo, '.jpg');
    await renditions(input, name, true); // warm-up, and the files the quality comparison reads
    let best = Infinity;
    for (let round = 0; round < Number(rounds); round++) {
      const start = process.hrtime.bigint();
      await renditions(input, name, false);
      best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
    }
    console.log(`${name}\t${best.toFixed(1)}`);
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
