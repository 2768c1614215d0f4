/**
 * The newcomer's path: `fazhi demo`, `fazhi export`, then open what came out — its XML, python-docx,
 * and LibreOffice's pages — and find the demo's figures and the regulation's parts in it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/tmp';
import { paragraphsOf, unzipDocx } from './docxParts';
import { libreOfficeMissing } from '../support/tools';

const CLI = path.resolve('dist/main/cli.cjs');
const noLibreOffice = libreOfficeMissing;

let dir: string;
let cleanup: () => Promise<void>;
let docx: string;
let parts: Record<string, string>;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('fazhi-demo-export-'));
  const data = path.join(dir, 'data');
  docx = path.join(dir, '横街镇2024年法治政府建设年度报告.docx');
  execFileSync(process.execPath, [CLI, 'demo', '--data', data]);
  execFileSync(process.execPath, [CLI, 'export', '--data', data, '--year', '2024', '--out', docx]);
  parts = unzipDocx(readFileSync(docx));
});
afterAll(() => cleanup());

describe('the demo report as a .docx', () => {
  it('is A4 with GB/T 9704 margins, 22-line grid and GB fonts in every style', () => {
    const doc = parts['word/document.xml']!;
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(doc).toMatch(/w:top="2098"[^>]*w:right="1474"[^>]*w:bottom="1984"[^>]*w:left="1587"/);
    expect(doc).toMatch(/<w:docGrid w:type="lines" w:linePitch="579"/);
    const styles = parts['word/styles.xml']!;
    expect(styles).toContain('w:eastAsia="仿宋_GB2312"');
    expect(styles).toContain('w:eastAsia="黑体"');
    expect(styles).toContain('w:eastAsia="楷体_GB2312"');
    expect(styles).toContain('w:ascii="Times New Roman"');
  });

  it('puts run-in sub-part headings in 楷体 and their text in 仿宋, in one paragraph', () => {
    const ps = paragraphsOf(parts['word/document.xml']!);
    const runIn = ps.find((p) => p.text.startsWith('（一）坚持依法科学民主决策。'))!;
    expect(runIn).toBeTruthy();
    expect(runIn.runs[0]!.eastAsia).toBe('楷体_GB2312');
    expect(runIn.runs.at(-1)!.eastAsia).toBe('仿宋_GB2312');
    expect(runIn.text).toContain('年初梳理形成年度重大行政决策事项目录，共列入事项8件');
  });

  it('has "— N —" page numbers, right on odd pages and left on even ones', () => {
    const footers = Object.entries(parts).filter(([k]) => /word\/footer\d+\.xml/.test(k)).map(([, v]) => v);
    expect(footers.length).toBeGreaterThanOrEqual(2);
    for (const f of footers) expect(f).toMatch(/PAGE/);
    expect(footers.some((f) => /w:jc w:val="right"/.test(f))).toBe(true);
    expect(footers.some((f) => /w:jc w:val="left"/.test(f))).toBe(true);
    expect(parts['word/settings.xml']).toContain('w:evenAndOddHeaders');
  });

  it('opens in python-docx with the title first', () => {
    const out = execFileSync('/usr/bin/python3', ['-c', 'import docx,sys; d=docx.Document(sys.argv[1]); print(d.paragraphs[0].text)', docx], { encoding: 'utf8' });
    expect(out.trim()).toBe('横街镇2024年法治政府建设年度报告');
  });
});

describe.skipIf(!!noLibreOffice)('the demo report rendered by LibreOffice', () => {
  let pdf: string;
  beforeAll(() => {
    if (noLibreOffice) return;
    execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(path.join(dir, 'lo')).href}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], {
      env: { ...process.env, FONTCONFIG_FILE: path.resolve('test/fonts/fonts.conf') },
      timeout: 180_000,
      stdio: 'ignore',
    });
    pdf = docx.replace(/\.docx$/, '.pdf');
    expect(existsSync(pdf)).toBe(true);
  }, 200_000);

  it('gives at least three A4 pages whose full pages hold 22 lines', () => {
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+/);
    for (let p = 2; p < pages; p++) {
      const text = execFileSync('pdftotext', ['-layout', '-f', String(p), '-l', String(p), pdf, '-'], { encoding: 'utf8' });
      const lines = text.split('\n').filter((l) => l.trim() && !/^\s*—\s*\d+\s*—\s*$/.test(l));
      expect(lines.length, `page ${p}`).toBe(22);
    }
  });

  it('shows all four part headings and the figures from the data', () => {
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const h of ['一、2024年法治政府建设主要举措和成效', '二、存在的不足和原因', '三、党政主要负责人履行推进法治建设第一责任人职责情况', '四、2025年推进法治政府建设的主要安排'])
      expect(text).toContain(h);
    for (const f of ['主动公开政务信息55条', '调解矛盾纠纷120起', '成功率95%', '40余次', '超过5000人', '通过率为100%', '横街镇人民政府', '2025年1月20日'])
      expect(text).toContain(f);
    expect(text).toMatch(/—1—/);
  });
});
