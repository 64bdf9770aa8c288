#!/usr/bin/env node
// Draws the toolbar icons (a padlock on a rounded green square) as PNGs with no image library: run once,
// the PNGs are committed. Readable at 16 px on light and dark toolbars thanks to the filled square.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, pixel) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) row.set(pixel((x + 0.5) / size, (y + 0.5) / size), 1 + x * 4);
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}
const GREEN = [22, 122, 60, 255];
const WHITE = [255, 255, 255, 255];
const CLEAR = [0, 0, 0, 0];
function pixel(u, v) {
  const r = 0.18;
  const dx = Math.max(0, Math.abs(u - 0.5) - (0.5 - r));
  const dy = Math.max(0, Math.abs(v - 0.5) - (0.5 - r));
  if (dx * dx + dy * dy > r * r) return CLEAR;
  const body = u > 0.25 && u < 0.75 && v > 0.46 && v < 0.84;
  const d = Math.hypot(u - 0.5, v - 0.46);
  const shackle = v < 0.47 && d > 0.13 && d < 0.22;
  const hole = Math.hypot(u - 0.5, v - 0.62) < 0.055 || (Math.abs(u - 0.5) < 0.025 && v > 0.62 && v < 0.74);
  return (body && !hole) || shackle ? WHITE : GREEN;
}
for (const size of [16, 32, 48, 128]) writeFileSync(new URL(`../icons/${size}.png`, import.meta.url), png(size, pixel));
