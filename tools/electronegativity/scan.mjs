// Runs electronegativity (through its programmatic API: the CLI's CSV writer races its own header
// write and can garble the file) over the Electron shell sources and the built bundles, writes
// .artifacts/electronegativity.csv, and exits 1 on any finding above INFORMATIONAL unless the
// flagged line, or the comment block right above it, says `// electronegativity: <why>`.
// Findings in the bundles are traced back to the identical line in src-main/electron, where the
// explanation lives (esbuild drops comments). Files the tool could not parse also fail the run.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity');
const srcDir = path.join(root, 'src-main/electron');
const csvPath = path.join(root, '.artifacts/electronegativity.csv');
const SEVERITY_RANK = { INFORMATIONAL: 0, LOW: 1, MEDIUM: 2, HIGH: 3 };

// electronegativity reads only .js/.ts/.html: copy sources, and the bundles under a .js name
const scanDir = mkdtempSync(path.join(tmpdir(), 'fazhi-eng-'));
mkdirSync(path.join(scanDir, 'src'));
mkdirSync(path.join(scanDir, 'dist'));
for (const f of readdirSync(srcDir).filter((f) => f.endsWith('.ts'))) copyFileSync(path.join(srcDir, f), path.join(scanDir, 'src', f));
const bundles = [];
for (const b of ['electron-main', 'electron-app', 'preload']) {
  const built = path.join(root, 'dist/main', `${b}.cjs`);
  if (existsSync(built)) {
    copyFileSync(built, path.join(scanDir, 'dist', `${b}.js`));
    bundles.push(`dist/main/${b}.cjs`);
  }
}

const electronVersion = JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
let result;
try {
  result = await run(
    // AvailableSecurityFixesGlobalCheck fetches Electron's release list from the network. There is none
    // here (nor on the clerk's PC); on Node 24 its HTTP client's retry then throws outside any promise
    // and kills the scan ("The `onCancel` handler was attached after the promise settled"). Offline it
    // can report nothing anyway: Electron is pinned in package.json and upgraded deliberately.
    {
      input: scanDir,
      isRelative: true,
      electronVersionOverride: electronVersion,
      customScan: [],
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
      parserPlugins: [],
    },
    false,
  );
} finally {
  rmSync(scanDir, { recursive: true, force: true, maxRetries: 2 });
}
// the scan copies are gone: read a finding's file from where it was copied from
const scanLines = new Map();
const originOf = (rel) =>
  rel.startsWith('src/') ? path.join(srcDir, rel.slice(4)) : path.join(root, 'dist/main', path.basename(rel, '.js') + '.cjs');
const linesOf = (rel) => {
  if (!scanLines.has(rel)) scanLines.set(rel, readFileSync(originOf(rel), 'utf8').split('\n'));
  return scanLines.get(rel);
};

const rel = (file) => {
  if (!file || file === 'N/A') return 'N/A';
  const r = path.isAbsolute(file) ? path.relative(scanDir, file) : file;
  return r.split(path.sep).join('/');
};
const findings = result.issues.map((i) => ({
  issue: i.id,
  severity: i.severity?.name ?? String(i.severity),
  confidence: i.confidence?.name ?? String(i.confidence),
  file: rel(i.file),
  line: i.location?.line ?? 0,
  column: i.location?.column ?? 0,
  sample: i.sample ?? '',
  description: i.description ?? '',
}));

const csvField = (v) => `"${String(v).replace(/"/g, '""').replace(/\r?\n/g, ' ')}"`;
mkdirSync(path.dirname(csvPath), { recursive: true });
writeFileSync(
  csvPath,
  [
    'issue,severity,confidence,filename,location,sample,description,url',
    ...findings.map((f) =>
      [f.issue, f.severity, f.confidence, f.file, `${f.line}:${f.column}`, f.sample.slice(0, 300), f.description,
        `https://github.com/doyensec/electronegativity/wiki/${f.issue}`].map(csvField).join(','),
    ),
  ].join('\n') + '\n',
);

const EXPLANATION = /(?:\/\/|\/\*|\*|<!--)\s*electronegativity:\s*\S.{5,}/;
const COMMENT_LINE = /^\s*(?:\/\/|\/\*|\*|<!--)/;
/** The line itself, or the run of comment lines directly above it, carries an explanation. */
function explainedAt(lines, lineNo) {
  const i = lineNo - 1;
  if (i < 0 || i >= lines.length) return null;
  if (EXPLANATION.test(lines[i])) return lines[i].trim();
  for (let j = i - 1; j >= 0 && COMMENT_LINE.test(lines[j]); j--) if (EXPLANATION.test(lines[j])) return lines[j].trim();
  return null;
}
const sources = readdirSync(srcDir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ file: `src-main/electron/${f}`, lines: readFileSync(path.join(srcDir, f), 'utf8').split('\n') }));

/** Where in src-main/electron a finding's explanation would be. */
function sourceLocations(f) {
  if (f.file.startsWith('src/')) return [{ file: `src-main/electron/${f.file.slice(4)}`, lines: linesOf(f.file), line: f.line }];
  if (f.file.startsWith('dist/') && f.line > 0) {
    const code = (linesOf(f.file)[f.line - 1] ?? '').trim();
    if (code.length < 8) return [];
    const hits = [];
    for (const s of sources) s.lines.forEach((l, k) => l.trim() === code && hits.push({ ...s, line: k + 1 }));
    return hits;
  }
  return []; // global findings (no file) mean a protection is missing: they cannot be explained away
}

const counts = {};
for (const f of findings) counts[f.severity] = (counts[f.severity] ?? 0) + 1;
const serious = findings.filter((f) => (SEVERITY_RANK[f.severity] ?? 3) > 0);
let unexplained = 0;
for (const f of serious) {
  const hit = sourceLocations(f)
    .map((loc) => ({ loc, why: explainedAt(loc.lines, loc.line) }))
    .find((x) => x.why);
  const where = `${f.file}:${f.line}:${f.column}`;
  if (hit) console.log(`explained   ${f.severity.padEnd(6)} ${f.issue} at ${where} → ${hit.loc.file}:${hit.loc.line}`);
  else {
    unexplained++;
    console.log(`UNEXPLAINED ${f.severity.padEnd(6)} ${f.issue} at ${where}: ${f.description}`);
  }
}
for (const e of result.errors ?? []) console.log(`PARSE ERROR ${rel(e.file)}: ${e.message ?? e.error ?? JSON.stringify(e)}`);
const parseErrors = (result.errors ?? []).length;
const summary = Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ') || 'none';
console.log(
  `electronegativity ${require('@doyensec/electronegativity/package.json').version} (Electron ${electronVersion}; ` +
    `${result.atomicChecks} atomic + ${result.globalChecks} global checks) over src-main/electron` +
    `${bundles.length ? ` and ${bundles.join(', ')}` : ' (bundles not built)'}: ${findings.length} finding(s) [${summary}]; ` +
    `${serious.length} above INFORMATIONAL: ${serious.length - unexplained} explained, ${unexplained} unexplained; ` +
    `${parseErrors} parse error(s). CSV: ${path.relative(root, csvPath)}`,
);
process.exit(unexplained || parseErrors ? 1 : 0);
