/** The first-run guide's font advice (issue 13): which preset to suggest from the fonts found on this computer. */
import { describe, expect, it } from 'vitest';
import { checkFonts } from '../../src-renderer/screens/guide/fonts';

const having = (...names: string[]) => (f: string) => names.includes(f);

describe('font preset advice', () => {
  it('suggests the standard preset only when 方正小标宋 and 仿宋_GB2312 are both installed', () => {
    expect(checkFonts(having('方正小标宋简体', '仿宋_GB2312')).suggested).toBe('standard');
    expect(checkFonts(having('方正小标宋简体')).suggested).toBe('windows');
    expect(checkFonts(having('仿宋_GB2312', '仿宋', '黑体')).suggested).toBe('windows');
    expect(checkFonts(having()).suggested).toBe('windows');
  });

  it('reports each font it looked for', () => {
    const c = checkFonts(having('仿宋', '黑体'));
    expect(c.standard).toEqual({ 方正小标宋简体: false, 仿宋_GB2312: false, 楷体_GB2312: false, 黑体: true });
    expect(c.windows).toEqual({ 仿宋: true, 楷体: false, 黑体: true, 宋体: false });
  });
});
