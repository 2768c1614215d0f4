/**
 * Issue 11 through the services, as the clerk's screens and `fazhi` reach them: drafts export with
 * missing figures while the final refuses, empty parts are not printed as bare headings, the title
 * keeps typed line breaks, the file name follows the title, and year files written before all this load.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { servicesClient, servicesPerTest } from '../support/services';
import { paragraphsOf, unzipDocx } from '../export/docxParts';

const exec = promisify(execFile);
const CLI = path.resolve('dist/main/cli.cjs');

const svc = servicesPerTest({ demo: true, now: () => new Date('2025-02-10T09:00:00') });
const call = svc.call;

/** The demo report with a figure nobody has filled in yet, in its second part. */
async function withMissingFigure() {
  const report = await call('report.get', { year: 2024 });
  report.parts[1]!.paragraphs.push('全年办理行政复议案件{{admin-review-cases}}。');
  report.parts[1]!.status = '草稿';
  await call('report.save', { year: 2024, report });
  return report;
}

const docText = (data: Uint8Array) => paragraphsOf(unzipDocx(data)['word/document.xml']!).map((p) => p.text);

describe('征求意见稿', () => {
  it('a draft with a missing value exports, marked 【待填：…】; the final export still refuses it', async () => {
    await withMissingFigure();
    await expect(call('export.docx', { year: 2024 })).rejects.toThrow(/行政复议案件/);
    const draft = await call('export.docx', { year: 2024, draft: true });
    // the transport wrote the file: now it enters the history
    await call('export.recorded', { year: 2024, id: draft.record.id });
    expect(draft.fileName).toBe('横街镇2024年法治政府建设年度报告（征求意见稿）.docx');
    expect(draft.record.draft).toBe(true);
    const files = unzipDocx(draft.data);
    expect(docText(draft.data).join('\n')).toContain('全年办理行政复议案件【待填：行政复议案件】。');
    // the part in 草稿 carries a comment naming its status
    expect(files['word/comments.xml']).toContain('本部分状态：草稿（未定稿）——二、存在的不足和原因');
    // the final refused: the history holds the draft only
    const history = await call('export.history', { year: 2024 });
    expect(history.map((h) => h.draft)).toEqual([true]);
  });

  it('fazhi export --draft writes the draft; without it the export refuses and writes nothing', async () => {
    if (!existsSync(CLI)) throw new Error('dist/main/cli.cjs missing: run npm run build first');
    await withMissingFigure();
    const out = path.join(svc.dir, 'draft.docx');
    const ok = await exec(process.execPath, [CLI, 'export', '--data', svc.dir, '--year', '2024', '--out', out, '--draft']);
    expect(ok.stdout).toContain('（征求意见稿）.docx');
    expect(docText(readFileSync(out)).join('')).toContain('【待填：行政复议案件】');
    const final = path.join(svc.dir, 'final.docx');
    await expect(exec(process.execPath, [CLI, 'export', '--data', svc.dir, '--year', '2024', '--out', final])).rejects.toMatchObject({
      stderr: expect.stringContaining('行政复议案件'),
    });
    expect(existsSync(final)).toBe(false);
  });
});

describe('what the export prints', () => {
  it('leaves out an empty 其他需要报告的情况 and an empty required part instead of printing bare headings', async () => {
    const report = await call('report.get', { year: 2024 });
    report.parts.push({ id: 'other1', heading: '其他需要报告的情况', runIn: false, paragraphs: [''], status: '草稿', contentItem: 'other', children: [] });
    report.parts[1]!.paragraphs = [];
    await call('report.save', { year: 2024, report });
    const { rendered, omitted } = await call('report.render', { year: 2024 });
    expect(rendered.blocks.filter((b) => b.level === 1).map((b) => b.number + b.heading)).toEqual([
      '一、2024年法治政府建设主要举措和成效',
      '二、党政主要负责人履行推进法治建设第一责任人职责情况',
      '三、2025年推进法治政府建设的主要安排',
    ]);
    expect(omitted).toEqual([
      { partId: report.parts[1]!.id, heading: '存在的不足和原因', contentItem: 'shortcomings', required: true, level: 1, afterPartId: expect.any(String) },
      { partId: 'other1', heading: '其他需要报告的情况', contentItem: 'other', required: false, level: 1, afterPartId: rendered.blocks.at(-1)!.partId },
    ]);
    const text = docText((await call('export.docx', { year: 2024 })).data);
    expect(text).not.toContain('二、存在的不足和原因');
    expect(text.some((t) => t.includes('其他需要报告的情况'))).toBe(false);
  });

  it('runs a level-1 heading into its paragraph when asked (no longer saved and ignored)', async () => {
    const report = await call('report.get', { year: 2024 });
    report.parts[1]!.runIn = true;
    await call('report.save', { year: 2024, report });
    const text = docText((await call('export.docx', { year: 2024 })).data);
    expect(text.find((t) => t.startsWith('二、存在的不足和原因。'))).toBeTruthy();
  });

  it('keeps the title lines the clerk typed, and names the file after the title', async () => {
    const report = await call('report.get', { year: 2024 });
    await call('report.save', { year: 2024, report: { ...report, title: '横街镇人民政府关于\r\n 2024年度法治政府建设情况的报告 \n\n' } });
    expect((await call('report.get', { year: 2024 })).title).toBe('横街镇人民政府关于\n2024年度法治政府建设情况的报告');
    const r = await call('export.docx', { year: 2024 });
    expect(r.fileName).toBe('横街镇人民政府关于2024年度法治政府建设情况的报告.docx');
    const title = /<w:p><w:pPr><w:pStyle w:val="Title"\/>[\s\S]*?<\/w:p>/.exec(unzipDocx(r.data)['word/document.xml']!)![0];
    expect([...title.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1])).toEqual(['横街镇人民政府关于', '2024年度法治政府建设情况的报告']);
    expect(title.match(/<w:br\/>/g)).toHaveLength(1);
  });

  it('prints a joint, unsealed 落款 and the 附件 stored with the report', async () => {
    const report = await call('report.get', { year: 2024 });
    await call('report.save', {
      year: 2024,
      report: {
        ...report,
        signature: { enabled: true, name: '', date: '2025-01-20', jointName: '中共横街镇委员会', sealed: false },
        attachments: [
          {
            id: 'a1',
            title: '横街镇2024年度法治政府建设指标表',
            paragraphs: ['见下表。'],
            tables: [{ id: 't1', after: 1, rows: [['指标', '数值'], ['主动公开政务信息', '{{open-total}}']], headerRows: 1, size: '五号' }],
          },
        ],
      },
    });
    const data = (await call('export.docx', { year: 2024 })).data;
    const text = docText(data);
    // the attachment's table: after its text, the figure filled in, 五号 (21 half-points)
    const xml = unzipDocx(data)['word/document.xml']!;
    const tbl = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(xml)![0];
    expect(xml.indexOf('见下表。')).toBeLessThan(xml.indexOf('<w:tbl>'));
    expect(tbl).toContain('主动公开政务信息');
    expect(tbl).toContain('55条');
    expect(tbl).toContain('<w:sz w:val="21"/>');
    const i = text.indexOf('横街镇人民政府');
    expect(text.slice(i, i + 3)).toEqual(['横街镇人民政府', '中共横街镇委员会', '2025年1月20日']);
    expect(text).toContain('附件：横街镇2024年度法治政府建设指标表');
    const page = text.lastIndexOf('附件');
    expect(text.slice(page)).toEqual(['附件', '', '横街镇2024年度法治政府建设指标表', '', '见下表。', '指标', '数值', '主动公开政务信息', '55条']);
  });
});

describe('year files from before', () => {
  it('load with no attachments, a single sealed 落款 and one-line titles', async () => {
    const file = path.join(svc.dir, 'year-2024.json');
    const raw = JSON.parse(readFileSync(file, 'utf8'));
    const body = raw.data ?? raw;
    expect(body.report.attachments).toBeUndefined();
    expect(body.report.signature.jointName).toBeUndefined();
    writeFileSync(file, JSON.stringify(raw));
    const { call: again } = await servicesClient(svc.dir, () => new Date('2025-02-10T09:00:00'));
    const report = await again('report.get', { year: 2024 });
    expect(report.title).toBe('横街镇2024年法治政府建设年度报告');
    const r = await again('export.docx', { year: 2024 });
    expect(r.fileName).toBe('横街镇2024年法治政府建设年度报告.docx');
  });
});

describe('unit kinds', () => {
  it('a 区 or 县 government can be the unit; an unknown kind is refused in Chinese, naming the kinds', async () => {
    const unit = (await call('unit.get', {}))!;
    expect((await call('unit.save', { unit: { ...unit, kind: '区', fullName: '东城区人民政府', shortName: '东城区' } })).kind).toBe('区');
    expect((await call('unit.save', { unit: { ...unit, kind: '县' } })).kind).toBe('县');
    await expect(call('unit.save', { unit: { ...unit, kind: '市' as '县' } })).rejects.toThrow('单位类型只能是镇、街道、乡、区、县');
  });
});
