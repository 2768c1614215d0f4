import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { servicesClient, servicesPerTest } from '../support/services';

const svc = servicesPerTest({ demo: true, now: () => new Date('2025-02-10T09:00:00') });
const call = svc.call;

const yearFile = async () => JSON.parse(await fsp.readFile(path.join(svc.dir, 'year-2024.json'), 'utf8')) as { exports: Array<Record<string, unknown>> };

describe('export history', () => {
  it('records an export only once the file was written (export.recorded), not when it was only produced', async () => {
    const r = await call('export.docx', { year: 2024, today: '2025-02-10' });
    expect(r.data.byteLength).toBeGreaterThan(1000);
    // a cancelled save dialog or a failed write never reports back: nothing in the history
    expect(await call('export.history', { year: 2024 })).toEqual([]);
    expect((await yearFile()).exports).toEqual([]);
    await call('export.recorded', { year: 2024, id: r.record.id });
    const h = await call('export.history', { year: 2024 });
    expect(h.map((x) => x.id)).toEqual([r.record.id]);
    expect(h[0]!.snapshot.blocks.length).toBeGreaterThan(0);
    // reported twice, or an id that was never produced: refused, history unchanged
    await expect(call('export.recorded', { year: 2024, id: r.record.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(call('export.recorded', { year: 2024, id: 'x-nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await call('export.history', { year: 2024 })).toHaveLength(1);
  });

  it('stores an unchanged report once however often it is exported, and shows every export with its text', async () => {
    const exportOnce = async () => {
      const r = await call('export.docx', { year: 2024, today: '2025-02-10' });
      await call('export.recorded', { year: 2024, id: r.record.id });
      return r.record.id;
    };
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await exportOnce());
    let stored = (await yearFile()).exports;
    expect(stored).toHaveLength(5);
    expect(stored.filter((x) => x.snapshot).length).toBe(1);
    // the text changes: the next export stores it again
    const report = await call('report.get', { year: 2024 });
    report.parts[0]!.paragraphs = ['改动后的段落。'];
    await call('report.save', { year: 2024, report });
    ids.push(await exportOnce());
    stored = (await yearFile()).exports;
    expect(stored.filter((x) => x.snapshot).length).toBe(2);
    const h = await call('export.history', { year: 2024 });
    expect(h.map((x) => x.id)).toEqual([...ids].reverse());
    expect(h.every((x) => x.snapshot.blocks.length > 0)).toBe(true);
    expect(JSON.stringify(h[0]!.snapshot)).toContain('改动后的段落');
    expect(JSON.stringify(h[1]!.snapshot)).not.toContain('改动后的段落');
  });

  it('keeps the text of the newest 50 when older exports are dropped, and loads old files with a full snapshot per export', async () => {
    for (let i = 0; i < 53; i++) {
      const r = await call('export.docx', { year: 2024, today: '2025-02-10' });
      await call('export.recorded', { year: 2024, id: r.record.id });
    }
    const stored = (await yearFile()).exports;
    expect(stored).toHaveLength(50);
    expect(stored.filter((x) => x.snapshot).length).toBe(1);
    const h = await call('export.history', { year: 2024 });
    expect(h).toHaveLength(50);
    expect(h.every((x) => x.snapshot.blocks.length > 0)).toBe(true);

    // a year file written before: every record carries its own snapshot
    const raw = JSON.parse(await fsp.readFile(path.join(svc.dir, 'year-2024.json'), 'utf8'));
    const full = h[0]!.snapshot;
    raw.exports = [
      { id: 'x-old1', at: '2024-12-01T08:00:00.000Z', fileName: '旧.docx', fontPreset: 'standard', snapshot: full },
      { id: 'x-old2', at: '2024-12-02T08:00:00.000Z', fileName: '旧.docx', fontPreset: 'standard', snapshot: full },
    ];
    await fsp.writeFile(path.join(svc.dir, 'year-2024.json'), JSON.stringify(raw));
    const { call: fresh } = await servicesClient(svc.dir);
    expect((await fresh('export.history', { year: 2024 })).map((x) => x.id)).toEqual(['x-old2', 'x-old1']);
  });
});
