/**
 * The clerk's path on the command line: `fazhi report set` stores the 报送件's fields with the year,
 * `fazhi export --edition submit|public` makes both files from one report, python-docx reads the
 * 报送件's elements back (colours, fonts, rules, sections), and the proofreader checks the fields.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/tmp';
import { hasCommand } from '../support/tools';

const CLI = path.resolve('dist/main/cli.cjs');
const PYTHON = '/usr/bin/python3';
const pyMissing = (() => {
  try {
    execFileSync(PYTHON, ['-c', 'import docx'], { stdio: 'ignore' });
    return null;
  } catch {
    return 'python-docx is not installed';
  }
})();
if (pyMissing) console.log(`skipping python-docx checks of the 报送件: ${pyMissing}`);

let dir: string;
let data: string;
let cleanup: () => Promise<void>;
const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('fazhi-submit-cli-'));
  data = path.join(dir, 'data');
  execFileSync(process.execPath, [CLI, 'demo', '--data', data]);
});
afterAll(() => cleanup());

// What a reader of the file sees, through python-docx and the XML it exposes.
const READER = String.raw`
import json, sys, docx
from docx.oxml.ns import qn
d = docx.Document(sys.argv[1])
def ea(r):
    f = r._element.rPr.rFonts if r._element.rPr is not None else None
    return f.get(qn('w:eastAsia')) if f is not None else None
def runs(p):
    return [{'text': r.text, 'color': str(r.font.color.rgb) if r.font.color and r.font.color.rgb else None,
             'size': r.font.size.pt if r.font.size else None, 'font': ea(r)} for r in p.runs]
def border(p, side):
    b = p._element.find('.//' + qn('w:pBdr') + '/' + qn('w:' + side))
    return None if b is None else {'color': b.get(qn('w:color')), 'sz': b.get(qn('w:sz'))}
out = {'sections': [], 'paragraphs': [], 'tables': []}
for s in d.sections:
    out['sections'].append({'start': str(s.start_type), 'footerLinked': s.footer.is_linked_to_previous,
        'footerXml': 'PAGE' in s.footer._element.xml, 'footerText': ''.join(p.text for p in s.footer.paragraphs)})
for p in d.paragraphs:
    out['paragraphs'].append({'text': p.text, 'runs': runs(p), 'bottom': border(p, 'bottom')})
for t in d.tables:
    b = t._element.find('.//' + qn('w:tblBorders'))
    sides = {}
    if b is not None:
        for side in ['top', 'bottom', 'insideH', 'left']:
            e = b.find(qn('w:' + side))
            sides[side] = None if e is None else {'val': e.get(qn('w:val')), 'sz': e.get(qn('w:sz'))}
    cells = [{'text': c.text, 'runs': [r for p in c.paragraphs for r in runs(p)]} for row in t.rows for c in row.cells]
    out['tables'].append({'borders': sides, 'cells': cells})
print(json.dumps(out, ensure_ascii=False))
`;
interface Run {
  text: string;
  color: string | null;
  size: number | null;
  font: string | null;
}
interface Read {
  sections: { start: string; footerLinked: boolean; footerXml: boolean; footerText: string }[];
  paragraphs: { text: string; runs: Run[]; bottom: { color: string; sz: string } | null }[];
  tables: { borders: Record<string, { val: string; sz: string } | null>; cells: { text: string; runs: Run[] }[] }[];
}
const read = (file: string): Read => JSON.parse(execFileSync(PYTHON, ['-c', READER, file], { encoding: 'utf8' })) as Read;

describe('fazhi report set / export --edition', () => {
  it('stores the 报送件 fields with the year (several 签发人) and refuses a bad date in Chinese, changing nothing', () => {
    const ok = cli('report', 'set', '--data', data, '--year', '2024', '--doc-number', '横街府〔2025〕3号', '--signer', '王建国', '--signer', '李卫东', '--cc', '县委依法治县办，县司法局', '--printer', '横街镇党政办公室', '--print-date', '2025-03-20', '--contact', '联系人：张明，电话：0571-12345678');
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('签发人：王建国、李卫东');
    const before = readFileSync(path.join(data, 'year-2024.json'), 'utf8');
    const bad = cli('report', 'set', '--data', data, '--year', '2024', '--print-date', '2025-02-30');
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/印发日期/);
    expect(bad.stderr).not.toMatch(/[A-Za-z]{6,}/);
    expect(readFileSync(path.join(data, 'year-2024.json'), 'utf8')).toBe(before);
    const report = JSON.parse(cli('report', 'show', '--data', data, '--year', '2024', '--json').stdout);
    expect(report.issuance).toMatchObject({ docNumber: '横街府〔2025〕3号', signers: ['王建国', '李卫东'], printDate: '2025-03-20' });
  });

  it('the proofreader lists what the 报送件 still lacks', () => {
    cli('report', 'set', '--data', data, '--year', '2024', '--doc-number', '横街府[2025]03号');
    const r = cli('check', '--data', data, '--year', '2024', '--json');
    const codes = (JSON.parse(r.stdout) as { code: string }[]).map((f) => f.code);
    expect(codes).toContain('doc-number');
    expect(codes).toContain('cc-ending');
    cli('report', 'set', '--data', data, '--year', '2024', '--doc-number', '横街府〔2025〕3号', '--cc', '县委依法治县办，县司法局。');
    const after = (JSON.parse(cli('check', '--data', data, '--year', '2024', '--json').stdout) as { code: string }[]).map((f) => f.code);
    expect(after).not.toContain('doc-number');
    expect(after).not.toContain('cc-ending');
  });

  it.skipIf(!!pyMissing)('exports the 报送件: red 发文机关标志, 发文字号 with 签发人 over a red rule, 版记 in an even-page section without page numbers', () => {
    const file = path.join(dir, 'submit.docx');
    const r = cli('export', '--data', data, '--year', '2024', '--out', file, '--edition', 'submit');
    expect(r.status, r.stderr).toBe(0);
    const doc = read(file);
    const mark = doc.paragraphs.find((p) => p.text === '横街镇人民政府文件')!;
    expect(mark.runs[0]).toMatchObject({ color: 'FF0000', font: '方正小标宋简体' });
    expect(mark.runs[0]!.size).toBeGreaterThanOrEqual(30);
    const number = doc.paragraphs.find((p) => p.text.includes('横街府〔2025〕3号'))!;
    expect(number.text).toMatch(/横街府〔2025〕3号\s*签发人：\s*王建国　李卫东/);
    expect(number.bottom).toEqual({ color: 'FF0000', sz: '18' });
    const signer = number.runs.find((x) => x.text.includes('王建国'))!;
    expect(signer.font).toBe('楷体_GB2312');
    expect(number.runs.find((x) => x.text === '签发人：')!.font).toBe('仿宋_GB2312');
    expect(doc.paragraphs.some((p) => p.text === '（联系人：张明，电话：0571-12345678）')).toBe(true);
    // §7.4/§7.5: the 版记 starts an even page, its footers are its own and empty
    expect(doc.sections).toHaveLength(2);
    expect(doc.sections[0]!.footerXml).toBe(true);
    expect(doc.sections[1]).toMatchObject({ start: 'EVEN_PAGE (3)', footerLinked: false, footerXml: false, footerText: '' });
    const imprint = doc.tables.at(-1)!;
    expect(imprint.borders).toMatchObject({ top: { val: 'single', sz: '8' }, insideH: { val: 'single', sz: '6' }, bottom: { val: 'single', sz: '8' }, left: { val: 'none' } });
    expect(imprint.cells.map((c) => c.text.replace(/\s+/g, ''))).toEqual(['抄送：县委依法治县办，县司法局。', '横街镇党政办公室2025年3月20日印发']);
    for (const run of imprint.cells.flatMap((c) => c.runs).filter((x) => x.text.trim())) expect(run).toMatchObject({ font: '仿宋_GB2312', size: 14 });
    // the unit remembers the 发文字号 and 抄送 for the next 报送件
    const unit = JSON.parse(readFileSync(path.join(data, 'unit.json'), 'utf8')).unit;
    expect(unit.issuing).toMatchObject({ lastDocNumber: '横街府〔2025〕3号', cc: '县委依法治县办，县司法局。', printer: '横街镇党政办公室' });
  });

  it.skipIf(!!pyMissing)('exports the 公开件 from the same report: no 版头, 签发人, 版记 or 附注, one section, the same body', () => {
    const file = path.join(dir, 'public.docx');
    const r = cli('export', '--data', data, '--year', '2024', '--out', file, '--edition', 'public');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('（公开件）.docx');
    const pub = read(file);
    const sub = read(path.join(dir, 'submit.docx'));
    expect(pub.sections).toHaveLength(1);
    const text = (d: Read) => d.paragraphs.map((p) => p.text);
    for (const t of text(pub)) for (const absent of ['签发人', '横街府〔', '联系人', '抄送', '印发']) expect(t).not.toContain(absent);
    expect(pub.paragraphs.flatMap((p) => p.runs).some((x) => x.color === 'FF0000')).toBe(false);
    const body = (d: Read) => text(d).filter((t) => t.trim() !== '');
    const subBody = body(sub).filter((t) => t !== '横街镇人民政府文件' && !t.includes('签发人') && !t.startsWith('（联系人'));
    expect(body(pub)).toEqual(subBody);
  });

  it.skipIf(!hasCommand('soffice'))('--pdf writes a PDF beside the .docx where LibreOffice is installed', () => {
    const file = path.join(dir, 'pdfsubmit.docx');
    const r = cli('export', '--data', data, '--year', '2024', '--out', file, '--edition', 'submit', '--pdf');
    expect(r.status, r.stderr).toBe(0);
    const pdf = path.join(dir, 'pdfsubmit.pdf');
    expect(existsSync(pdf)).toBe(true);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    // fonts embedded: pdffonts lists every font as emb yes
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toMatch(/\byes\b/);
    // LibreOffice starts slowly on a loaded machine: a minute is common
  }, 300_000);
});
