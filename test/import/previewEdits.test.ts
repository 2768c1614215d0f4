/**
 * The clerk's corrections in the import preview and the request they become: built by the shared
 * rule (the dialog only collects the choices) and accepted by the real services.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Call } from '../../src-shared/contract';
import { applyPartOp, findingText, importCommitRequest, type ImportChoices } from '../../src-shared/import/previewEdits';
import type { ImportPreview } from '../../src-shared/import/types';
import { flattenParts } from '../../src-shared/text/walk';
import { servicesClient } from '../support/services';
import { tempDir } from '../support/tmp';
import { HALF_WIDTH, PLAIN } from './samples';

let dir: string;
let cleanup: () => Promise<void>;
let call: Call;
const utf8 = (lines: string[]) => new TextEncoder().encode(lines.join('\n'));

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('fazhi-import-edits-'));
  ({ call } = await servicesClient(dir));
});
afterEach(() => cleanup());

const choices = (p: ImportPreview, over: Partial<ImportChoices> = {}): ImportChoices => ({
  year: p.year,
  report: p.report,
  unit: p.unit ?? { shortName: '', fullName: '', kind: '镇' },
  convertHalfWidth: false,
  ticked: new Set(),
  placeholders: false,
  ...over,
});

describe('import preview corrections', () => {
  it('says what is missing before anything is sent', async () => {
    const p = await call('import.preview', { fileName: '报告.txt', data: utf8(PLAIN) });
    expect(importCommitRequest(p, choices(p, { year: null }), 'new')).toEqual({ ok: false, problem: '请填写报告年度' });
    expect(importCommitRequest(p, choices(p, { unit: { shortName: ' ', fullName: '青石镇人民政府', kind: '镇' } }), 'new')).toEqual({
      ok: false,
      problem: '数据文件夹中还没有单位：请填写单位简称和全称',
    });
    // a title that names no unit: the kind is asked for too, never guessed
    expect(importCommitRequest(p, choices(p, { unit: { shortName: '临江街道', fullName: '临江街道办事处', kind: null } }), 'new')).toMatchObject({ ok: false, problem: expect.stringContaining('请选择单位类型') });
    expect(importCommitRequest(p, choices(p, { report: { ...p.report, title: '　 ' } }), 'new')).toMatchObject({ ok: false, problem: '请填写报告标题' });
  });

  it('a merge and a split, then the commit: the saved outline is the corrected one, with the ticked figure', async () => {
    const p = await call('import.preview', { fileName: '报告.txt', data: utf8(PLAIN) });
    expect(p.unitExists).toBe(false);
    const heads = (r: ImportPreview['report']) => flattenParts(r.parts).map((x) => x.heading);
    const second = flattenParts(p.report.parts).find((x) => x.heading === '规范行政执法行为')!;
    const merged = applyPartOp(p.report, second.id, { kind: 'merge' });
    expect(heads(merged)).not.toContain('规范行政执法行为');
    // an operation that does not apply leaves the same parts (the dialog then records no undo step)
    const first = p.report.parts[0]!;
    expect(applyPartOp(merged, first.id, { kind: 'outdent' }).parts).toBe(merged.parts);

    const take = p.suggestions.find((s) => !s.computed)!;
    expect(take).toBeDefined();
    const r = importCommitRequest(p, choices(p, { report: merged, ticked: new Set([take.key]), unit: { shortName: ' 青石镇 ', fullName: '青石镇人民政府', kind: '镇' } }), 'new');
    if (!r.ok) throw new Error(r.problem);
    expect(r.request.unit).toEqual({ shortName: '青石镇', fullName: '青石镇人民政府', kind: '镇' });
    expect(r.request.take!.map((t) => t.indicatorId)).toEqual([take.indicatorId]);
    await call('import.commit', r.request);
    const saved = await call('report.get', { year: 2024 });
    expect(heads(saved)).toEqual(heads(merged));
    const ind = (await call('indicators.list', { year: 2024 })).find((x) => x.def.id === take.indicatorId)!;
    expect(ind.value).toBe(take.value);
  });

  it('keeps no finding of a part merged away, and points each half-width mark at its text', async () => {
    const p = await call('import.preview', { fileName: '报告.txt', data: utf8(HALF_WIDTH) });
    expect(p.halfWidth.length).toBeGreaterThan(0);
    for (const f of p.halfWidth) expect(findingText(p.report, f).slice(f.offset, f.offset + f.length)).toMatch(/[,;.()]/);
    // (三)强化监督 carries two findings (half-width brackets, numbering gap); merged into the text before, they go
    const third = flattenParts(p.report.parts).find((x) => x.heading === '强化监督')!;
    expect(p.findings.filter((f) => f.partId === third.id)).toHaveLength(2);
    const gone = applyPartOp(p.report, third.id, { kind: 'merge' });
    const r = importCommitRequest(p, choices(p, { report: gone, year: 2024, unit: { shortName: '枫林街道', fullName: '枫林街道办事处', kind: '街道' } }), 'new');
    if (!r.ok) throw new Error(r.problem);
    expect(r.request.findings!).toHaveLength(p.findings.length - 2);
    expect(r.request.findings!.every((f) => f.partId !== third.id)).toBe(true);
  });
});
