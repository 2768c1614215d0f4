import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UNIT_FILE_VERSION, YEAR_FILE_VERSION, type YearData } from '../../src-shared/domain/year';
import type { LedgerEntry } from '../../src-shared/domain/ledger';
import type { UnitFile } from '../../src-main/store';

export async function tempDir(prefix = 'fazhi-store-'): Promise<string> {
  return fsp.mkdtemp(path.join(os.tmpdir(), prefix));
}

export async function removeDir(dir: string): Promise<void> {
  await fsp.rm(dir, { recursive: true, force: true });
}

export function makeUnit(fullName = '青山镇人民政府'): UnitFile {
  return {
    version: UNIT_FILE_VERSION,
    unit: {
      shortName: '青山镇',
      fullName,
      kind: '镇',
      villages: [
        { id: 'v1', name: '东村', kind: '村' },
        { id: 'v2', name: '西街社区', kind: '社区' },
      ],
      leaders: [{ role: '党委书记', name: '张三' }],
      recipient: '',
      fontPreset: 'standard',
      signatureName: '',
      customIndicators: [],
    },
  };
}

export function makeEntry(id: string, year = 2024, i = 0): LedgerEntry {
  const month = String((i % 12) + 1).padStart(2, '0');
  const day = String((i % 28) + 1).padStart(2, '0');
  return {
    id,
    date: `${year}-${month}-${day}`,
    category: 'pufa',
    title: `普法宣传进村第${i + 1}次`,
    villageId: 'v1',
    participants: 30 + (i % 50),
    materials: 100,
    createdAt: '2024-01-01T08:00:00.000Z',
  };
}

export function makeYear(year = 2024, ledgerCount = 0): YearData {
  return {
    version: YEAR_FILE_VERSION,
    year,
    values: {},
    ledger: Array.from({ length: ledgerCount }, (_, i) => makeEntry(`e${i}`, year, i)),
    mediation: [],
    report: {
      title: `青山镇人民政府关于${year}年度法治政府建设情况的报告`,
      recipient: '',
      preamble: [],
      parts: [
        { id: 'p1', heading: '主要举措和成效', runIn: false, paragraphs: ['今年以来……'], status: '草稿', contentItem: 'measures', children: [] },
      ],
      signature: { enabled: true, name: '', date: '' },
    },
    exports: [],
    proofreading: { imported: [], ignored: [] },
  };
}

/** name → bytes of every file under `dir` (recursively), to prove nothing changed. */
export async function folderBytes(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (d: string) => {
    for (const e of await fsp.readdir(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else out.set(path.relative(dir, p), (await fsp.readFile(p)).toString('base64'));
    }
  };
  await walk(dir);
  return out;
}
