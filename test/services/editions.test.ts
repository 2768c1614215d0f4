/**
 * The three files one report makes, at the service: the body alone, the 报送件 (版头 and 版记) and
 * the 公开件 (the same text without them). The 公开件's PDF is printed from export.print, so what it
 * prints must be what export.docx wrote: compared with the snapshot the export history keeps of the .docx.
 */
import { describe, expect, it } from 'vitest';
import { servicesPerTest } from '../support/services';

const svc = servicesPerTest({ demo: true, now: () => new Date('2025-02-10T09:00:00') });
const call = svc.call;
const YEAR = 2024;
const TODAY = '2025-02-10';

async function jointReport() {
  const unit = (await call('unit.get', {}))!;
  await call('unit.save', { unit: { ...unit, issuing: { ...(unit.issuing ?? {}), jointIssuer: '中共横街镇委员会', jointLeads: true } } });
  await call('report.issuance', { year: YEAR, issuance: { joint: true, docNumber: '横街府〔2025〕3号', signers: ['王建国'], contact: '联系人：张明', cc: '县司法局' } });
}

/** What export.docx wrote, as its history keeps it. */
async function exported(input: { edition?: 'submit' | 'public' }) {
  const r = await call('export.docx', { year: YEAR, today: TODAY, ...input });
  await call('export.recorded', { year: YEAR, id: r.record.id });
  return { fileName: r.fileName, snapshot: (await call('export.history', { year: YEAR }))[0]!.snapshot };
}

describe('editions of one report', () => {
  it('the 公开件 printed is the 公开件 written: same text, no 版头/版记/附注, a joint document signed by both', async () => {
    await jointReport();
    const printed = await call('export.print', { year: YEAR, today: TODAY, edition: 'public' });
    const written = await exported({ edition: 'public' });
    expect(printed.rendered).toEqual(written.snapshot);
    expect(printed.rendered.issuance).toBeUndefined();
    expect(printed.rendered.signature).toMatchObject({ name: '中共横街镇委员会', jointName: '横街镇人民政府' });
    expect(printed.fileName).toBe(written.fileName.replace(/\.docx$/, '.pdf'));
    expect(printed.fileName).toMatch(/（公开件）\.pdf$/);
    // the 报送件 of the same report: the same body and signature, plus its 版头 and 版记
    const submit = await exported({ edition: 'submit' });
    expect(submit.snapshot.issuance).toMatchObject({ issuers: ['中共横街镇委员会', '横街镇人民政府'], docNumber: '横街府〔2025〕3号', note: '（联系人：张明）', cc: '县司法局。' });
    const { issuance: _i, ...submitText } = submit.snapshot;
    expect(submitText).toEqual(written.snapshot);
  });

  it('the print follows the 导出 screen’s choices (字体方案, 落款) and refuses what the .docx refuses', async () => {
    const printed = await call('export.print', { year: YEAR, today: TODAY, edition: 'public', fontPreset: 'windows', signature: { enabled: true, date: '2025-03-01' } });
    expect(printed.fontPreset).toBe('windows');
    expect(printed.rendered.signature?.date).toBe('2025年3月1日');
    const none = await call('export.print', { year: YEAR, today: TODAY, edition: 'public', signature: { enabled: false, date: '' } });
    expect(none.rendered.signature).toBeNull();
    await expect(call('export.print', { year: YEAR, edition: 'public', today: '2025-02-30' })).rejects.toThrow(/今天日期/);
    // nothing of it enters the history: a print is not an export record
    expect(await call('export.history', { year: YEAR })).toEqual([]);
  });

  it('saving the report text keeps the 报送件 fields as set since (the editor’s copy may be older)', async () => {
    const stale = await call('report.get', { year: YEAR });
    await call('report.issuance', { year: YEAR, issuance: { docNumber: '横街府〔2025〕7号' } });
    const saved = await call('report.save', { year: YEAR, report: { ...stale, title: `${stale.title}` } });
    expect(saved.issuance?.docNumber).toBe('横街府〔2025〕7号');
    expect((await call('report.get', { year: YEAR })).issuance?.docNumber).toBe('横街府〔2025〕7号');
  });
});
