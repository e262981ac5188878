// Draws the tray icons in electron/assets/ (run: node scripts/tray-icons.mjs).
//
// The app icon (build/icon.svg) is 512 px with a tile behind the hats; a tray icon is 16 px (32 on
// high-DPI screens) and sits on the system's own bar, so it keeps only the two hats, redrawn on a
// 16-unit grid so their edges fall on whole pixels instead of blurring. No image tool is needed:
// the shapes are rounded rectangles, sampled 16×16 times per pixel and written with node:zlib.
//
// - tray.png, tray@2x.png: in colour, for the Windows notification area and Linux panels.
// - trayTemplate.png, trayTemplate@2x.png: black and transparent only, a macOS "template image"
//   that the menu bar recolours for light and dark mode.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const OUT_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '../electron/assets');

// On a 16-unit grid (one unit is one pixel of the 16 px icon): [x, y, width, height, radius].
const BACK_HAT = [
  [2, 2, 6, 8, 0.75],
  [0, 9, 10, 2, 0.75],
];
const FRONT_HAT = [
  [8, 5, 6, 8, 0.75],
  [6, 12, 10, 2, 0.75],
];
/** The transparent gap that separates the front hat from the one behind it. */
const GAP = 1;
const GRID = 16;
const SAMPLES = 16;

const COLOURS = {
  colour: { back: [0xea, 0x58, 0x0c], front: [0x0d, 0x94, 0x88] },
  template: { back: [0, 0, 0], front: [0, 0, 0] },
};

function inRoundedRect([x, y, width, height, radius], px, py) {
  if (px < x || px > x + width || py < y || py > y + height) return false;
  const cx = Math.min(Math.max(px, x + radius), x + width - radius);
  const cy = Math.min(Math.max(py, y + radius), y + height - radius);
  return (px - cx) ** 2 + (py - cy) ** 2 <= radius ** 2;
}

const grow = ([x, y, width, height, radius], by) => [x - by, y - by, width + 2 * by, height + 2 * by, radius + by];
const inAny = (shapes, px, py) => shapes.some((shape) => inRoundedRect(shape, px, py));

/** Straight (not premultiplied) RGBA pixels of one icon. */
function draw(size, colours) {
  const pixels = Buffer.alloc(size * size * 4);
  const gap = FRONT_HAT.map((shape) => grow(shape, GAP));
  for (let row = 0; row < size; row++) {
    for (let column = 0; column < size; column++) {
      let red = 0;
      let green = 0;
      let blue = 0;
      let covered = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const px = ((column + (sx + 0.5) / SAMPLES) / size) * GRID;
          const py = ((row + (sy + 0.5) / SAMPLES) / size) * GRID;
          const colour = inAny(FRONT_HAT, px, py) ? colours.front : !inAny(gap, px, py) && inAny(BACK_HAT, px, py) ? colours.back : null;
          if (!colour) continue;
          red += colour[0];
          green += colour[1];
          blue += colour[2];
          covered += 1;
        }
      }
      const offset = (row * size + column) * 4;
      if (covered === 0) continue;
      pixels[offset] = Math.round(red / covered);
      pixels[offset + 1] = Math.round(green / covered);
      pixels[offset + 2] = Math.round(blue / covered);
      pixels[offset + 3] = Math.round((covered / SAMPLES ** 2) * 255);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  // Each row starts with its filter type (0: none).
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let row = 0; row < size; row++) pixels.copy(rows, row * (size * 4 + 1) + 1, row * size * 4, (row + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const [name, colours] of [
  ['tray', COLOURS.colour],
  ['trayTemplate', COLOURS.template],
]) {
  for (const [suffix, size] of [
    ['', 16],
    ['@2x', 32],
  ]) {
    const file = path.join(OUT_DIR, `${name}${suffix}.png`);
    writeFileSync(file, png(size, draw(size, colours)));
    console.log(`${path.relative(process.cwd(), file)} ${size}×${size}`);
  }
}
