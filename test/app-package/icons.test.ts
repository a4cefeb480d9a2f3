import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { appPackage, readManifest, root } from './support';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const manifest = readManifest();
const load = (name: string) => {
  const bytes = readFileSync(join(appPackage, name));
  return { bytes, png: PNG.sync.read(bytes) };
};

function pixels(png: PNG): { r: number; g: number; b: number; a: number }[] {
  const out = [];
  for (let i = 0; i < png.data.length; i += 4) out.push({ r: png.data[i], g: png.data[i + 1], b: png.data[i + 2], a: png.data[i + 3] });
  return out;
}

describe('Teams icons', () => {
  it('color icon: a 192x192 PNG in colour, fully opaque', () => {
    const { bytes, png } = load(manifest.icons.color);
    expect(bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect([png.width, png.height]).toEqual([192, 192]);
    const all = pixels(png);
    expect(all.every((p) => p.a === 255)).toBe(true);
    // Colour, not grey: many pixels whose channels differ clearly, and several distinct hues.
    const coloured = all.filter((p) => Math.max(p.r, p.g, p.b) - Math.min(p.r, p.g, p.b) > 40);
    expect(coloured.length).toBeGreaterThan(all.length / 2);
    expect(new Set(all.map((p) => `${p.r},${p.g},${p.b}`)).size).toBeGreaterThan(4);
  });

  it('outline icon: a 32x32 PNG of white on transparent', () => {
    const { bytes, png } = load(manifest.icons.outline);
    expect(bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect([png.width, png.height]).toEqual([32, 32]);
    const all = pixels(png);
    const transparent = all.filter((p) => p.a === 0);
    const opaqueWhite = all.filter((p) => p.a === 255 && p.r === 255 && p.g === 255 && p.b === 255);
    expect(transparent.length).toBeGreaterThan(all.length / 4);
    expect(opaqueWhite.length).toBeGreaterThan(all.length / 8);
    // Every pixel is either fully transparent or white (edges are white with partial alpha).
    expect(all.filter((p) => p.a !== 0 && !(p.r === 255 && p.g === 255 && p.b === 255))).toEqual([]);
    // The border row and column are empty, as Teams' outline guidance asks.
    for (let i = 0; i < 32; i++) {
      expect(png.data[(0 * 32 + i) * 4 + 3]).toBe(0);
      expect(png.data[(i * 32 + 0) * 4 + 3]).toBe(0);
    }
  });

  it('the committed PNGs are exactly what scripts/make-teams-icons.mjs draws', () => {
    const dir = mkdtempSync(join(tmpdir(), 'icons-'));
    try {
      execFileSync(process.execPath, [join(root, 'scripts', 'make-teams-icons.mjs'), dir], { stdio: 'pipe' });
      expect(readFileSync(join(dir, 'color.png')).equals(readFileSync(join(appPackage, 'color.png')))).toBe(true);
      expect(readFileSync(join(dir, 'outline.png')).equals(readFileSync(join(appPackage, 'outline.png')))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
