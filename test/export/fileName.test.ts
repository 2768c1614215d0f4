import { describe, expect, it } from 'vitest';
import { exportFileName } from '../../src-main/export/fileName';

describe('export file name', () => {
  it('drops bidi controls that would make the name display as something else', () => {
    // U+202E (RLO) would show "青山镇2024年…xcod.exe" style reversals in Explorer
    for (const c of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']) {
      expect(exportFileName(`青山${c}镇`, 2024)).toBe('青山镇2024年法治政府建设年度报告.docx');
    }
  });

  it('drops zero-width and other invisible characters', () => {
    const name = exportFileName('\uFEFF青\u200B山\u200C\u200D镇\u200E\u200F\u2060\u00AD\u061C\u180E\uFE0F', 2024);
    expect(name).toBe('青山镇2024年法治政府建设年度报告.docx');
    expect([...name].every((ch) => /[\u4e00-\u9fff0-9.a-z]/.test(ch))).toBe(true);
  });

  it('still keeps the visible name and strips what Windows refuses', () => {
    expect(exportFileName(' 青山/镇: ', 2024)).toBe('青山镇2024年法治政府建设年度报告.docx');
  });
});
