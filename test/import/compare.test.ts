import { describe, expect, it } from 'vitest';
import type { RenderedReport } from '../../src-shared/domain/rendered';
import { flattenParts } from '../../src-shared/text/walk';
import { servicesPerTest } from '../support/services';
import { snapshotDir } from '../support/tmp';
import { styledDocx, type StyledLine } from './files';

const svc = servicesPerTest({ demo: true, prefix: 'fazhi-compare-' });
const call = svc.call;

/** The printed report as a Word file, after `edit` changed its lines the way a leader would in Word. */
async function leaderCopy(r: RenderedReport, edit: (lines: string[]) => string[], track?: StyledLine['track']): Promise<Uint8Array<ArrayBuffer>> {
  const lines: string[] = [r.title, ...r.preamble];
  for (const b of r.blocks) {
    if (b.runIn && b.paragraphs.length) lines.push(`${b.number}${b.heading}${b.paragraphs[0]}`, ...b.paragraphs.slice(1));
    else lines.push(`${b.number}${b.heading}`, ...b.paragraphs);
  }
  if (r.signature) lines.push(r.signature.name, r.signature.date);
  return styledDocx(edit(lines).map((text): StyledLine => (track && text.includes(track.del) ? { text, track } : { text })));
}

describe('import.compare and import.applyCompare', () => {
  it('shows each changed part with word changes; taking one keeps placeholders whose figure is unchanged', async () => {
    const { rendered } = await call('report.render', { year: 2024 });
    const data = await leaderCopy(rendered, (lines) =>
      lines.map((l) =>
        l
          // a reworded sentence in a paragraph holding {{adviser-hired}} and others
          .replace('每项决策均经过公众参与', '每项决策都严格经过公众参与')
          // a figure the leader corrected: 55条 → 60条
          .replace('主动公开政务信息55条', '主动公开政务信息60条')
          // a reworded heading
          .replace('扎实开展普法宣传', '深入开展普法宣传'),
      ),
    );
    const before = await snapshotDir(svc.dir);
    const cmp = await call('import.compare', { year: 2024, fileName: '领导修改稿.docx', data });
    expect(await snapshotDir(svc.dir)).toEqual(before);
    const ours = await call('report.get', { year: 2024 });
    const [decide, , open, pufa] = ours.parts[0]!.children;
    const byKey = Object.fromEntries(cmp.parts.map((p) => [p.key, p]));
    expect(byKey.title!.status).toBe('same');
    expect(byKey.preamble!.status).toBe('same');
    expect(cmp.parts.filter((p) => p.status !== 'same').map((p) => p.key).sort()).toEqual([decide!.id, open!.id, pufa!.id].sort());
    expect(cmp.changedCount).toBe(3);

    const d = byKey[decide!.id]!;
    expect(d.number).toBe('（一）');
    expect(d.changes.filter((s) => s.kind === 'added').map((s) => s.text).join('')).toContain('都严格');
    expect(d.changes.filter((s) => s.kind === 'removed').map((s) => s.text).join('')).toContain('均');
    // every figure in the paragraph is unchanged: all its placeholders kept
    expect(d.keptPlaceholders).toBe(4);
    expect(d.merged[0]).toBe(decide!.paragraphs[0]!.replace('每项决策均经过公众参与', '每项决策都严格经过公众参与'));

    const o = byKey[open!.id]!;
    expect(o.ours[0]).toContain('主动公开政务信息55条');
    expect(o.theirs[0]).toContain('主动公开政务信息60条');
    // the changed figure is text now; the unchanged ones stay placeholders
    expect(o.merged[0]).toContain('主动公开政务信息60条');
    expect(o.merged[0]).not.toContain('{{open-total}}');
    expect(o.merged[0]).toContain('{{open-emergency}}');
    expect(o.merged[0]).toContain('{{adviser-lectures}}');

    expect(byKey[pufa!.id]).toMatchObject({ heading: '扎实开展普法宣传', theirsHeading: '深入开展普法宣传', status: 'changed' });

    // take two of the three; the third is left as it was
    const r = await call('import.applyCompare', { year: 2024, fileName: '领导修改稿.docx', data, take: [decide!.id, pufa!.id] });
    expect(r.taken).toEqual([decide!.id, pufa!.id]);
    const after = await call('report.get', { year: 2024 });
    const parts = flattenParts(after.parts);
    expect(parts.find((p) => p.id === decide!.id)!.paragraphs).toEqual(d.merged);
    expect(parts.find((p) => p.id === pufa!.id)!.heading).toBe('深入开展普法宣传');
    expect(parts.find((p) => p.id === pufa!.id)!.paragraphs).toEqual(pufa!.paragraphs);
    expect(parts.find((p) => p.id === open!.id)!.paragraphs).toEqual(open!.paragraphs);
    const printed = (await call('report.render', { year: 2024 })).rendered.blocks.find((b) => b.partId === decide!.id)!.paragraphs[0]!;
    expect(printed).toContain('每项决策都严格经过公众参与');
    expect(printed).toBe(rendered.blocks.find((b) => b.partId === decide!.id)!.paragraphs[0]!.replace('每项决策均经过公众参与', '每项决策都严格经过公众参与'));
  });

  it('a leader’s tracked changes (修订, not yet accepted) read as accepted', async () => {
    const { rendered } = await call('report.render', { year: 2024 });
    const data = await leaderCopy(rendered, (l) => l, { del: '每项决策均经过', ins: '每项决策都严格经过' });
    const cmp = await call('import.compare', { year: 2024, fileName: '修订稿.docx', data });
    const changed = cmp.parts.filter((p) => p.status !== 'same');
    expect(changed).toHaveLength(1);
    expect(changed[0]!.theirs[0]).toContain('每项决策都严格经过公众参与');
    expect(changed[0]!.theirs[0]).not.toContain('均经过');
  });

  it('a part the leader added or deleted can be taken too; unknown keys are refused with nothing written', async () => {
    const { rendered } = await call('report.render', { year: 2024 });
    const data = await leaderCopy(rendered, (lines) => {
      const out = lines.filter((l) => !l.startsWith('二、存在的不足和原因') && !l.startsWith('对照法治政府建设的要求'));
      const at = out.findIndex((l) => l.startsWith('四、'));
      out.splice(at, 0, '三、其他需要报告的情况', '本年度无其他需要报告的情况。');
      return out.map((l) => l.replace(/^三、党政/, '二、党政').replace(/^四、/, '四、'));
    });
    const cmp = await call('import.compare', { year: 2024, fileName: 'x.docx', data });
    const removed = cmp.parts.find((p) => p.status === 'removed')!;
    const added = cmp.parts.find((p) => p.status === 'added')!;
    expect(removed.heading).toBe('存在的不足和原因');
    expect(added).toMatchObject({ theirsHeading: '其他需要报告的情况', theirs: ['本年度无其他需要报告的情况。'] });

    const before = await snapshotDir(svc.dir);
    await expect(call('import.applyCompare', { year: 2024, fileName: 'x.docx', data, take: ['no-such-key'] })).rejects.toThrow('重新对比');
    expect(await snapshotDir(svc.dir)).toEqual(before);

    await call('import.applyCompare', { year: 2024, fileName: 'x.docx', data, take: [removed.key, added.key] });
    const after = await call('report.get', { year: 2024 });
    expect(after.parts.map((p) => p.heading)).toEqual([
      '2024年法治政府建设主要举措和成效',
      '党政主要负责人履行推进法治建设第一责任人职责情况',
      '其他需要报告的情况',
      '2025年推进法治政府建设的主要安排',
    ]);
    expect(after.parts[2]).toMatchObject({ contentItem: 'other', paragraphs: ['本年度无其他需要报告的情况。'], status: '草稿' });
  });

  it('takes or leaves each change of a part on its own; the figure left unchanged stays a placeholder', async () => {
    const { rendered } = await call('report.render', { year: 2024 });
    // two changes in one paragraph (a corrected figure, a reworded phrase), one in another part
    const data = await leaderCopy(rendered, (lines) =>
      lines.map((l) =>
        l
          .replace('每项决策均经过公众参与', '每项决策都严格经过公众参与')
          .replace('主动公开政务信息55条', '主动公开政务信息60条')
          .replace('公开内容做到及时、准确、完整', '公开内容及时准确完整'),
      ),
    );
    const cmp = await call('import.compare', { year: 2024, fileName: '逐处.docx', data });
    const ours = await call('report.get', { year: 2024 });
    const open = ours.parts[0]!.children[2]!;
    const o = cmp.parts.find((p) => p.key === open.id)!;
    const decide = cmp.parts.find((p) => p.key === ours.parts[0]!.children[0]!.id)!;
    // the spans say which change they belong to; every change has its number
    const numbers = [...new Set(o.changes.filter((s) => s.kind !== 'same').map((s) => s.change))];
    expect(numbers).toEqual([...Array(o.changeCount).keys()]);
    const figure = o.changes.find((s) => s.kind === 'added' && s.text.includes('60'))!.change!;
    // the open-government part: leave the figure; the decision part: take its only change by number
    const take = [...Array(o.changeCount).keys()].filter((n) => n !== figure).map((n) => `${open.id}#${n}`);
    await expect(call('import.applyCompare', { year: 2024, fileName: '逐处.docx', data, take: [`${open.id}#${o.changeCount}`] })).rejects.toThrow('重新对比');
    await call('import.applyCompare', { year: 2024, fileName: '逐处.docx', data, take: [...take, `${decide.key}#0`] });
    const after = flattenParts((await call('report.get', { year: 2024 })).parts);
    // the figure left as it was is still the placeholder (it follows the data), the rest as the leader wrote it
    expect(o.changeCount).toBeGreaterThanOrEqual(2);
    const kept = after.find((p) => p.id === open.id)!.paragraphs;
    expect(kept).toEqual(open.paragraphs.map((t) => t.replace('公开内容做到及时、准确、完整', '公开内容及时准确完整')));
    expect(after.find((p) => p.id === decide.key)!.paragraphs).toEqual(decide.merged);
    const printed = (await call('report.render', { year: 2024 })).rendered.blocks;
    expect(printed.find((b) => b.partId === decide.key)!.paragraphs[0]).toContain('每项决策都严格经过公众参与');
    expect(printed.find((b) => b.partId === open.id)!.paragraphs[0]).toContain('主动公开政务信息55条');
    expect(printed.find((b) => b.partId === open.id)!.paragraphs[0]).toContain('公开内容及时准确完整');
  });
});
