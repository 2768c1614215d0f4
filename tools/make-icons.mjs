// Renders the app icon (a red rounded square with a white 法, Noto Sans CJK SC Bold) with Chromium
// and writes assets/icon.png (512 px) and assets/icon.ico (16…256 px, PNG-compressed entries).
// Run: node tools/make-icons.mjs   (needs /usr/bin/chromium and fonts-noto-cjk)
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ICO_SIZES = [16, 20, 24, 32, 40, 48, 64, 128, 256];
const PNG_SIZE = 512;

/** One drawing, scaled; very small sizes drop the inner rim so the glyph keeps its pixels. */
function svg(size) {
  const rim = size >= 48;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 256 256">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#d7262d"/>
      <stop offset="1" stop-color="#b01218"/>
    </linearGradient>
  </defs>
  <rect x="${size <= 24 ? 0 : 8}" y="${size <= 24 ? 0 : 8}" width="${size <= 24 ? 256 : 240}" height="${size <= 24 ? 256 : 240}"
        rx="48" fill="url(#bg)"/>
  ${rim ? '<rect x="24" y="24" width="208" height="208" rx="34" fill="none" stroke="#f3d27a" stroke-width="5"/>' : ''}
  <text x="128" y="${size <= 24 ? 124 : 121}" text-anchor="middle" dominant-baseline="central" fill="#ffffff"
        font-family="Noto Sans CJK SC" font-weight="700" font-size="${size <= 24 ? 224 : 176}">法</text>
</svg>`;
}

/** ICO container with PNG entries (Windows Vista+); width/height byte 0 means 256. */
export function writeIco(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  const dir = Buffer.alloc(16 * images.length);
  let offset = header.length + dir.length;
  images.forEach(({ size, png }, i) => {
    const e = i * 16;
    dir.writeUInt8(size >= 256 ? 0 : size, e);
    dir.writeUInt8(size >= 256 ? 0 : size, e + 1);
    dir.writeUInt8(0, e + 2); // palette colours
    dir.writeUInt8(0, e + 3);
    dir.writeUInt16LE(1, e + 4); // planes
    dir.writeUInt16LE(32, e + 6); // bits per pixel
    dir.writeUInt32LE(png.length, e + 8);
    dir.writeUInt32LE(offset, e + 12);
    offset += png.length;
  });
  return Buffer.concat([header, dir, ...images.map((i) => i.png)]);
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  const render = async (size) => {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg(size)}</body></html>`);
    await page.evaluate(() => document.fonts.ready);
    return page.locator('svg').screenshot({ omitBackground: true, type: 'png' });
  };
  const images = [];
  for (const size of ICO_SIZES) images.push({ size, png: await render(size) });
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'assets/icon.ico'), writeIco(images));
  writeFileSync(path.join(root, 'assets/icon.png'), await render(PNG_SIZE));
  console.log(`assets/icon.ico (${ICO_SIZES.join(', ')} px) and assets/icon.png (${PNG_SIZE} px) written`);
} finally {
  await browser.close();
}
