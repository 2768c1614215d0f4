import { describe, expect, it } from 'vitest';
import { safeFileNamePart } from '../../src-shared/fileName';
import { exportFileName } from '../../src-main/export/fileName';

// The one file-name rule behind the .docx name, a chart's PNG and the Electron save dialog.
describe('safe file names', () => {
  it('drops what Windows refuses, invisible marks, and the dots and spaces Windows strips', () => {
    expect(safeFileNamePart('  ..2024年各村（社区）活动:次数/人数?.  ', 100)).toBe('2024年各村（社区）活动次数人数');
    // a bidi override would make the name display reversed; a zero-width space makes look-alikes differ
    expect(safeFileNamePart('横街镇\u202Excod.告报\u200B', 100)).toBe('横街镇xcod.告报');
    expect(safeFileNamePart('<>|*', 100)).toBe('');
  });

  it('cuts at the limit without leaving a trailing dot or space', () => {
    expect(safeFileNamePart('普法宣传 .活动', 5)).toBe('普法宣传');
    expect(safeFileNamePart('法'.repeat(300), 150)).toHaveLength(150);
  });

  it('the exported report is named by the same rule', () => {
    expect(exportFileName('横街镇', 2024, '横街镇\u202E2024年度:法治政府建设?报告')).toBe(`${safeFileNamePart('横街镇2024年度法治政府建设报告', 80)}.docx`);
  });
});
