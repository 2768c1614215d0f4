import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/tmp';

const exec = promisify(execFile);
const CLI = path.resolve('dist/main/cli.cjs');
const fazhi = async (...args: string[]) => (await exec(process.execPath, [CLI, ...args], { env: { ...process.env, FAZHI_DATA_DIR: '' } })).stdout;

let cleanup: () => Promise<void>;
let data: string;

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error('dist/main/cli.cjs missing: run npm run build first');
  let dir: string;
  ({ dir, cleanup } = await tempDir('fazhi-cli-fw-'));
  data = path.join(dir, 'data');
  await fazhi('demo', '--data', data);
});
afterAll(() => cleanup());

describe('fazhi reads numbers like the screens do', () => {
  it('full-width digits in --participants and --materials are counts, not refused as text', async () => {
    const id = (await fazhi('ledger', 'add', '--data', data, '--year', '2024', '--date', '2024-04-02', '--category', 'pufa', '--title', '全角人数', '--participants', '３', '--materials', '１，２００')).trim();
    const list = JSON.parse(await fazhi('ledger', 'list', '--data', data, '--year', '2024', '--json')) as Array<{ id: string; participants?: number; materials?: number }>;
    expect(list.find((e) => e.id === id)).toMatchObject({ participants: 3, materials: 1200 });
  });
});
