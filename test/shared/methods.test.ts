/**
 * The method declarations (src-shared/methods/): the contract derived from them, who may call what,
 * and `stale`. The renderer's cache is only as good as `stale`: a change that alters a read whose
 * domain it does not name leaves that screen stale. So each change is run against the real
 * services (demo data on a temp folder), every cacheable read is taken before and after, and each
 * read that answered differently must belong to a domain the change dirties.
 */
import { placeholderToken } from '../../src-shared/report/placeholders';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { servicesClient } from '../support/services';
import { tempDir } from '../support/tmp';
import { METHODS, METHOD_NAMES, isQuery, mayCall, staleAfter as dirtiedBy, type Call, type Method, type MethodInput, type QueryMethod } from '../../src-shared/contract';
import { DOMAINS, domainOf } from '../../src-shared/methods/domains';
import { createServices, dispatch } from '../../src-main/services';

const YEAR = 2024;
const TODAY = '2025-02-10';

let dir: string;
let cleanup: () => Promise<void>;
let call: Call;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  ({ call } = await servicesClient(dir, () => new Date(`${TODAY}T09:00:00`)));
  await call('demo.create', {});
  await call('years.createNext', { after: YEAR, start: 'draft' });
});
afterEach(() => cleanup());

/** Every cacheable read, with the input a screen of YEAR sends. */
const READS: { [M in QueryMethod]: MethodInput<M> } = {
  'app.info': {},
  'unit.get': {},
  'unit.drafts': {},
  'years.list': {},
  'overview.get': { year: YEAR, today: TODAY },
  'indicators.list': { year: YEAR },
  'ledger.categories': {},
  'ledger.list': { year: YEAR },
  'mediation.list': { year: YEAR },
  'report.get': { year: YEAR },
  'report.render': { year: YEAR, today: TODAY },
  'export.history': { year: YEAR },
  'plan.checklist': { year: YEAR },
  'proofread.run': { year: YEAR },
  'proofread.state': { year: YEAR },
  'data.damaged': {},
  'data.notices': {},
  'data.waiting': {},
};

/** Reads a screen of the year after shows of YEAR (its plan checklist prints YEAR's plan with YEAR's figures). */
const NEXT_YEAR_READS: { [M in QueryMethod]?: MethodInput<M> } = { 'plan.checklist': { year: YEAR + 1 } };

type ReadKey = QueryMethod | `${QueryMethod}@next`;
const methodOf = (k: ReadKey) => k.split('@')[0] as QueryMethod;

async function readAll(): Promise<Map<ReadKey, string>> {
  const out = new Map<ReadKey, string>();
  const reads: Array<[ReadKey, unknown]> = [
    ...(Object.keys(READS) as QueryMethod[]).map((m): [ReadKey, unknown] => [m, READS[m]]),
    ...(Object.keys(NEXT_YEAR_READS) as QueryMethod[]).map((m): [ReadKey, unknown] => [`${m}@next`, NEXT_YEAR_READS[m]]),
  ];
  for (const [key, input] of reads) {
    // a refusal is an answer too (plan.checklist without last year's report)
    const v = await call(methodOf(key), input as never).then(
      (x) => x,
      (e: unknown) => ({ failed: String(e) }),
    );
    out.set(key, JSON.stringify(v));
  }
  return out;
}

/** The reads that changed, each that its domain is not dirtied by `method`: must be empty. */
async function changedBy(method: Method, change: () => Promise<unknown>): Promise<{ changed: ReadKey[]; stale: ReadKey[] }> {
  const before = await readAll();
  await change();
  const after = await readAll();
  const changed = [...before.keys()].filter((m) => before.get(m) !== after.get(m));
  const dirty = new Set(dirtiedBy(method));
  return { changed, stale: changed.filter((m) => !dirty.has(domainOf(methodOf(m)))) };
}

describe('what a change makes stale', () => {
  it('classifies every contract method, reads under their own domain', () => {
    expect(Object.keys(METHODS).sort()).toEqual([...METHOD_NAMES].sort());
    for (const m of METHOD_NAMES) expect(DOMAINS).toContain(domainOf(m));
    expect(domainOf('ledger.add')).toBe('ledger');
    expect(isQuery('overview.get')).toBe(true);
    expect(isQuery('ledger.add')).toBe(false);
    // a read dirties nothing; every read READS lists is a query and vice versa
    expect(METHOD_NAMES.filter(isQuery).sort()).toEqual(Object.keys(READS).sort());
    for (const m of Object.keys(READS) as QueryMethod[]) expect(dirtiedBy(m)).toEqual([]);
    // a restore or a new demo replaces the data: every domain with cached reads of it
    for (const m of ['backup.restore', 'demo.create', 'unit.save', 'import.commit'] as const)
      for (const d of ['unit', 'years', 'overview', 'indicators', 'ledger', 'mediation', 'report', 'export', 'plan', 'proofread'] as const)
        expect(dirtiedBy(m)).toContain(d);
  });

  it('a ledger entry: every read it changed is dirtied (overview counts, indicators, the report’s figures)', async () => {
    const r = await changedBy('ledger.add', () =>
      call('ledger.add', { year: YEAR, entry: { date: '2024-05-06', category: 'pufa', title: '普法宣传进村', participants: 40 } }),
    );
    expect(r.changed).toEqual(expect.arrayContaining(['ledger.list', 'overview.get', 'indicators.list', 'years.list']));
    expect(r.stale).toEqual([]);
  });

  it('a 合法性审查 entry: the year after’s plan checklist, which prints this year’s figure, is dirtied too', async () => {
    // this year's plan cites the figure (as a clerk's plan may: “在审查{{…}}的基础上”)
    const report = await call('report.get', { year: YEAR });
    const plan = report.parts.find((p) => p.contentItem === 'nextYear')!;
    plan.paragraphs = [...plan.paragraphs, `四是在全年合法性审查${placeholderToken('legality-review', false)}的基础上扩大审查范围。`];
    await call('report.save', { year: YEAR, report });
    const r = await changedBy('ledger.add', () =>
      call('ledger.add', { year: YEAR, entry: { date: '2024-05-07', category: 'legality-review', title: '合同合法性审查' } }),
    );
    expect(r.changed).toContain('plan.checklist@next');
    expect(r.stale).toEqual([]);
  });

  it('a mediation case, an indicator, the report text, a plan mark, an ignored finding', async () => {
    const cases: Array<[Method, () => Promise<unknown>]> = [
      ['mediation.add', () => call('mediation.add', { year: YEAR, entry: { date: '2024-07-01', kind: '婚姻家庭', outcome: '成功' } })],
      ['indicators.set', () => call('indicators.set', { year: YEAR, id: 'honors', value: 3 })],
      [
        'report.save',
        async () => {
          const report = await call('report.get', { year: YEAR });
          report.parts[0]!.paragraphs = [...report.parts[0]!.paragraphs, '新增一段,带半角逗号。'];
          return call('report.save', { year: YEAR, report });
        },
      ],
      [
        'proofread.ignore',
        async () => {
          const [f] = await call('proofread.run', { year: YEAR });
          if (!f) throw new Error('demo report has no finding to ignore');
          const { findingKey } = await import('../../src-shared/proofread/finding');
          return call('proofread.ignore', { year: YEAR, key: findingKey(f) });
        },
      ],
    ];
    for (const [method, change] of cases) {
      const r = await changedBy(method, change);
      expect(r.changed.length, method).toBeGreaterThan(0);
      expect(r.stale, method).toEqual([]);
    }
  });

  it('a new year, a unit change, a recorded export', async () => {
    const unit = (await call('unit.get', {}))!;
    const cases: Array<[Method, () => Promise<unknown>]> = [
      ['years.createNext', () => call('years.createNext', { start: 'draft' })],
      ['years.createPrevious', () => call('years.createPrevious', {})],
      ['unit.save', () => call('unit.save', { unit: { ...unit, shortName: '新街镇', fullName: '新街镇人民政府' } })],
      [
        'unit.saveDrafts',
        () => call('unit.saveDrafts', { drafts: { leaders: [{ at: 0, role: '副镇长', name: '' }], villages: [], fields: {} } }),
      ],
      [
        'export.recorded',
        async () => {
          const x = await call('export.docx', { year: YEAR, today: TODAY, draft: true });
          return call('export.recorded', { year: YEAR, id: x.record.id });
        },
      ],
    ];
    for (const [method, change] of cases) {
      const r = await changedBy(method, change);
      expect(r.changed.length, method).toBeGreaterThan(0);
      expect(r.stale, method).toEqual([]);
    }
  });

  it('a draft written into an emptied report; asking for a draft changes nothing', async () => {
    const report = await call('report.get', { year: YEAR });
    await call('report.save', { year: YEAR, report: { ...report, parts: report.parts.map((p) => ({ ...p, paragraphs: [], children: [] })) } });
    const apply = await changedBy('draft.apply', () => call('draft.apply', { year: YEAR }));
    expect(apply.changed).toEqual(expect.arrayContaining(['report.get', 'proofread.run']));
    expect(apply.stale).toEqual([]);
    const make = await changedBy('draft.make', () => call('draft.make', { year: YEAR }));
    expect(make.changed).toEqual([]);
  });

  it('actions that only make or read a file change no read', async () => {
    const r = await changedBy('export.docx', () => call('export.docx', { year: YEAR, today: TODAY, draft: true }));
    expect(r.changed).toEqual([]);
    expect(dirtiedBy('export.docx')).toEqual([]);
    const b = await changedBy('backup.create', () => call('backup.create', {}));
    expect(b.changed).toEqual([]);
  });
});

describe('the declarations', () => {
  it('every method names its domain, its callers and either `read` or `stale`', () => {
    expect(METHOD_NAMES.length).toBeGreaterThan(50);
    for (const m of METHOD_NAMES) {
      const d = METHODS[m] as { callers: readonly string[]; read?: true; stale?: readonly string[] };
      expect(DOMAINS, m).toContain(domainOf(m));
      expect(d.callers.length, m).toBeGreaterThan(0);
      expect('read' in d !== 'stale' in d, m).toBe(true);
      for (const s of d.stale ?? []) expect(DOMAINS, m).toContain(s);
      // the window reaches every method a screen may use; reads are open to both transports
      if (isQuery(m)) expect(mayCall('cli', m) && mayCall('screen', m), m).toBe(true);
    }
  });

  it('dispatch refuses a method to a transport it is not declared for, before anything runs', async () => {
    const handlers = await createServices(dir, { now: () => new Date(`${TODAY}T09:00:00`) });
    const unit = (await call('unit.get', {}))!;
    const renamed = { unit: { ...unit, shortName: '新街镇', fullName: '新街镇人民政府' } };
    expect(mayCall('cli', 'unit.save')).toBe(false);
    const refused = await dispatch(handlers, 'unit.save', renamed, 'cli');
    expect(refused.ok).toBe(false);
    expect(refused.error?.message).toBe('此操作只能在法治年报的窗口中使用：unit.save');
    expect((await call('unit.get', {}))!.shortName).toBe(unit.shortName);
    // the window may; its answer names what the change made stale, so the renderer drops exactly that
    const done = await dispatch(handlers, 'unit.save', renamed, 'screen');
    expect(done.ok).toBe(true);
    expect(done.stale).toEqual(dirtiedBy('unit.save'));
    expect((await call('unit.get', {}))!.shortName).toBe('新街镇');
    // a read carries no `stale`
    expect(await dispatch(handlers, 'years.list', {}, 'cli')).not.toHaveProperty('stale');
  });
});
