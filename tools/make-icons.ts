/**
 * Draws the toolbar icons (idle / running / attention) as PNGs into public/icons. Run once
 * after changing the design: `npx tsx tools/make-icons.ts`. The PNGs are committed; the build
 * does not run this. A clock face: a coloured disc, a white ring and two hands.
 */
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';

type Rgb = readonly [number, number, number];
const LOOKS: Record<string, Rgb> = { idle: [11, 99, 206], running: [26, 127, 55], attention: [194, 65, 12] };
const SIZES = [16, 32, 48, 128];
const SAMPLES = 4;

function coverage(size: number, x: number, y: number): { disc: number; mark: number } {
  let disc = 0;
  let mark = 0;
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      const px = (x + (sx + 0.5) / SAMPLES) / size - 0.5;
      const py = (y + (sy + 0.5) / SAMPLES) / size - 0.5;
      const r = Math.hypot(px, py);
      if (r > 0.48) continue;
      disc++;
      const ring = r > 0.36 && r < 0.43;
      const minute = Math.abs(px) < 0.045 && py < 0.02 && py > -0.3;
      const hour = Math.abs(py) < 0.045 && px > -0.02 && px < 0.2;
      if (ring || minute || hour) mark++;
    }
  }
  const n = SAMPLES * SAMPLES;
  return { disc: disc / n, mark: mark / n };
}

function png(size: number, colour: Rgb): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const { disc, mark } = coverage(size, x, y);
      const white = disc > 0 ? mark / disc : 0;
      const o = y * (size * 4 + 1) + 1 + x * 4;
      for (let c = 0; c < 3; c++) raw[o + c] = Math.round(colour[c]! * (1 - white) + 255 * white);
      raw[o + 3] = Math.round(255 * disc);
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(data: Buffer): number {
  let crc = ~0;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

mkdirSync('public/icons', { recursive: true });
for (const [look, colour] of Object.entries(LOOKS)) {
  for (const size of SIZES) writeFileSync(`public/icons/${look}-${size}.png`, png(size, colour));
}
console.log(`wrote ${Object.keys(LOOKS).length * SIZES.length} icons to public/icons`);
