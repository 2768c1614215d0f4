import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { SheetPreview } from '../../src-shared/sheet/targets';
import { servicesClient, servicesPerTest } from '../support/services';
import { snapshotDir } from '../support/tmp';
import { bigLedgerSheet, csvText, gb18030Csv, hugeSheet, mediationSheet, realLedgerSheet, xlsxOf } from './sheets';

const svc = servicesPerTest({ demo: true, now: () => new Date('2025-01-10T08:00:00Z'), prefix: 'fazhi-sheet-' });
const call = svc.call;

const byRow = (p: SheetPreview, row: number) => p.rows.find((r) => r.row === row)!;
const goodFields = (p: SheetPreview) => p.rows.filter((r) => r.status === 'ok').map((r) => r.fields!);

describe('importing the ledger from a real-looking sheet', () => {
  it('finds the two-row header under the title, reads every date form, skips blank and total rows, and reports the bad rows with reasons', async () => {
    const p = await call('sheet.preview', { kind: 'ledger', fileName: '台账.xlsx', data: await realLedgerSheet(), year: 2024 });
    expect(p.headerRows).toEqual([2, 3]);
    expect(p.columns.map((c) => [c.key, c.target])).toEqual([
      ['序号', null],
      ['日期', 'date'],
      ['类别', 'category'],
      ['活动名称', 'title'],
      ['地点', 'village'],
      ['参与情况·人数', 'participants'],
      ['参与情况·资料份数', 'materials'],
      ['备注', 'note'],
    ]);
    expect(p.counts).toEqual({ ok: 5, problem: 5, duplicate: 0, blank: 1, total: 10 });
    expect(goodFields(p)).toEqual([
      { date: '2024-03-05', category: 'pufa', title: '“民法典进村居”宣传', villageId: 'v01', participants: 45, materials: 120 },
      { date: '2024-04-18', category: 'jindu', title: '禁毒知识讲座', villageId: 'v02', participants: 35, materials: 200 },
      { date: '2024-03-05', category: 'fanzha', title: '反诈宣传进社区', villageId: 'v12', participants: 60 },
      { date: '2024-05-20', category: 'xianfa', title: '宪法宣誓仪式', participants: 30 },
      { date: '2024-06-01', category: 'pufa', title: '六一儿童普法', villageId: 'v13', participants: 25, materials: 50 },
    ]);
    expect(byRow(p, 10).problems.join()).toContain('不是有效的日期');
    expect(byRow(p, 11).problems.join()).toContain('不在2024年度内');
    expect(byRow(p, 12).problems.join()).toContain('类别“广场舞比赛”');
    expect(byRow(p, 13).problems.join()).toContain('村（社区）“火星村”');
    expect(byRow(p, 14).problems.join()).toContain('参与人数“很多”不是整数');
    expect(p.notes.join()).toContain('第15行是合计行');
    expect(p.unknown).toEqual([
      { field: 'category', text: '广场舞比赛', count: 1 },
      { field: 'village', text: '火星村', count: 1 },
    ]);
    expect(p.leftOut).toEqual(['序号']);
  });

  it('maps an unknown category and village when the clerk says what they are', async () => {
    const data = await realLedgerSheet();
    const p = await call('sheet.preview', { kind: 'ledger', fileName: '台账.xlsx', data, year: 2024, values: { category: { 广场舞比赛: 'other' }, village: { 火星村: 'v03' } } });
    expect(byRow(p, 12)).toMatchObject({ status: 'ok', fields: { category: 'other', title: '不认识的类别' } });
    expect(byRow(p, 13)).toMatchObject({ status: 'ok', fields: { villageId: 'v03' } });
    expect(p.unknown).toEqual([]);
  });

  it('commits the chosen rows in one write, the indicators follow, and one call undoes the import', async () => {
    const data = await realLedgerSheet();
    const before = (await call('ledger.list', { year: 2024 })).length;
    const pufaBefore = (await call('indicators.list', { year: 2024 })).find((r) => r.def.id === 'pufa-events')?.value ?? 0;
    const p = await call('sheet.preview', { kind: 'ledger', fileName: '台账.xlsx', data, year: 2024 });
    const r = await call('ledger.addMany', { year: 2024, entries: goodFields(p) as never, remember: { key: p.mappingKey, headers: p.columns.map((c) => c.key), mapping: { 序号: null, 日期: 'date', 类别: 'category', 活动名称: 'title', 地点: 'village', '参与情况·人数': 'participants', '参与情况·资料份数': 'materials', 备注: 'note' } } });
    expect(r.added).toBe(5);
    const after = await call('ledger.list', { year: 2024 });
    expect(after.length).toBe(before + 5);
    expect(after.filter((e) => r.ids.includes(e.id)).map((e) => e.title)).toEqual(['“民法典进村居”宣传', '禁毒知识讲座', '反诈宣传进社区', '宪法宣誓仪式', '六一儿童普法']);
    const pufaAfter = (await call('indicators.list', { year: 2024 })).find((x) => x.def.id === 'pufa-events')?.value ?? 0;
    expect(pufaAfter).toBeGreaterThan(pufaBefore);

    // the same sheet again: every good row is now a duplicate, skipped by default
    const again = await call('sheet.preview', { kind: 'ledger', fileName: '台账.xlsx', data, year: 2024 });
    expect(again.mappingSource).toBe('remembered');
    expect(again.counts.duplicate).toBe(5);
    expect(again.counts.ok).toBe(0);
    expect(byRow(again, 4).problems.join()).toContain('已有同一天同名的活动');

    expect(await call('ledger.removeMany', { year: 2024, ids: r.ids })).toEqual({ removed: 5 });
    expect((await call('ledger.list', { year: 2024 })).length).toBe(before);
  });

  it('remembers the mapping the clerk changed for this header set', async () => {
    const data = await realLedgerSheet();
    const p = await call('sheet.preview', { kind: 'ledger', fileName: 'a.xlsx', data, year: 2024, mapping: { 备注: null, 序号: 'note' } });
    expect(p.mappingSource).toBe('given');
    expect(p.columns.find((c) => c.key === '序号')!.target).toBe('note');
    expect(p.columns.find((c) => c.key === '备注')!.target).toBeNull();
    const mapping = Object.fromEntries(p.columns.map((c) => [c.key, c.target]));
    await call('ledger.addMany', { year: 2024, entries: goodFields(p) as never, remember: { key: p.mappingKey, headers: Object.keys(mapping), mapping } });
    const fresh = await servicesClient(svc.dir);
    const q = await fresh.call('sheet.preview', { kind: 'ledger', fileName: 'a.xlsx', data, year: 2024 });
    expect(q.mappingSource).toBe('remembered');
    expect(q.columns.find((c) => c.key === '序号')!.target).toBe('note');
    // and next year, for the sheet of the same shape
    await fresh.call('years.create', { year: 2025 });
    const next = await fresh.call('sheet.preview', { kind: 'ledger', fileName: 'a.xlsx', data, year: 2025 });
    expect(next.mappingSource).toBe('remembered');
    expect(next.columns.find((c) => c.key === '序号')!.target).toBe('note');
    expect(next.rows.find((r) => r.row === 4)!.problems.join()).toContain('不在2025年度内');
  });

  it('refuses a mapping that names a column twice or a column the sheet does not have, and writes nothing', async () => {
    const data = await realLedgerSheet();
    const before = await snapshotDir(svc.dir);
    await expect(call('sheet.preview', { kind: 'ledger', fileName: 'a.xlsx', data, year: 2024, mapping: { 序号: 'date', 日期: 'date' } })).rejects.toThrow(/同时对应了/);
    await expect(call('sheet.preview', { kind: 'ledger', fileName: 'a.xlsx', data, year: 2024, mapping: { 不存在: 'date' } })).rejects.toThrow(/没有“不存在”这一列/);
    expect(await snapshotDir(svc.dir)).toEqual(before);
  });

  it('a failed commit (one bad entry among many) writes nothing at all', async () => {
    const p = await call('sheet.preview', { kind: 'ledger', fileName: 'a.xlsx', data: await realLedgerSheet(), year: 2024 });
    const entries = goodFields(p) as Array<Record<string, unknown>>;
    const before = await snapshotDir(svc.dir);
    await expect(call('ledger.addMany', { year: 2024, entries: [...entries, { ...entries[0], date: '2023-05-05' }] as never })).rejects.toThrow(/第6条.*没有导入任何记录/);
    await expect(call('ledger.addMany', { year: 2024, entries: [...entries, { ...entries[0], villageId: 'v99' }] as never })).rejects.toThrow(/村（社区）不存在/);
    await expect(call('ledger.addMany', { year: 2024, entries: [] })).rejects.toThrow(/没有可导入的记录/);
    // a preview alone (the clerk cancels after it) never writes
    await call('sheet.preview', { kind: 'ledger', fileName: 'a.xlsx', data: await realLedgerSheet(), year: 2024 });
    expect(await snapshotDir(svc.dir)).toEqual(before);
  });
});

describe('mediation cases', () => {
  it('imports date, village, kind and outcome; the parties and phone numbers are left out and not even shown', async () => {
    const p = await call('sheet.preview', { kind: 'mediation', fileName: '调解.xlsx', data: await mediationSheet(), year: 2024 });
    expect(p.columns.filter((c) => c.personal).map((c) => c.key)).toEqual(['当事人', '联系电话']);
    expect(p.columns.filter((c) => c.personal).every((c) => c.target === null && c.samples.length === 0)).toBe(true);
    expect(p.leftOut).toEqual(['当事人', '联系电话', '简要情况']);
    expect(goodFields(p)).toEqual([
      { date: '2024-02-03', villageId: 'v01', kind: '邻里纠纷', outcome: '成功' },
      { date: '2024-03-04', villageId: 'v12', kind: '婚姻家庭', outcome: '未成功' },
      { date: '2024-04-05', villageId: 'v02', kind: '土地承包', outcome: '调解中' },
    ]);
    expect(byRow(p, 6).problems.join()).toContain('纠纷类型“宠物纠纷”');
    const r = await call('mediation.addMany', { year: 2024, entries: goodFields(p) as never });
    const stored = (await call('mediation.list', { year: 2024 })).filter((c) => r.ids.includes(c.id));
    expect(JSON.stringify(stored)).not.toMatch(/王某某|13800000000|排水沟/);
    expect(stored).toHaveLength(3);
    await call('mediation.removeMany', { year: 2024, ids: r.ids });
    await expect(call('mediation.removeMany', { year: 2024, ids: r.ids })).rejects.toThrow(/没有找到/);
  });
});

describe('CSV', () => {
  it('reads GB18030 (what Excel saves on a Chinese Windows), UTF-8 with BOM, and full-width digits', async () => {
    const rows = [
      ['日期', '活动类型', '活动内容', '村居', '参加人数'],
      ['2024-09-01', '民法典宣传', '民法典进万家', '梅林村', '８０'],
      ['2024年9月2日', '普法宣传', '开学第一课', '石门村', '1,200'],
      ['总计', '', '', '', '1280'],
    ];
    const gb = gb18030Csv(rows);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gb)).toThrow();
    for (const data of [gb, new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(csvText(rows))])]) {
      const p = await call('sheet.preview', { kind: 'ledger', fileName: '台账.csv', data, year: 2024 });
      expect(goodFields(p)).toEqual([
        { date: '2024-09-01', category: 'minfadian', title: '民法典进万家', villageId: 'v05', participants: 80 },
        { date: '2024-09-02', category: 'pufa', title: '开学第一课', villageId: 'v06', participants: 1200 },
      ]);
      expect(p.notes.join()).toContain('合计行');
    }
  });
});

describe('bad files: a Chinese message and nothing changed', () => {
  const refused = async (fileName: string, data: Uint8Array<ArrayBuffer>, re: RegExp) => {
    const before = await snapshotDir(svc.dir);
    const err = await call('sheet.preview', { kind: 'ledger', fileName, data, year: 2024 }).catch((e: Error & { code?: string }) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as { code?: string }).code).toBe('VALIDATION');
    expect((err as Error).message).toMatch(re);
    expect((err as Error).message).toMatch(/[\u4e00-\u9fff]/);
    expect(await snapshotDir(svc.dir)).toEqual(before);
  };

  it('an encrypted workbook (an OLE container, not a zip)', async () => {
    // the layout Excel writes for a password-protected .xlsx: CFB signature, then streams named in UTF-16
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    ole.set(new Uint8Array(Buffer.from('EncryptionInfo', 'utf16le')), 1024);
    ole.set(new Uint8Array(Buffer.from('EncryptedPackage', 'utf16le')), 1152);
    await refused('加密.xlsx', ole, /设置了打开密码/);
    const xls = new Uint8Array(4096);
    xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    xls.set(new Uint8Array(Buffer.from('Workbook', 'utf16le')), 1024);
    await refused('旧表.xls', xls, /另存为.*\.xlsx/);
  });

  it('a .xlsx that is not a zip, a zip that is not a workbook, an empty file', async () => {
    await refused('假的.xlsx', new TextEncoder().encode('日期,类别\n2024-01-01,普法宣传'), /不是有效的 Excel 工作簿/);
    await refused('截断.xlsx', (await realLedgerSheet()).slice(0, 3000), /无法读取这个 Excel 文件/);
    await refused('空.xlsx', new Uint8Array(0), /空的/);
    await refused('图片.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), /不支持的文件类型/);
  });

  it('an empty sheet, and a sheet without a recognisable header', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    await refused('空表.xlsx', await xlsxOf(wb), /没有任何内容/);
    const wb2 = new ExcelJS.Workbook();
    wb2.addWorksheet('Sheet1').addRow(['随便', '写点', '什么']);
    await refused('无表头.xlsx', await xlsxOf(wb2), /没有找到表头/);
  });

  it('200,000 rows are refused before exceljs reads them', async () => {
    const data = await hugeSheet(200_000);
    const heapBefore = process.memoryUsage().heapUsed;
    await refused('大表.xlsx', data, /超过一次导入的上限20000行/);
    // exceljs would have held 600,000 cell objects (hundreds of MB); the refusal holds none
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(100 * 1024 * 1024);
    // the same file cut to 5,000 rows is read: the refusal is about the size, not the format
    const small = await call('sheet.preview', { kind: 'ledger', fileName: '小表.xlsx', data: await hugeSheet(5000), year: 2024 });
    expect(small.counts.ok).toBe(5000);
    const csv = new TextEncoder().encode(`日期,类别,活动名称\n${'2024-01-01,普法宣传,活动\n'.repeat(200_000)}`);
    await refused('大表.csv', csv, /超过一次导入的上限/);
  }, 120_000);

  it('formulas give their cached result', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['日期', '类别', '活动名称', '人数']);
    ws.addRow([{ formula: 'DATE(2024,8,8)', result: new Date(Date.UTC(2024, 7, 8)) }, '普法宣传', { formula: '"法治"&"讲座"', result: '法治讲座' }, { formula: '20*2', result: 40 }]);
    const p = await call('sheet.preview', { kind: 'ledger', fileName: 'f.xlsx', data: await xlsxOf(wb), year: 2024 });
    expect(goodFields(p)).toEqual([{ date: '2024-08-08', category: 'pufa', title: '法治讲座', participants: 40 }]);
  });

  it('5,000 rows go in with one write', async () => {
    const p = await call('sheet.preview', { kind: 'ledger', fileName: 'big.xlsx', data: await bigLedgerSheet(5000), year: 2024 });
    expect(p.counts.ok).toBe(5000);
    const r = await call('ledger.addMany', { year: 2024, entries: goodFields(p) as never });
    expect(r.added).toBe(5000);
    expect(new Set(r.ids).size).toBe(5000);
    expect(r.ids.every((id) => /^l[A-Za-z0-9_-]+$/.test(id))).toBe(true);
  }, 60_000);
});
