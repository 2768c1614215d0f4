import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDocx } from '../../src-main/export';
import { PART_HEADINGS, emptyReport, fixtureReport, hostileReport } from './fixture';

const PYTHON = '/usr/bin/python3';

function pythonDocxMissing(): string | null {
  if (!existsSync(PYTHON)) return `${PYTHON} not found`;
  try {
    execFileSync(PYTHON, ['-c', 'import docx'], { stdio: 'ignore' });
    return null;
  } catch {
    return 'python-docx is not installed';
  }
}
const skipReason = pythonDocxMissing();
if (skipReason) console.log(`skipping python-docx checks: ${skipReason}`);

// Reads each file as Word's object model would and prints what a reader sees.
const READER = String.raw`
import json, sys, docx
from docx.oxml.ns import qn
out = []
for path in sys.argv[1:]:
    d = docx.Document(path)
    s = d.sections[0]
    def ea(run):
        rpr = run._element.rPr
        f = rpr.rFonts if rpr is not None else None
        return f.get(qn('w:eastAsia')) if f is not None else None
    out.append({
        'title': d.core_properties.title,
        'author': d.core_properties.author,
        'page': [s.page_width.twips, s.page_height.twips],
        'margins': [s.top_margin.twips, s.bottom_margin.twips, s.left_margin.twips, s.right_margin.twips],
        'oddAndEven': d.settings.odd_and_even_pages_header_footer,
        'footers': [[p.text for p in s.footer.paragraphs], [p.text for p in s.even_page_footer.paragraphs]],
        'paragraphs': [{'text': p.text, 'style': p.style.name if p.style is not None else None,
                        'fonts': [ea(r) for r in p.runs]} for p in d.paragraphs],
    })
print(json.dumps(out, ensure_ascii=False))
`;

interface Read {
  title: string;
  author: string;
  page: [number, number];
  margins: number[];
  oddAndEven: boolean;
  footers: string[][];
  paragraphs: { text: string; style: string | null; fonts: (string | null)[] }[];
}

describe.skipIf(!!skipReason)('python-docx reads the exported files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fz-docx-py-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('opens the report, the hostile-text report and the empty report', async () => {
    const files: string[] = [];
    for (const [name, report] of [
      ['report', fixtureReport()],
      ['hostile', hostileReport()],
      ['empty', emptyReport()],
    ] as const) {
      const f = join(dir, `${name}.docx`);
      writeFileSync(f, await buildDocx(report, { fontPreset: 'standard' }));
      files.push(f);
    }
    const out = execFileSync(PYTHON, ['-c', READER, ...files], { encoding: 'utf8', timeout: 60_000 });
    const [report, hostile, empty] = JSON.parse(out) as [Read, Read, Read];

    expect(report.title).toBe('青溪镇2025年法治政府建设年度报告');
    expect(report.author).toBe('青溪镇人民政府');
    expect(report.page).toEqual([11906, 16838]);
    expect(report.margins).toEqual([2098, 1984, 1587, 1474]);
    expect(report.oddAndEven).toBe(true);
    expect(report.footers).toEqual([['—  —'], ['—  —']]); // PAGE field's value is left to Word
    const texts = report.paragraphs.map((p) => p.text);
    for (const h of PART_HEADINGS) expect(texts).toContain(h);
    const runIn = report.paragraphs.find((p) => p.text.startsWith('（二）规范行政执法行为。'))!;
    expect(runIn.fonts).toEqual(['楷体_GB2312', '仿宋_GB2312']);
    expect(report.paragraphs.find((p) => p.text === PART_HEADINGS[1])!.style).toBe('Heading 1');

    expect(hostile.title).toBe('AB标题尾<&>"');
    expect(hostile.paragraphs[0]!.text).toBe('AB标题尾<&>"');
    expect(hostile.paragraphs.map((p) => p.text)).toContain('正文]]>结束符号😀保留');
    expect(empty.paragraphs.length).toBeGreaterThanOrEqual(1);
  });
});
