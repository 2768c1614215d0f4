// `npm test`: build (unless dist/ is already built from these sources), then vitest and Playwright, each writing a JSON report; ends with one plain
// line `N passed, N failed, N skipped` (CI reads that line; vitest's own summary has another form).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const art = path.join(root, '.artifacts');
mkdirSync(art, { recursive: true });
const node = process.execPath;
const run = (args, env = {}) => spawnSync(node, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

if (run(['scripts/build.mjs', '--if-stale']) !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const vitestJson = path.join(art, 'vitest.json');
rmSync(vitestJson, { force: true });
const vitestStatus = run([
  'node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`,
]);

const pwJson = path.join(art, 'playwright.json');
let pwStatus = 0;
if (existsSync(path.join(root, 'playwright.config.ts'))) {
  rmSync(pwJson, { force: true });
  pwStatus = run(['node_modules/@playwright/test/cli.js', 'test']);
}

function vitestCounts() {
  if (!existsSync(vitestJson)) return { passed: 0, failed: 1, skipped: 0 };
  const j = JSON.parse(readFileSync(vitestJson, 'utf8'));
  // a suite that failed to load has no tests but counts as a failure
  const loadFailures = (j.testResults ?? []).filter((f) => f.status === 'failed' && !(f.assertionResults ?? []).length).length;
  return {
    passed: j.numPassedTests ?? 0,
    failed: (j.numFailedTests ?? 0) + loadFailures,
    skipped: (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0),
  };
}

function playwrightCounts() {
  if (!existsSync(path.join(root, 'playwright.config.ts'))) return { passed: 0, failed: 0, skipped: 0 };
  if (!existsSync(pwJson)) return { passed: 0, failed: 1, skipped: 0 };
  const s = JSON.parse(readFileSync(pwJson, 'utf8')).stats ?? {};
  return { passed: (s.expected ?? 0) + (s.flaky ?? 0), failed: (s.unexpected ?? 0) + (pwStatus !== 0 && !s.unexpected ? 1 : 0), skipped: s.skipped ?? 0 };
}

const v = vitestCounts();
if (vitestStatus !== 0 && v.failed === 0) v.failed = 1;
const p = playwrightCounts();
const line = (c) => `${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`;
console.log(`\nvitest: ${line(v)}`);
console.log(`playwright: ${line(p)}`);
const total = { passed: v.passed + p.passed, failed: v.failed + p.failed, skipped: v.skipped + p.skipped };
console.log(line(total));
process.exit(total.failed ? 1 : 0);
