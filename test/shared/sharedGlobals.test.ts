/**
 * src-shared runs in both processes, so tsconfig.shared.json (the first step of `npm run typecheck`)
 * compiles it with no DOM library and no @types/node: a Node or browser global there must not
 * compile. Checked here with the compiler's own API on the real config, one file at a time.
 */
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

function errorsOf(source: string): string[] {
  const cfg = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.shared.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!cfg) throw new Error('tsconfig.shared.json unreadable');
  const file = path.join(root, 'src-shared', '__probe__.ts');
  const host = ts.createCompilerHost(cfg.options);
  const read = host.readFile.bind(host);
  host.readFile = (f) => (path.resolve(f) === file ? source : read(f));
  const exists = host.fileExists.bind(host);
  host.fileExists = (f) => path.resolve(f) === file || exists(f);
  const globals = path.join(root, 'src-shared', 'globals.d.ts');
  const program = ts.createProgram([file, globals], cfg.options, host);
  return ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('src-shared compiles without Node or DOM globals', () => {
  it.each([
    ['process.env.HOME', 'process'],
    ["Buffer.from('x')", 'Buffer'],
    ['window.location.href', 'window'],
    ["document.title = 'x'", 'document'],
    ["require('node:fs')", 'require'],
  ])('refuses %s', (expr, name) => {
    const errors = errorsOf(`export const probe = () => ${expr};\n`);
    expect(errors.join('\n')).toContain(`'${name}'`);
  });

  it('allows what both have (Web Crypto, base64) and the language itself', () => {
    expect(errorsOf('export const probe = () => [crypto.getRandomValues(new Uint8Array(2)), btoa(atob("eA==")), new Map<string, number>(), Date.now()];\n')).toEqual([]);
  });
});
