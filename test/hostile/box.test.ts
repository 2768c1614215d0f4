/**
 * The file box's own bounds (src-main/sandbox): a reading over its time is killed, one over its
 * memory is ended, a box killed from outside is noticed — each ends with the Chinese refusal, no
 * box process is left behind, this process's memory does not carry the file's cost, and the next
 * reading gets a fresh box and works. The hostile files of issue 19 reach these bounds through the
 * CLI and the bridge in hostile.test.ts; here the bounds are driven directly, so a change that
 * loosens one fails here by name.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { BOX_REFUSED } from '../../src-main/sandbox/limits';
import { runInBox, stopBoxes } from '../../src-main/sandbox/box';
import { AppError } from '../../src-shared/errors';
import { digitRunsTxt, longStringsBackup } from './files';

/** pids of this process's children (the box processes it forked) */
function children(): Set<number> {
  const out = new Set<number>();
  for (const tid of readdirSync(`/proc/${process.pid}/task`)) {
    const list = readFileSync(`/proc/${process.pid}/task/${tid}/children`, 'utf8').trim();
    for (const p of list ? list.split(/\s+/) : []) out.add(Number(p));
  }
  return out;
}

/** waits (at most 5 s) until the set of children is `expected` */
async function childrenBecome(expected: Set<number>): Promise<Set<number>> {
  for (let i = 0; i < 50; i++) {
    const now = children();
    if ([...now].every((p) => expected.has(p))) return now;
    await new Promise((r) => setTimeout(r, 100));
  }
  return children();
}

const smallReport = () => ({ fileName: '报告.txt', data: new TextEncoder().encode('横街镇2024年法治政府建设年度报告\n一、主要举措\n全年开展普法活动12次。') });

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

/** the next reading works: a fresh box reads a small report whole */
async function nextReadingWorks(): Promise<void> {
  const doc = await runInBox('report', smallReport());
  expect(JSON.stringify(doc)).toContain('全年开展普法活动12次');
}

afterAll(() => stopBoxes());

describe('the file box', () => {
  it('kills a reading that runs over its time; no box is left; the next reading works', async () => {
    const before = children();
    // a real report of 800,000 digits is read well within the normal 20 s; 30 ms is not enough even to start
    const e = await refusal(runInBox('report', { fileName: '长.txt', data: digitRunsTxt(40, 20_000) }, { timeMs: 30 }));
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toBe(BOX_REFUSED);
    expect([...(await childrenBecome(before))].filter((p) => !before.has(p))).toEqual([]);
    await nextReadingWorks();
  }, 60_000);

  it("ends a reading that runs over its memory with the caller's words, and this process does not pay for it", async () => {
    await stopBoxes();
    const before = children();
    const heapBefore = process.memoryUsage().heapUsed;
    // 190 MB of text in 190 strings: under every cheap bound (size, depth, count), but the text and
    // its parsed strings are far over the box's heap; a real backup is a few MB
    const data = longStringsBackup(190);
    const t0 = Date.now();
    const e = await refusal(runInBox('backup', { data }, { refused: '备份文件过大或已损坏，无法恢复' }));
    expect(e.message).toBe('备份文件过大或已损坏，无法恢复');
    expect(Date.now() - t0).toBeLessThan(30_000);
    // the strings were built in the box, never here
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(100 * 1024 * 1024);
    expect([...(await childrenBecome(before))].filter((p) => !before.has(p))).toEqual([]);
    await nextReadingWorks();
  }, 60_000);

  it('notices a box killed from outside while it reads (a crash of the reader), and starts a fresh one', async () => {
    await stopBoxes();
    const before = children();
    const reading = refusal(runInBox('report', { fileName: '长.txt', data: digitRunsTxt(200, 20_000) }));
    let box: number | undefined;
    for (let i = 0; i < 100 && box === undefined; i++) {
      box = [...children()].find((p) => !before.has(p));
      if (box === undefined) await new Promise((r) => setTimeout(r, 20));
    }
    expect(box, 'a box process was started').toBeDefined();
    process.kill(box!, 'SIGKILL');
    const e = await reading;
    expect(e.message).toBe(BOX_REFUSED);
    expect([...(await childrenBecome(before))].filter((p) => !before.has(p))).toEqual([]);
    await nextReadingWorks();
  }, 60_000);

  it('answers every reading when more are asked than boxes may run at once', async () => {
    const all = await Promise.all(Array.from({ length: 5 }, () => runInBox('report', smallReport())));
    for (const doc of all) expect(JSON.stringify(doc)).toContain('全年开展普法活动12次');
  }, 60_000);
});
