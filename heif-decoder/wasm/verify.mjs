// Decodes the first picture of an Annex-B HEVC stream with hevc-decoder.wasm under Node's WASI,
// prints the result block and writes the planes (Y, then Cb, Cr) to a raw file, as
// `libde265-dec265 -o` and `ffmpeg -f rawvideo` write them, for comparing checksums.
//
//   node verify.mjs MODULE.wasm STREAM.hevc [OUT.yuv] [--drop K] [--cut BYTES] [--keep BYTES] [--repeat N]
//
// Damaged inputs: --drop K leaves out the K-th NAL unit (from 0); --cut BYTES shortens the last
// NAL unit, and its length, by BYTES; --keep BYTES passes only the first BYTES of the
// length-prefixed data. --repeat N decodes N times in one instance and prints the time per decode.
// Exits 0 when a picture was decoded, 1 when the result has an error status.
import { readFileSync, writeFileSync } from 'node:fs';
import { WASI } from 'node:wasi';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const value = Number(args[at + 1]);
  args.splice(at, 2);
  return value;
};
const keep = option('--keep', Infinity);
const drop = option('--drop', -1);
const cut = option('--cut', 0);
const repeat = option('--repeat', 1);
const [modulePath, streamPath, outPath] = args;
if (!streamPath) {
  console.error('usage: node verify.mjs MODULE.wasm STREAM.hevc [OUT.yuv] [--drop K] [--cut BYTES] [--keep BYTES] [--repeat N]');
  process.exit(2);
}

// Annex-B start codes to 4-byte big-endian lengths, the form hevc_decode takes.
function nalUnits(stream) {
  const starts = [];
  for (let i = 0; i + 2 < stream.length; i++) {
    if (stream[i] === 0 && stream[i + 1] === 0 && stream[i + 2] === 1) {
      starts.push(i + 3);
      i += 2;
    }
  }
  return starts.map((start, k) => {
    let end = k + 1 < starts.length ? starts[k + 1] - 3 : stream.length;
    while (end > start && stream[end - 1] === 0) end--; // the zero byte of a 4-byte start code
    return stream.subarray(start, end);
  });
}

const nals = nalUnits(readFileSync(streamPath)).filter((_, k) => k !== drop);
nals[nals.length - 1] = nals[nals.length - 1].subarray(0, Math.max(0, nals[nals.length - 1].length - cut));
const data = Buffer.concat(nals.map((nal) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(nal.length, 0);
  return Buffer.concat([length, nal]);
})).subarray(0, keep);
const wasi = new WASI({ version: 'preview1' });
const { instance } = await WebAssembly.instantiate(readFileSync(modulePath), wasi.getImportObject());
wasi.initialize(instance);
const { memory, hevc_alloc, hevc_free, hevc_decode } = instance.exports;

const input = hevc_alloc(data.length);
new Uint8Array(memory.buffer, input, data.length).set(data);
let result = 0;
const started = process.hrtime.bigint();
for (let i = 0; i < repeat; i++) {
  if (result) hevc_free(result);
  result = hevc_decode(input, data.length);
}
const millis = Number(process.hrtime.bigint() - started) / 1e6 / repeat;

const names = ['status', 'width', 'height', 'chroma', 'lumaBits', 'chromaBits', 'plane0', 'stride0',
  'plane1', 'stride1', 'plane2', 'stride2', 'message', 'fullRange', 'matrix', 'primaries', 'transfer'];
const view = new DataView(memory.buffer);
const field = Object.fromEntries(names.map((name, i) => [name, view.getInt32(result + 4 * i, true)]));
const bytes = new Uint8Array(memory.buffer);
if (field.message) {
  field.message = new TextDecoder().decode(bytes.subarray(field.message, bytes.indexOf(0, field.message)));
}
console.log(JSON.stringify({ ...field, millis: Number(millis.toFixed(1)) }));

if (field.status === 0 && outPath) {
  const planes = field.chroma === 0 ? 1 : 3;
  const rows = [field.height, ...[1, 2].map(() => (field.chroma === 1 ? (field.height + 1) >> 1 : field.height))];
  const widths = [field.width, ...[1, 2].map(() => (field.chroma === 1 || field.chroma === 2 ? (field.width + 1) >> 1 : field.width))];
  const chunks = [];
  for (let c = 0; c < planes; c++) {
    const pointer = field[`plane${c}`], stride = field[`stride${c}`];
    const rowBytes = widths[c] * ((c === 0 ? field.lumaBits : field.chromaBits) > 8 ? 2 : 1);
    for (let y = 0; y < rows[c]; y++) chunks.push(bytes.slice(pointer + y * stride, pointer + y * stride + rowBytes));
  }
  writeFileSync(outPath, Buffer.concat(chunks));
}
hevc_free(result);
hevc_free(input);
process.exit(field.status === 0 ? 0 : 1);
