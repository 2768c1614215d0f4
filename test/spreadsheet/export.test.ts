import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Call } from '../../src-shared/contract';
import { findLedgerCategory } from '../../src-shared/catalog/ledgerCategories';
import { servicesClient } from '../support/services';
import { snapshotDir, tempDir } from '../support/tmp';

function which(cmd: string): boolean {
  try {
    return execFileSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
}

let dir: string;
let cleanup: () => Promise<void>;
let call: Call;
let wb: ExcelJS.Workbook;
let bytes: Uint8Array;
let fileName: string;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('fazhi-xlsx-'));
  ({ call } = await servicesClient(dir, () => new Date('2025-01-10T08:00:00Z')));
  await call('demo.create', {});
  // a village name with an ampersand: the page header must print it, not take it for a code
  const unit = (await call('unit.get', {}))!;
  await call('unit.save', { unit: { ...unit, fullName: '横街镇人民政府 & 法治办' } });
  const r = await call('xlsx.export', { year: 2024 });
  bytes = r.data;
  fileName = r.fileName;
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
}, 60_000);
afterAll(() => cleanup());

const sheetRows = (ws: ExcelJS.Worksheet) => {
  const out: unknown[][] = [];
  ws.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
};
const plain = (v: unknown) => (v && typeof v === 'object' && 'result' in (v as object) ? (v as { result: unknown }).result : v);

describe('the year as one workbook', () => {
  it('has the three sheets, named in Chinese, and the file name says whose and which year', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['活动台账', '调解案件', '指标']);
    expect(fileName).toBe('横街镇2024年度全年数据表.xlsx');
  });

  it('活动台账 read back equals the ledger: real dates, names not ids, and a total row', async () => {
    const ws = wb.getWorksheet('活动台账')!;
    const rows = sheetRows(ws);
    expect(rows[0]).toEqual(['序号', '日期', '类别', '活动名称', '村（社区）', '参与人数', '资料份数', '备注']);
    const ledger = [...(await call('ledger.list', { year: 2024 }))].sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt));
    const unit = (await call('unit.get', {}))!;
    const vname = (id?: string) => unit.villages.find((v) => v.id === id)?.name ?? '';
    const body = rows.slice(1, 1 + ledger.length);
    expect(body.length).toBe(ledger.length);
    body.forEach((r, i) => {
      const e = ledger[i]!;
      expect(r[1]).toBeInstanceOf(Date);
      expect((r[1] as Date).toISOString().slice(0, 10)).toBe(e.date);
      expect(r[2]).toBe(findLedgerCategory(e.category)!.name);
      expect(r[3]).toBe(e.title);
      expect(r[4] ?? '').toBe(vname(e.villageId));
      expect(r[5] ?? null).toBe(e.participants ?? null);
      expect(r[6] ?? null).toBe(e.materials ?? null);
    });
    const total = rows[1 + ledger.length]!;
    expect(total[0]).toBe('合计');
    expect(total[3]).toBe(`共 ${ledger.length} 条`);
    expect(plain(total[5])).toBe(ledger.reduce((s, e) => s + (e.participants ?? 0), 0));
    expect(ws.getCell('B2').numFmt).toBe('yyyy-mm-dd');
  });

  it('调解案件 and 指标 equal the data; 指标 carries value, unit, source and last year', async () => {
    const cases = await call('mediation.list', { year: 2024 });
    const m = sheetRows(wb.getWorksheet('调解案件')!);
    expect(m[0]).toEqual(['序号', '日期', '村（社区）', '纠纷类型', '调解结果', '简要情况']);
    expect(m.length).toBe(cases.length + 2);
    expect(m.at(-1)![4]).toBe(`成功 ${cases.filter((c) => c.outcome === '成功').length} 起`);
    const ind = await call('indicators.list', { year: 2024 });
    const s = sheetRows(wb.getWorksheet('指标')!);
    expect(s[0]).toEqual(['领域', '指标', '数值', '单位', '来源', '上年数值', '表述', '说明']);
    expect(s.length).toBe(ind.length + 1);
    ind.forEach((r, i) => {
      expect(s[i + 1]![1]).toBe(r.def.name);
      expect(s[i + 1]![2] ?? null).toBe(r.value);
      expect(s[i + 1]![3]).toBe(r.def.measure);
    });
  });

  it('prints as A4 landscape with the header row on every page, frozen, with the unit and year in the page header', () => {
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup.paperSize).toBe(9);
      expect(ws.pageSetup.orientation).toBe('landscape');
      expect(ws.pageSetup.printTitlesRow).toBe('1:1');
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.headerFooter.oddHeader).toContain('横街镇人民政府 && 法治办');
      expect(ws.headerFooter.oddHeader).toContain(`2024年度 ${ws.name}`);
      // every column is wide enough for its header
      ws.columns.forEach((c) => expect(c.width ?? 0).toBeGreaterThanOrEqual(6));
    }
    expect(wb.getWorksheet('活动台账')!.getColumn(4).width).toBeGreaterThan(20);
  });

  it('one sheet per screen button; a year that does not exist is refused and nothing is written', async () => {
    const r = await call('xlsx.export', { year: 2024, sheets: ['mediation'] });
    const one = new ExcelJS.Workbook();
    await one.xlsx.load(Buffer.from(r.data) as unknown as ExcelJS.Buffer);
    expect(one.worksheets.map((w) => w.name)).toEqual(['调解案件']);
    expect(r.fileName).toBe('横街镇2024年度调解案件.xlsx');
    const before = await snapshotDir(dir);
    await expect(call('xlsx.export', { year: 2031 })).rejects.toThrow(/没有2031年度的数据/);
    expect(await snapshotDir(dir)).toEqual(before);
  });

  it.skipIf(!which('soffice') || !which('pdftotext'))(
    'LibreOffice opens it: every sheet prints, with the header on each page',
    () => {
      const tmp = mkdtempSync(join(tmpdir(), 'fz-xlsx-lo-'));
      try {
        const file = join(tmp, 'year.xlsx');
        writeFileSync(file, bytes);
        execFileSync(
          'soffice',
          [`-env:UserInstallation=${pathToFileURL(join(tmp, 'lo-profile')).href}`, '--headless', '--convert-to', 'pdf', '--outdir', tmp, file],
          { env: { ...process.env, FONTCONFIG_FILE: resolve(__dirname, '../fonts/fonts.conf') }, timeout: 180_000, stdio: 'ignore' },
        );
        const pdf = join(tmp, 'year.pdf');
        const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
        // A4 landscape: 842 x 595 pt
        expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts|Page size:\s+842 x 595 pts/);
        const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
        expect(pages).toBeGreaterThanOrEqual(3);
        const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
        expect(text.join('')).toContain('活动台账');
        expect(text.join('')).toContain('调解案件');
        expect(text.join('')).toContain('合计');
        // the header row and the page header repeat on every page
        for (const page of text) {
          expect(page).toContain('横街镇人民政府 & 法治办');
          expect(page).toMatch(/序号|领域/);
        }
        if (process.env.FAZHI_KEEP_PDF) execFileSync('cp', [pdf, process.env.FAZHI_KEEP_PDF]);
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    },
    200_000,
  );
});
