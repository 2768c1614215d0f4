import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const assets = path.resolve(__dirname, '../../assets');
const PNG_SIG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

describe('app icons', () => {
  it('icon.ico is a valid icon directory with PNG entries from 16 to 256 px', () => {
    const ico = readFileSync(path.join(assets, 'icon.ico'));
    expect(ico.readUInt16LE(0)).toBe(0); // reserved
    expect(ico.readUInt16LE(2)).toBe(1); // 1 = icon
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const e = 6 + i * 16;
      const size = ico[e] === 0 ? 256 : ico[e]!; // 0 in the directory means 256
      const length = ico.readUInt32LE(e + 8);
      const offset = ico.readUInt32LE(e + 12);
      expect(offset + length).toBeLessThanOrEqual(ico.length);
      const png = ico.subarray(offset, offset + length);
      expect(png.subarray(0, 8).equals(PNG_SIG), `entry ${size}`).toBe(true);
      expect(pngSize(png)).toEqual({ width: size, height: size });
      expect(ico.readUInt16LE(e + 6)).toBe(32);
      sizes.push(size);
    }
    expect(sizes).toEqual(expect.arrayContaining([16, 24, 32, 48, 256]));
  });

  it('icon.png is a 512 px PNG', () => {
    const png = readFileSync(path.join(assets, 'icon.png'));
    expect(png.subarray(0, 8).equals(PNG_SIG)).toBe(true);
    expect(pngSize(png)).toEqual({ width: 512, height: 512 });
  });
});
