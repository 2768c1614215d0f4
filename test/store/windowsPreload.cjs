/**
 * Loaded with `node --require` before a child of windows.test.ts: gives the store what Windows
 * gives it. process.platform is 'win32' before any module reads it; FAZHI_FAKE (JSON) adds:
 *  - renameFail: [{ match | matchFrom, code, forMs | whileFile }]: a rename whose source or target
 *    contains `match` (or whose source contains `matchFrom`) fails with `code` (as MoveFileEx does while another program holds the file) for
 *    `forMs` from the first such rename, or as long as `whileFile` exists;
 *  - accessDenied: [pid]: `process.kill(pid, 0)` fails with EPERM, as OpenProcess does on a
 *    system process;
 *  - attribLog: a file each `attrib` run is written to (one line of its arguments), as there is no
 *    attrib here; the run succeeds.
 */
'use strict';
Object.defineProperty(process, 'platform', { value: 'win32' });
const fs = require('node:fs');
const spec = JSON.parse(process.env.FAZHI_FAKE || '{}');

const realRename = fs.promises.rename.bind(fs.promises);
const started = new Map();
fs.promises.rename = async (from, to) => {
  for (const [i, f] of (spec.renameFail || []).entries()) {
    const hit = f.matchFrom ? String(from).includes(f.matchFrom) : String(from).includes(f.match) || String(to).includes(f.match);
    if (!hit) continue;
    let failing;
    if (f.whileFile) failing = fs.existsSync(f.whileFile);
    else {
      if (!started.has(i)) started.set(i, Date.now());
      failing = Date.now() - started.get(i) < f.forMs;
    }
    if (failing) {
      const e = new Error(`${f.code}: operation not permitted, rename '${from}' -> '${to}'`);
      e.code = f.code;
      throw e;
    }
  }
  return realRename(from, to);
};

const realKill = process.kill.bind(process);
process.kill = (pid, sig) => {
  if (sig === 0 && (spec.accessDenied || []).includes(pid)) {
    const e = new Error('kill EPERM');
    e.code = 'EPERM';
    throw e;
  }
  return realKill(pid, sig);
};

const childProcess = require('node:child_process');
const realExecFile = childProcess.execFile;
childProcess.execFile = (file, args, options, callback) => {
  if (file !== 'attrib') return realExecFile(file, args, options, callback);
  if (spec.attribLog) fs.appendFileSync(spec.attribLog, `${JSON.stringify(args)}\n`);
  const cb = typeof options === 'function' ? options : callback;
  setImmediate(() => cb && cb(null, '', ''));
  return undefined;
};
