import { describe, expect, it } from 'vitest';
import { isWindowsReservedName, safeFileNamePart, windowsFileNameProblem } from '../../src-shared/fileName';
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

  it('never proposes a name Windows reserves for a device', () => {
    expect(safeFileNamePart('NUL', 100)).toBe('NUL_');
    expect(safeFileNamePart('con.图表', 100)).toBe('con_.图表');
    expect(safeFileNamePart('Com1', 100)).toBe('Com1_');
    expect(safeFileNamePart('LPT1 .备份', 100)).toBe('LPT1_ .备份');
    // names that only begin like one are ordinary
    expect(safeFileNamePart('CONSOLE', 100)).toBe('CONSOLE');
    expect(safeFileNamePart('com10', 100)).toBe('com10');
    for (const n of ['NUL', 'con.图表', 'Com1', 'aux.tar.gz', 'lpt\u00B9']) expect(isWindowsReservedName(safeFileNamePart(n, 100))).toBe(false);
  });

  it('says in Chinese why Windows cannot keep a name the clerk chose', () => {
    expect(windowsFileNameProblem('CON.docx')).toContain('Windows 保留的设备名');
    expect(windowsFileNameProblem('nul')).toContain('Windows 保留的设备名');
    expect(windowsFileNameProblem('prn .docx')).toContain('Windows 保留的设备名');
    expect(windowsFileNameProblem('报告.docx.')).toContain('以句点或空格结尾');
    expect(windowsFileNameProblem('报告.docx ')).toContain('以句点或空格结尾');
    expect(windowsFileNameProblem('报告?.docx')).toContain('不允许的字符');
    expect(windowsFileNameProblem('横街镇2024年法治政府建设年度报告.docx')).toBeNull();
    expect(windowsFileNameProblem('CONSOLE.docx')).toBeNull();
  });
});
