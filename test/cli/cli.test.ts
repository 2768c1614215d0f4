import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotDir, tempDir } from '../support/tmp';
import { CLI, fazhi, requireBuiltCli } from '../support/fazhi';
import { servicesClient } from '../support/services';
import { openStore } from '../../src-main/store';
import { stageFiles, writeJournal } from '../../src-main/store/restoreJournal';
import { makeEntry, makeUnit, makeYear, removeDir, tempDir as makeTempDir } from '../store/fixtures';

let dir: string;
let cleanup: () => Promise<void>;
let data: string;

beforeAll(async () => {
  requireBuiltCli();
  ({ dir, cleanup } = await tempDir('fazhi-cli-'));
  data = path.join(dir, 'data');
  const r = await fazhi('demo', '--data', data);
  expect(r.code).toBe(0);
});
afterAll(() => cleanup());

describe('fazhi command line', () => {
  it('ledger add prints the new id, which ledger list then holds', async () => {
    const r = await fazhi('ledger', 'add', '--data', data, '--year', '2024', '--date', '2024-03-05', '--category', '普法宣传', '--title', '学雷锋日普法', '--village', '桥头村', '--participants', '60', '--materials', '200');
    expect(r.code).toBe(0);
    const id = r.stdout.trim();
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    const list = JSON.parse((await fazhi('ledger', 'list', '--data', data, '--year', '2024', '--json')).stdout);
    expect(list.find((e: { id: string }) => e.id === id)).toMatchObject({ title: '学雷锋日普法', participants: 60, materials: 200, category: 'pufa' });
  });

  it('indicators --json lists every indicator with value, unit and origin', async () => {
    const r = await fazhi('indicators', '--data', data, '--year', '2024', '--json');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Array<{ id: string; value: number | null; measure: string; unit: string; source: string; kind: string }>;
    expect(rows.length).toBeGreaterThanOrEqual(30);
    // scripts written before the rename read `unit`: it is still there, the same as `measure`
    expect(rows.every((x) => x.unit === x.measure)).toBe(true);
    expect(rows.find((x) => x.id === 'open-total')).toMatchObject({ value: 55, measure: '条', unit: '条', kind: 'manual' });
    expect(rows.find((x) => x.id === 'mediation-success-rate')).toMatchObject({ value: 95, measure: '%', kind: 'rate' });
    expect(rows.find((x) => x.id === 'pufa-events')!.source).toContain('台账计数');
  });

  it('export writes a .docx; backup and restore round-trip the folder', async () => {
    const out = path.join(dir, 'report.docx');
    const r = await fazhi('export', '--data', data, '--year', '2024', '--out', out, '--fonts', 'windows');
    expect(r.code, r.stderr).toBe(0);
    const bytes = await readFile(out);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');

    const bak = path.join(dir, 'backup.json');
    expect((await fazhi('backup', '--data', data, '--out', bak)).code).toBe(0);
    const before = JSON.parse((await fazhi('ledger', 'list', '--data', data, '--year', '2024', '--json')).stdout).length;
    await fazhi('ledger', 'add', '--data', data, '--year', '2024', '--date', '2024-04-01', '--category', 'pufa', '--title', '备份后新增');
    const restored = await fazhi('restore', '--data', data, '--from', bak);
    expect(restored.code, restored.stderr).toBe(0);
    const after = JSON.parse((await fazhi('ledger', 'list', '--data', data, '--year', '2024', '--json')).stdout).length;
    expect(after).toBe(before);
  });

  const bad: Array<[string, string[], RegExp]> = [
    ['unknown year', ['ledger', 'add', '--year', '2023', '--date', '2023-05-01', '--category', 'pufa', '--title', 'x'], /2023/],
    ['unknown category', ['ledger', 'add', '--year', '2024', '--date', '2024-05-01', '--category', '跳舞', '--title', 'x'], /类别/],
    ['date outside the year', ['ledger', 'add', '--year', '2024', '--date', '2025-01-01', '--category', 'pufa', '--title', 'x'], /不在2024年度内/],
    ['impossible date', ['ledger', 'add', '--year', '2024', '--date', '2024-02-30', '--category', 'pufa', '--title', 'x'], /日期/],
    ['negative count', ['ledger', 'add', '--year', '2024', '--date', '2024-05-01', '--category', 'pufa', '--title', 'x', '--participants', '-3'], /负数/],
    ['non-integer count', ['ledger', 'add', '--year', '2024', '--date', '2024-05-01', '--category', 'pufa', '--title', 'x', '--materials', '2.5'], /整数/],
    ['text for a count', ['ledger', 'add', '--year', '2024', '--date', '2024-05-01', '--category', 'pufa', '--title', 'x', '--materials', 'abc'], /数字/],
    ['unknown village', ['ledger', 'add', '--year', '2024', '--date', '2024-05-01', '--category', 'pufa', '--title', 'x', '--village', '不存在村'], /村（社区）/],
    ['missing restore file', ['restore', '--from', '/nonexistent/backup.json'], /文件不存在/],
    ['restore from a non-backup', ['restore', '--from', CLI], /备份/],
    ['unknown font preset', ['export', '--year', '2024', '--out', '/tmp/fazhi-never.docx', '--fonts', 'comic'], /字体方案/],
    ['export of an unknown year', ['export', '--year', '2031', '--out', '/tmp/fazhi-never.docx'], /2031/],
    // names Windows keeps as a device or changes: the save would land nowhere the clerk can find
    ['export named as a Windows device', ['export', '--year', '2024', '--out', '/tmp/CON.docx'], /Windows 保留的设备名/],
    ['backup named as a Windows device', ['backup', '--out', '/tmp/nul.json'], /Windows 保留的设备名/],
    ['export name ending in a dot', ['export', '--year', '2024', '--out', '/tmp/fazhi-never.docx.'], /以句点或空格结尾/],
  ];

  it.each(bad)('%s: exits non-zero with one Chinese line and changes nothing', async (_name, args, msg) => {
    const before = await snapshotDir(data);
    const r = await fazhi(...args.slice(0, args[0] === 'ledger' ? 2 : 1), '--data', data, ...args.slice(args[0] === 'ledger' ? 2 : 1));
    expect(r.code).not.toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/[\u4e00-\u9fff]/);
    expect(lines[0]).toMatch(msg);
    expect(r.stdout).toBe('');
    expect(await snapshotDir(data)).toEqual(before);
  });

  it('an unreadable data file: exits non-zero with a Chinese line and keeps the bad file', async () => {
    const { dir: d2, cleanup: c2 } = await tempDir('fazhi-cli-bad-');
    try {
      expect((await fazhi('demo', '--data', d2)).code).toBe(0);
      // no backup exists yet for a fresh demo folder beyond what the store made; corrupt the year file
      const f = path.join(d2, 'year-2024.json');
      const garbage = '{"version":1,"year":2024,"ledger":[';
      await writeFile(f, garbage);
      const r = await fazhi('ledger', 'list', '--data', d2, '--year', '2024', '--json');
      expect(r.code).not.toBe(0);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/损坏|无法读取/);
      const kept = (await snapshotDir(d2));
      // the damaged bytes survive somewhere in the folder: either in place or moved aside
      const { createHash } = await import('node:crypto');
      expect(Object.values(kept)).toContain(createHash('sha256').update(garbage).digest('hex'));
    } finally {
      await c2();
    }
  });

  it('a missing data folder is reported, not created', async () => {
    const missing = path.join(dir, 'nope');
    const r = await fazhi('ledger', 'list', '--data', missing, '--year', '2024');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('数据文件夹不存在');
    expect(existsSync(missing)).toBe(false);
  });
});

describe('fazhi output into a reader that stops early', () => {
  it('`fazhi ledger list | head -1` ends quietly: the first line, no EPIPE stack trace', async () => {
    const { dir: big, cleanup: done } = await tempDir('fazhi-cli-pipe-');
    try {
      const { call } = await servicesClient(big);
      await call('demo.create', {});
      // far more than a pipe holds (64 KB), so the CLI is still writing when head has gone
      const entries = Array.from({ length: 3000 }, (_, i) => ({ date: '2024-05-01', category: 'pufa', title: `“民法典进村居”宣传第${i + 1}场` }));
      await call('ledger.addMany', { year: 2024, entries });
      const r = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" ledger list --data "${big}" --year 2024 | head -1`], { encoding: 'utf8' });
      expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
      expect(r.stderr).not.toMatch(/EPIPE|Error|at /);
      expect(r.stderr).toBe('');
    } finally {
      await done();
    }
  });
});

describe('fazhi after the store repaired something on its own', () => {
  it('a restore cut short by a crash is finished on open, and the command says so on stderr; its output is the restored data', async () => {
    const d = await makeTempDir();
    try {
      const s = await openStore(d);
      await s.updateUnit(() => makeUnit('旧单位'));
      await s.createYear(makeYear(2024, 3));
      // the state a crash leaves after the restore was decided (journal written), before any switch
      const restored = makeYear(2024, 0);
      restored.ledger = [makeEntry('restored-1')];
      await stageFiles(d, [
        { fileName: 'unit.json', text: JSON.stringify(makeUnit('新单位')) },
        { fileName: 'year-2024.json', text: JSON.stringify(restored) },
      ]);
      await writeJournal(d, { format: 'fazhi-restore-journal', put: ['unit.json', 'year-2024.json'], aside: { 'unit.json': null, 'year-2024.json': null } });

      const r = await fazhi('ledger', 'list', '--data', d, '--year', '2024', '--json');
      expect(r.code).toBe(0);
      expect((JSON.parse(r.stdout) as Array<{ id: string }>).map((e) => e.id)).toEqual(['restored-1']);
      expect(r.stderr).toBe('提示：上次从备份恢复数据时程序意外退出，已在本次启动时完成恢复。\n');
      // told once, in the run that finished it
      expect((await fazhi('ledger', 'list', '--data', d, '--year', '2024', '--json')).stderr).toBe('');
    } finally {
      await removeDir(d);
    }
  });
});
