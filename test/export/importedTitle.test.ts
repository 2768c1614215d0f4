/**
 * Titles as a clerk brings them in: last year's report imported with `fazhi import` (the title on
 * one line, or broken over two by its author), exported with `fazhi export`, and printed by
 * LibreOffice on the lines titleLines chose — none shorter than four characters.
 */
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { titleLines } from '../../src-shared/report/titleLines';
import { fazhi, requireBuiltCli } from '../support/fazhi';
import { tempDir } from '../support/tmp';
import { libreOfficeMissing } from '../support/tools';

const missing = libreOfficeMissing;
if (missing) console.log(`skipped: imported titles on LibreOffice pages: ${missing}`);

// report bodies written for this test; the titles are the shapes districts and townships use
const body = (unit: string) => [
  `${unit}坚持把法治建设摆在突出位置，现将本年度情况报告如下。`,
  '一、主要举措和成效',
  '健全重大决策程序，重大事项均经合法性审查。',
  '二、存在的不足和原因',
  '基层执法力量仍然不足。',
  '三、党政主要负责人履行推进法治建设第一责任人职责情况',
  '主要负责人带头学法，专题研究法治建设。',
  '四、2025年主要安排',
  '继续完善法律顾问制度。',
];
const CASES: Array<{ name: string; lines: string[]; title: string }> = [
  { name: 'district', lines: ['北京市朝阳区人民政府关于2024年法治政府建设情况的报告', ...body('朝阳区')], title: '北京市朝阳区人民政府关于2024年法治政府建设情况的报告' },
  { name: 'township-long', lines: ['梅花乡人民政府关于2024年度推进法治政府建设和党政主要负责人履行职责情况的报告', ...body('梅花乡')], title: '梅花乡人民政府关于2024年度推进法治政府建设和党政主要负责人履行职责情况的报告' },
  // the author broke the title over two lines in Word: the break is kept
  { name: 'two-line', lines: ['青溪镇人民政府', '2024年法治政府建设年度报告', ...body('青溪镇')], title: '青溪镇人民政府\n2024年法治政府建设年度报告' },
];

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  requireBuiltCli();
  ({ dir, cleanup } = await tempDir('fazhi-imported-title-'));
});
afterAll(() => cleanup());

describe.skipIf(!!missing)('titles of imported reports on LibreOffice pages', () => {
  it('print on the lines chosen, none under four characters', async () => {
    const files: string[] = [];
    for (const c of CASES) {
      const txt = join(dir, `${c.name}.txt`);
      await writeFile(txt, c.lines.join('\n'), 'utf8');
      const data = join(dir, `data-${c.name}`);
      expect(await fazhi('import', txt, '--data', data)).toMatchObject({ code: 0 });
      const shown = JSON.parse((await fazhi('report', 'show', '--data', data, '--year', '2024', '--json')).stdout) as { title: string };
      expect(shown.title).toBe(c.title);
      const out = join(dir, `${c.name}.docx`);
      expect(await fazhi('export', '--data', data, '--year', '2024', '--out', out)).toMatchObject({ code: 0 });
      files.push(out);
    }
    execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files], {
      env: { ...process.env, FONTCONFIG_FILE: resolve(__dirname, '../fonts/fonts.conf') },
      timeout: 240_000,
      stdio: 'ignore',
    });
    for (const c of CASES) {
      const expected = titleLines(c.title);
      const printed = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', join(dir, `${c.name}.pdf`), '-'], { encoding: 'utf8' })
        .split('\n')
        .filter((l) => l.trim() !== '')
        .slice(0, expected.length)
        .map((l) => l.replace(/\s+/g, ''));
      expect(printed, c.name).toEqual(expected);
      for (const l of printed) expect([...l].length, c.name).toBeGreaterThanOrEqual(4);
    }
    // the author's own break survives the round trip
    expect(titleLines(CASES[2]!.title)).toEqual(['青溪镇人民政府', '2024年法治政府建设年度报告']);
  }, 300_000);
});
