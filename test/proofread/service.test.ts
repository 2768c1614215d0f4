import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { servicesClient, servicesPerTest } from '../support/services';
import { findingKey, type Finding } from '../../src-shared/proofread/finding';
import { openStore } from '../../src-main/store';

const svc = servicesPerTest({ demo: true, now: () => new Date('2025-02-10T09:00:00'), prefix: 'fz-proof-' });
const call = svc.call;

async function slip(text: string) {
  const report = await call('report.get', { year: 2024 });
  report.parts[1]!.paragraphs = [text];
  await call('report.save', { year: 2024, report });
  return report.parts[1]!;
}

const onDisk = async () => JSON.parse(await readFile(path.join(svc.dir, 'year-2024.json'), 'utf8')) as unknown;

describe('proofread.run', () => {
  it('finds nothing in the demo report', async () => {
    expect(await call('proofread.run', { year: 2024 })).toEqual([]);
  });

  it('returns structured findings with where they sit', async () => {
    const part = await slip('全年开展各类普法宣传活动20次,依法依法行政。');
    const fs = await call('proofread.run', { year: 2024 });
    expect(fs.map((f) => f.code).sort()).toEqual(['duplicate-phrase', 'half-width', 'text-vs-data']);
    expect(fs.find((f) => f.code === 'text-vs-data')).toMatchObject({
      severity: '错误',
      partId: part.id,
      field: 'body',
      paragraph: 0,
      offset: 12,
      length: 3,
      excerpt: '20次',
      where: '存在的不足和原因',
      fix: { replacement: '{{pufa-events}}' },
    });
  });

  it('ignoring a finding keeps it out for this year, on disk, until it is brought back', async () => {
    await slip('坚持依法依法行政。');
    const [f] = await call('proofread.run', { year: 2024 });
    const key = findingKey(f!);
    const state = await call('proofread.ignore', { year: 2024, key });
    expect(state.ignored).toEqual([key]);
    expect(await call('proofread.run', { year: 2024 })).toEqual([]);
    expect(JSON.stringify(await onDisk())).toContain(JSON.stringify(key).slice(1, -1));
    // ignoring twice stores it once
    expect((await call('proofread.ignore', { year: 2024, key })).ignored).toEqual([key]);
    expect((await call('proofread.unignore', { year: 2024, key })).ignored).toEqual([]);
    expect(await call('proofread.run', { year: 2024 })).toHaveLength(1);
  });

  it('includes what an import stored while its text is there', async () => {
    const part = await slip('全年开展法治讲座多场。');
    const imported: Finding = {
      code: 'numbering',
      severity: '错误',
      message: '导入时发现序号不连续',
      partId: part.id,
      field: 'body',
      paragraph: 0,
      offset: 2,
      length: 4,
      excerpt: '开展法治',
    };
    const store = await openStore(svc.dir);
    await store.updateYear(2024, (d) => {
      d.proofreading.imported.push(imported);
    });
    const fresh = (await servicesClient(svc.dir)).call;
    expect(await fresh('proofread.run', { year: 2024 })).toEqual([{ ...imported, where: '存在的不足和原因' }]);
    expect((await fresh('proofread.state', { year: 2024 })).imported).toEqual([imported]);
  });

  it('refuses a bad year or key in Chinese and writes nothing', async () => {
    await expect(call('proofread.run', { year: 2031 })).rejects.toThrow(/没有2031年度的数据/);
    await expect(call('proofread.ignore', { year: 2024, key: '' })).rejects.toThrow(/校对项标识不能为空/);
  });
});

describe('where the findings show up', () => {
  it('the overview lists them (no plain strings)', async () => {
    await slip('坚持依法依法行政。');
    const ov = await call('overview.get', { year: 2024 });
    expect(ov.warnings).toEqual([expect.objectContaining({ code: 'duplicate-phrase', where: '存在的不足和原因' })]);
    expect(ov.notices).toEqual([]);
  });

  it('an export with errors open still works, and its record says how many were open', async () => {
    await slip('全年开展各类普法宣传活动20次,依法依法行政。');
    const r = await call('export.docx', { year: 2024 });
    // the record returned is the one the export history keeps
    expect(r.record.openFindings).toEqual({ errors: 2, reminders: 1 });
    expect(r.data.byteLength).toBeGreaterThan(1000);
  });
});

describe('year files written before 校对', () => {
  it('an export record without openFindings loads as 0/0', async () => {
    const { ExportRecordSchema } = await import('../../src-shared/domain/year');
    const old = { id: 'x1', at: '2025-01-20T08:00:00.000Z', fileName: '横街镇2024年法治政府建设年度报告.docx', fontPreset: 'standard', snapshot: { title: 't', recipient: '', preamble: [], blocks: [], signature: null } };
    expect(ExportRecordSchema.parse(old).openFindings).toEqual({ errors: 0, reminders: 0 });
  });
});
