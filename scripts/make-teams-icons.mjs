#!/usr/bin/env node
// Draws the Teams app icons from simple shapes (a four-pane window and a check mark) with pngjs:
//   appPackage/color.png    192x192, full colour
//   appPackage/outline.png  32x32, white on transparent
// Deterministic: the same script always writes the same bytes (a test checks the committed files).
// Usage: node scripts/make-teams-icons.mjs [output-directory]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = process.argv[2] ?? join(root, 'appPackage');

// Shapes are "inside" tests over continuous coordinates; each pixel is sampled SS x SS times so
// edges are anti-aliased by coverage.
const SS = 4;

const rect =
  (x0, y0, x1, y1, r = 0) =>
  (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    if (r <= 0) return true;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
/** A polyline stroked with round caps and joins. */
const stroke = (points, width) => (x, y) => {
  const half = width / 2;
  for (let i = 0; i + 1 < points.length; i++) {
    const [ax, ay] = points[i];
    const [bx, by] = points[i + 1];
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    if ((x - (ax + t * dx)) ** 2 + (y - (ay + t * dy)) ** 2 <= half * half) return true;
  }
  return false;
};

/** Paints layers ({ shape, color: [r, g, b, a] }) in order over a transparent canvas. */
function draw(size, layers) {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (const { shape, color } of layers) {
        let hits = 0;
        for (let sy = 0; sy < SS; sy++) {
          for (let sx = 0; sx < SS; sx++) if (shape(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS)) hits++;
        }
        if (!hits) continue;
        // "Source over" compositing of a colour with the shape's coverage as its alpha.
        const sa = (color[3] / 255) * (hits / (SS * SS));
        const da = a / 255;
        const oa = sa + da * (1 - sa);
        const mix = (s, d) => (oa === 0 ? 0 : (s * sa + d * da * (1 - sa)) / oa);
        [r, g, b, a] = [mix(color[0], r), mix(color[1], g), mix(color[2], b), oa * 255];
      }
      const i = (py * size + px) * 4;
      png.data[i] = Math.round(r);
      png.data[i + 1] = Math.round(g);
      png.data[i + 2] = Math.round(b);
      png.data[i + 3] = Math.round(a);
    }
  }
  return PNG.sync.write(png, { colorType: 6 });
}

const BLUE = [0x24, 0x36, 0x4f, 255]; // the pages' header colour, also the manifest's accentColor
const PANE = [0x4c, 0xa3, 0xf0, 255];
const PANE_LIGHT = [0x8c, 0xc8, 0xff, 255];
const GREEN = [0x2e, 0xa0, 0x4f, 255];
const WHITE = [255, 255, 255, 255];

// 192x192: the window's four panes on the accent colour, a green check badge over the lower right.
const color = draw(192, [
  { shape: rect(0, 0, 192, 192), color: BLUE },
  { shape: rect(38, 38, 93, 93, 5), color: PANE_LIGHT },
  { shape: rect(99, 38, 154, 93, 5), color: PANE },
  { shape: rect(38, 99, 93, 154, 5), color: PANE },
  { shape: rect(99, 99, 154, 154, 5), color: PANE_LIGHT },
  { shape: circle(138, 138, 38), color: BLUE },
  { shape: circle(138, 138, 31), color: GREEN },
  {
    shape: stroke(
      [
        [122, 139],
        [134, 151],
        [155, 126],
      ],
      9,
    ),
    color: WHITE,
  },
]);

// 32x32 outline: three panes and a check mark where the fourth pane would be, white on transparent.
const outline = draw(32, [
  { shape: rect(4, 4, 15, 15, 1), color: WHITE },
  { shape: rect(17, 4, 28, 15, 1), color: WHITE },
  { shape: rect(4, 17, 15, 28, 1), color: WHITE },
  {
    shape: stroke(
      [
        [18.5, 23],
        [22, 26.5],
        [28, 19],
      ],
      2.6,
    ),
    color: WHITE,
  },
]);

mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'color.png'), color);
writeFileSync(join(outDir, 'outline.png'), outline);
console.log(`wrote ${join(outDir, 'color.png')} (192x192) and ${join(outDir, 'outline.png')} (32x32)`);
