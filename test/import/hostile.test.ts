import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import type { Handlers } from '../../src-shared/contract';
import { ReportSchema } from '../../src-shared/domain/report';
import { createServices, dispatch } from '../../src-main/services';
import { tempDir } from '../support/tmp';

const USER_ERRORS = new Set(['VALIDATION', 'NOT_FOUND', 'CONFLICT']);
const RUNS = Number(process.env.FAZHI_FUZZ_RUNS ?? 100);
let h: Handlers;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  let dir: string;
  ({ dir, cleanup } = await tempDir('fazhi-import-fuzz-'));
  h = await createServices(dir);
});
afterAll(() => cleanup());

const MAGIC: Record<string, number[]> = {
  none: [],
  zip: [0x50, 0x4b, 0x03, 0x04],
  cfb: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
  bom: [0xef, 0xbb, 0xbf],
  utf16: [0xff, 0xfe],
  png: [0x89, 0x50, 0x4e, 0x47],
};

function expectUserRefusalOrReport(r: Awaited<ReturnType<typeof dispatch>>) {
  if (r.ok) {
    const p = r.value as { report: unknown };
    expect(ReportSchema.safeParse(p.report).success).toBe(true);
  } else {
    expect(USER_ERRORS.has(r.error!.code), `${r.error!.code} ${r.error!.message}`).toBe(true);
    expect(r.error!.message).toMatch(/[\u4e00-\u9fff]/);
  }
}

describe('hostile files to import.preview', () => {
  it('random bytes behind any magic number and name: a report or a Chinese refusal, never an internal error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(MAGIC)),
        fc.uint8Array({ maxLength: 3000 }),
        fc.constantFrom('a.docx', 'a.doc', 'a.txt', 'a.wps', 'a', 'a.DOCX', '报告.TXT', 'x.pdf'),
        async (magic, body, fileName) => {
          const data = new Uint8Array([...MAGIC[magic]!, ...body]);
          expectUserRefusalOrReport(await dispatch(h, 'import.preview', { fileName, data }));
        },
      ),
      { numRuns: RUNS * 3 },
    );
  });

  it('zips that are nearly Word documents are refused in Chinese', async () => {
    const nearly: Array<Record<string, Uint8Array>> = [{ 'word/document.xml': strToU8('<w:document>') }, { '[Content_Types].xml': strToU8('<Types/>') }, { 'word/document.xml': strToU8('') }];
    for (const files of nearly) {
      const r = await dispatch(h, 'import.preview', { fileName: 'a.docx', data: zipSync(files) });
      expectUserRefusalOrReport(r);
    }
  });

  it('any text: a valid report that commits', async () => {
    const line = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 80 }),
      fc.constantFrom('一、', '（一）标题。正文', '(二)x', '1.', '1.5万人', '十、', '二〇二五年一月十日', '横街镇人民政府', '主送：', '一是；二是；', '{{open-total}}', '\u0000\u0008', '长'.repeat(30000)),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 40 }), async (lines) => {
        const data = new TextEncoder().encode(lines.join('\n'));
        const r = await dispatch(h, 'import.preview', { fileName: 'a.txt', data, year: 2030 });
        expectUserRefusalOrReport(r);
        if (!r.ok) return;
        const p = r.value as { report: import('../../src-shared/domain/report').Report };
        const c = await dispatch(h, 'import.commit', { year: 2030, report: p.report, mode: 'replace', unit: { shortName: '测试镇', fullName: '测试镇人民政府', kind: '镇' } });
        expectUserRefusalOrReport(c.ok ? { ok: true, value: { report: (c.value as { report: unknown }).report } } : c);
      }),
      { numRuns: RUNS },
    );
  });
});
