import { describe, expect, it } from 'vitest';
import { buildDocx } from '../../src-main/export';
import { paragraphsOf, unzipDocx } from './docxParts';
import { emptyReport, hostileReport } from './fixture';

// XML 1.0 forbids these; any of them in a part makes Word report the file as damaged.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('.docx from hostile text', () => {
  it('drops control characters and lone surrogates, keeps emoji and XML syntax as text', async () => {
    const files = unzipDocx(await buildDocx(hostileReport(), { fontPreset: 'standard' }));
    for (const [name, xml] of Object.entries(files)) expect(XML_INVALID.test(xml), name).toBe(false);
    const texts = paragraphsOf(files['word/document.xml']!).map((p) => p.text);
    expect(texts[0]).toBe('AB标题尾<&>"');
    expect(texts).toContain('县人民政府：');
    // a pasted line break makes two paragraphs; the 全角 spaces typed as an indent are dropped
    expect(texts).toContain('导语');
    expect(texts).toContain('第二行 带制表符');
    expect(texts).toContain('一、第一部分<b>加粗</b>');
    expect(texts).toContain('正文]]>结束符号😀保留');
    expect(texts).toContain('孤立代理');
    expect(texts).toContain('（一）接排标题。接排正文&amp;');
    // a run-in heading without body still prints, as a heading paragraph
    expect(texts).toContain('（二）没有正文的接排标题。');
    expect(texts).toContain('1.三级正文');
    expect(texts).toContain('（1）四级标题四级正文');
    expect(texts).toContain('换行');
    expect(texts.slice(-2)).toEqual(['青溪镇人民政府', '2026年1月1日']);
    expect(files['docProps/core.xml']).toContain('<dc:title>AB标题尾&lt;&amp;&gt;&quot;</dc:title>');
  });

  it('builds a valid file from an empty report', async () => {
    const files = unzipDocx(await buildDocx(emptyReport(), { fontPreset: 'windows' }));
    const ps = paragraphsOf(files['word/document.xml']!);
    expect(ps.length).toBeGreaterThanOrEqual(1);
    expect(files['word/document.xml']).toContain('<w:sectPr>');
  });
});
