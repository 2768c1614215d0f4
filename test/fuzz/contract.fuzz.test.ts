import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES, type Handlers } from '../../src-shared/contract';
import { LEDGER_CATEGORY_IDS } from '../../src-shared/catalog/ledgerCategories';
import { createServices, dispatch } from '../../src-main/services';
import { snapshotDir, tempDir } from '../support/tmp';

const exec = promisify(execFile);
const USER_ERRORS = new Set(['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'MISSING_VALUE']);
const RUNS = Number(process.env.FAZHI_FUZZ_RUNS ?? 100);

let dir: string;
let cleanup: () => Promise<void>;
let h: Handlers;
const counts: Record<string, { ok: number; refused: number }> = {};

// Strings a careless paste or a hostile caller may send.
const evilString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }) },
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('\u202E反转\u202C', '\u0000\u0001\u0008\u000B', '\uD800', '\uDFFF孤', '👨‍👩‍👧‍👦普法', '\uFEFF', '\uFFFE\uFFFF', '<w:t>&amp;</w:t>', '{{open-total}}', '{{nope}}', ''),
  fc.constant('长'.repeat(100_000)),
);
const evilNumber = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(Number.NaN, Infinity, -Infinity, -1, 1e300, -0, 2 ** 53, 0.5));
const evil = fc.oneof(evilString, evilNumber, fc.anything({ maxDepth: 2 }));
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
/** valid values most of the time, so accepted calls (and their writes) are exercised too */
const mostly = <T, U>(valid: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) => fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: bad });
const year = fc.oneof({ weight: 4, arbitrary: fc.constant(2024) }, { weight: 1, arbitrary: evil });
const date = mostly(
  fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([m, d]) => `2024-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  fc.oneof(fc.constantFrom('2023-12-31', '2025-01-01', '2024-13-01', '2024-02-30', '24-1-1'), evilString),
);

// Calls shaped like the real ones, with hostile values in their fields.
const shaped: Record<string, fc.Arbitrary<unknown>> = {
  'ledger.add': fc.record({
    year,
    entry: fc.record({
      date,
      category: mostly(fc.constantFrom(...LEDGER_CATEGORY_IDS), evilString),
      title: evilString,
      villageId: maybe(mostly(fc.constantFrom('v01', 'v15'), evilString)),
      participants: maybe(mostly(fc.nat(5000), evilNumber)),
      materials: maybe(mostly(fc.nat(5000), evilNumber)),
      note: maybe(evilString),
    }),
  }),
  'mediation.add': fc.record({
    year,
    entry: fc.record({ date, kind: mostly(fc.constantFrom('邻里纠纷', '其他'), evilString), outcome: mostly(fc.constantFrom('成功', '未成功', '调解中'), evilString), villageId: maybe(mostly(fc.constantFrom('v02'), evilString)), note: maybe(evilString) }),
  }),
  // spreadsheet import (issue 9): random bytes as .xlsx/.csv, zips that are not workbooks, hostile mappings
  'sheet.preview': fc.record({
    kind: mostly(fc.constantFrom('ledger', 'mediation'), evilString),
    fileName: fc.oneof(fc.constantFrom('台账.xlsx', 'a.csv', 'x.xls', '', 'noext'), evilString),
    data: fc.oneof(
      fc.uint8Array({ maxLength: 3000 }),
      fc.uint8Array({ maxLength: 3000 }).map((b) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...b])),
      fc.uint8Array({ maxLength: 3000 }).map((b) => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...b])),
      fc.array(fc.array(evilString, { maxLength: 5 }), { maxLength: 8 }).map((rows) => new TextEncoder().encode(['日期,类别,活动名称', ...rows.map((r) => r.join(','))].join('\n'))),
    ),
    year,
    mapping: maybe(fc.dictionary(evilString, fc.oneof(fc.constantFrom('date', 'title', null), evilString), { maxKeys: 3 })),
  }),
  'ledger.addMany': fc.record({
    year,
    entries: fc.array(
      fc.record({ date, category: mostly(fc.constantFrom(...LEDGER_CATEGORY_IDS), evilString), title: evilString, villageId: maybe(mostly(fc.constantFrom('v01'), evilString)) }),
      { maxLength: 4 },
    ),
  }),
  'xlsx.export': fc.record({ year, sheets: maybe(fc.array(mostly(fc.constantFrom('ledger', 'mediation', 'indicators'), evilString), { maxLength: 4 })) }),
  'indicators.set': fc.record({ year, id: fc.oneof(fc.constantFrom('open-total', 'correction-check-rate', 'pufa-events'), evilString), value: fc.oneof(evilNumber, fc.constant(null)), wording: fc.oneof(fc.constantFrom('40余', '超过5000'), evilString) }),
  'report.save': fc.record({
    year,
    report: fc.record({
      title: evilString,
      recipient: maybe(evilString),
      preamble: maybe(fc.array(evilString, { maxLength: 2 })),
      parts: fc.array(
        fc.record({
          id: fc.oneof(fc.constantFrom('p1', 'p2', 'p3'), evilString),
          heading: evilString,
          runIn: fc.oneof(fc.boolean(), evil),
          paragraphs: fc.array(evilString, { maxLength: 3 }),
          status: fc.oneof(fc.constantFrom('草稿', '定稿'), evilString),
          children: fc.constant([]),
        }),
        { maxLength: 3 },
      ),
    }),
  }),
  'unit.save': fc.record({
    unit: fc.record({
      shortName: fc.oneof(fc.constant('横街镇'), evilString),
      fullName: fc.oneof(fc.constant('横街镇人民政府'), evilString),
      kind: fc.oneof(fc.constantFrom('镇', '街道'), evilString),
      villages: fc.array(fc.record({ id: fc.oneof(fc.constantFrom('v01', 'v02'), evilString), name: evilString, kind: fc.constantFrom('村', '社区') }), { maxLength: 3 }),
      recipient: maybe(evilString),
    }),
  }),
};

async function call(method: unknown, input: unknown) {
  const r = await dispatch(h, method, input);
  const key = typeof method === 'string' ? method.slice(0, 40) : `(${typeof method})`;
  counts[key] ??= { ok: 0, refused: 0 };
  if (r.ok) counts[key].ok++;
  else {
    counts[key].refused++;
    expect(USER_ERRORS.has(r.error!.code), `${key}: ${r.error!.code} ${r.error!.message}`).toBe(true);
    expect(r.error!.message).toMatch(/[\u4e00-\u9fff]/);
    expect(r.error!.message.length).toBeLessThan(600);
  }
  return r;
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('fazhi-fuzz-'));
  h = await createServices(dir);
  await dispatch(h, 'demo.create', {});
});
afterAll(async () => {
  console.log(`fuzz: ${Object.values(counts).reduce((n, c) => n + c.ok + c.refused, 0)} calls`, JSON.stringify(counts));
  await cleanup();
});

describe('hostile input to every contract call', () => {
  it('unknown method names and random inputs are refused with a Chinese message, never an internal error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...METHOD_NAMES.filter((m) => m !== 'demo.create' && m !== 'backup.restore')), fc.anything({ maxDepth: 3 }), async (m, input) => {
        await call(m, input);
      }),
      { numRuns: RUNS * 10 },
    );
    await fc.assert(fc.asyncProperty(evil, fc.anything(), async (m, input) => void (await call(m, input))), { numRuns: RUNS });
  }, 300_000);

  for (const [method, arb] of Object.entries(shaped)) {
    it(`${method}: hostile field values either succeed or get a clear refusal; the data stays valid`, async () => {
      await fc.assert(fc.asyncProperty(arb, async (input) => void (await call(method, input))), { numRuns: RUNS * 3 });
      const fresh = await createServices(dir);
      for (const m of ['unit.get', 'years.list'] as const) expect((await dispatch(fresh, m, {})).ok).toBe(true);
      const list = await dispatch(fresh, 'ledger.list', { year: 2024 });
      expect(list.ok, list.error?.message).toBe(true);
    }, 300_000);
  }

  it('whatever was accepted exports to a .docx that LibreOffice opens', async () => {
    // a report made only of the hostile text that the services accepted
    const r = await dispatch(h, 'report.get', { year: 2024 });
    expect(r.ok).toBe(true);
    const nasty = ['\u202E反转\u202C', '\u0001控制\u0008字符', '孤\uD800立', '👨‍👩‍👧‍👦', '<w:t>&amp;"\'', '\uFFFE'];
    const saved = await dispatch(h, 'report.save', {
      year: 2024,
      report: { title: `标题${nasty.join('')}`, parts: [{ id: 'z1', heading: nasty.join(' '), runIn: false, paragraphs: [nasty.join(''), '长'.repeat(5000)], status: '草稿', children: [{ id: 'z2', heading: nasty[0]!, runIn: true, paragraphs: [nasty[4]!], status: '草稿', children: [] }] }] },
    });
    expect(saved.ok, saved.error?.message).toBe(true);
    const ex = await dispatch(h, 'export.docx', { year: 2024 });
    expect(ex.ok, ex.error?.message).toBe(true);
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'fazhi-fuzz-lo-'));
    try {
      const docx = path.join(tmp, 'fuzz.docx');
      await writeFile(docx, (ex.value as { data: Uint8Array }).data);
      const py = await exec('/usr/bin/python3', ['-c', 'import docx,sys; d=docx.Document(sys.argv[1]); print(len(d.paragraphs))', docx]).catch((e) => e);
      expect(py.stderr ?? '', 'python-docx must open it').toBe('');
      try {
        await exec('soffice', ['--version']);
      } catch {
        console.log('skipped LibreOffice check: soffice not installed');
        return;
      }
      await exec('soffice', [`-env:UserInstallation=file://${tmp}/lo`, '--headless', '--convert-to', 'pdf', '--outdir', tmp, docx], { timeout: 120_000 });
      const pdf = await readFile(path.join(tmp, 'fuzz.pdf'));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const { stdout } = await exec('pdftotext', [path.join(tmp, 'fuzz.pdf'), '-']);
      expect(stdout).toContain('长长长长');
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  }, 180_000);
});

describe('backup files from outside', () => {
  it('truncated, not JSON, other versions and hand-edited wrong types are refused and change nothing', async () => {
    const made = await dispatch(h, 'backup.create', {});
    expect(made.ok).toBe(true);
    const good = new TextDecoder().decode((made.value as { data: Uint8Array }).data);
    const parsed = JSON.parse(good);
    const bad: string[] = [
      good.slice(0, Math.floor(good.length / 2)),
      'not json at all',
      '',
      JSON.stringify({ ...parsed, version: 99 }),
      JSON.stringify({ ...parsed, format: 'something-else' }),
      JSON.stringify({ ...parsed, unit: { ...parsed.unit, villages: 'many' } }),
      JSON.stringify({ ...parsed, unit: { ...parsed.unit, shortName: 42 } }),
      JSON.stringify({ ...parsed, years: { 2024: { ...parsed.years['2024'], ledger: [{ id: 1, date: 'yesterday' }] } } }),
    ];
    const before = await snapshotDir(dir);
    for (const b of bad) {
      for (const m of ['backup.inspect', 'backup.restore'] as const) {
        const r = await dispatch(h, m, { data: new TextEncoder().encode(b) });
        expect(r.ok, `accepted: ${b.slice(0, 80)}`).toBe(false);
        expect(r.error!.code).toBe('VALIDATION');
        expect(r.error!.message).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        const r = await dispatch(h, 'backup.restore', { data: bytes });
        expect(r.ok).toBe(false);
      }),
      { numRuns: RUNS },
    );
    expect(await snapshotDir(dir)).toEqual(before);
  }, 120_000);
});
