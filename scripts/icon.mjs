// Draws images/icon.png (128×128, the Marketplace icon): three containers standing in a row on a rounded tile, the
// middle one taller, a herd. Pure Node (zlib for the PNG), supersampled 4× for smooth edges. Run: node scripts/icon.mjs
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SS = 4;

/** Signed distance to a rounded rectangle centred at (cx, cy) with half sizes (hw, hh) and corner radius r. */
function roundedBox(x, y, cx, cy, hw, hh, r) {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

const TILE = [0x0f, 0x4c, 0x5c];
const TILE_LIGHT = [0x16, 0x6f, 0x82];
const BOXES = [
  { cx: 34, cy: 75, hh: 17, color: [0xf2, 0xa5, 0x41] },
  { cx: 64, cy: 68, hh: 24, color: [0xff, 0xff, 0xff] },
  { cx: 94, cy: 75, hh: 17, color: [0x8e, 0xd1, 0xc6] },
];

/** The colour at a point, and its coverage (alpha). */
function shade(x, y) {
  if (roundedBox(x, y, 64, 64, 62, 62, 22) > 0) return [0, 0, 0, 0];
  // the tile: a vertical gradient
  const t = y / SIZE;
  let rgb = TILE_LIGHT.map((c, i) => c * (1 - t) + TILE[i] * t);
  for (const box of BOXES) {
    const outer = roundedBox(x, y, box.cx, box.cy, 13, box.hh, 3);
    if (outer > 0) continue;
    rgb = box.color;
    // corrugation: three darker ribs, as on a shipping container
    const rib = Math.abs(x - box.cx);
    if (outer < -3 && (rib < 1 || Math.abs(rib - 6) < 1)) rgb = box.color.map((c) => c * 0.78);
  }
  // the ground line the herd stands on
  if (Math.abs(y - 96) < 1.5 && Math.abs(x - 64) < 46) rgb = [0xff, 0xff, 0xff];
  return [...rgb, 255];
}

const pixels = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  const row = y * (SIZE * 4 + 1);
  pixels[row] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const [r, g, b, a] = shade(x + (sx + 0.5) / SS, y + (sy + 0.5) / SS);
        sum[0] += r * a;
        sum[1] += g * a;
        sum[2] += b * a;
        sum[3] += a;
      }
    }
    const at = row + 1 + x * 4;
    const alpha = sum[3] / (SS * SS);
    for (let i = 0; i < 3; i++) pixels[at + i] = sum[3] ? Math.round(sum[i] / sum[3]) : 0;
    pixels[at + 3] = Math.round(alpha);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(pixels, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'images', 'icon.png');
writeFileSync(out, png);
console.log(`${out}: ${png.length} bytes`);
