/** The import travels over the browser version's loopback bridge: file bytes in (base64-tagged), the preview out. */
import http from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebBridge, type WebBridge } from '../../src-main/web/server';
import type { ImportPreview, ImportResult } from '../../src-shared/import/types';
import { decodeWire, encodeWire, type WireResult } from '../../src-shared/wire';
import { PLAIN } from './samples';

let root: string;
let bridge: WebBridge;

function api<T>(method: string, input: unknown): Promise<WireResult<T>> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: bridge.port, method: 'POST', path: `/api/${method}`, headers: { 'content-type': 'application/json', 'x-fazhi-token': bridge.token } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(decodeWire<WireResult<T>>(Buffer.concat(chunks).toString('utf8'))));
      },
    );
    req.on('error', reject);
    req.end(encodeWire(input));
  });
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'fz-import-web-'));
  mkdirSync(join(root, 'renderer'));
  writeFileSync(join(root, 'renderer', 'index.html'), '<!doctype html>');
  bridge = await startWebBridge({ dataDir: join(root, 'data'), port: 0, rendererDir: join(root, 'renderer') });
});
afterAll(async () => {
  await bridge.close();
  rmSync(root, { recursive: true, force: true });
});

describe('import over the HTTP bridge', () => {
  it('previews and commits a file sent as bytes; a bad file comes back as a Chinese message', async () => {
    const data = new TextEncoder().encode(PLAIN.join('\n'));
    const p = await api<ImportPreview>('import.preview', { fileName: '青石镇.txt', data });
    expect(p.ok, p.error?.message).toBe(true);
    expect(p.value!.report.parts).toHaveLength(4);
    const c = await api<ImportResult>('import.commit', { year: p.value!.year, report: p.value!.report, unit: p.value!.unit });
    expect(c.value).toMatchObject({ year: 2024, unitCreated: true, yearCreated: true });
    const bad = await api('import.preview', { fileName: 'x.docx', data: new Uint8Array([1, 2, 3]) });
    expect(bad.ok).toBe(false);
    expect(bad.error!.message).toMatch(/不是有效的 Word 文档/);
  });
});
