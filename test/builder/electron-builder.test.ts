/**
 * The packaging config, checked with electron-builder's own code where it runs offline: its schema
 * validation, and its file matcher deciding what goes into app.asar. Building the installer itself
 * needs the Electron binary and NSIS downloads, which this machine cannot fetch.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const config = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const require_ = createRequire(path.join(root, 'package.json'));

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema validation', async () => {
    const { validateConfiguration } = require_('app-builder-lib/out/util/config/config');
    const { DebugLogger } = require_('builder-util');
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    // and the validation is real: a misspelt fuse is rejected
    const typo = { ...config, electronFuses: { ...config.electronFuses, runAsNod: false } };
    await expect(validateConfiguration(typo, new DebugLogger(false))).rejects.toThrow(/electronFuses/);
  });

  it('identifies the product', () => {
    expect(config.appId).toBe('cn.gov.fazhi.nianbao');
    expect(config.productName).toBe('法治年报');
    expect(config.directories).toEqual({ output: 'release', buildResources: 'assets' });
    expect(config.asar).toBe(true);
    expect(config.publish).toBeNull(); // no auto-update feed
  });

  it('flips the security fuses in the Electron binary', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      grantFileProtocolExtraPrivileges: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
    });
  });

  it('builds an NSIS installer and a portable exe for Windows x64 with the app icon', () => {
    expect(config.win.target).toEqual([
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ]);
    expect(config.win.icon).toBe('assets/icon.ico');
    expect(statSync(path.join(root, config.win.icon)).size).toBeGreaterThan(1000);
    expect(config.nsis.artifactName).toContain('${version}');
    expect(config.portable.artifactName).toContain('${version}');
    expect(config.nsis.artifactName).not.toBe(config.portable.artifactName);
  });

  it('lets the clerk choose where to install, creates Chinese shortcuts and keeps the data on uninstall', () => {
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      shortcutName: '法治年报',
      language: '2052',
      installerLanguages: ['zh_CN'],
      deleteAppDataOnUninstall: false,
    });
  });
});

describe('what goes into app.asar (electron-builder’s own file matcher)', () => {
  const project = mkdtempSync(path.join(tmpdir(), 'fazhi-pack-'));
  afterAll(() => rmSync(project, { recursive: true, force: true }));
  const candidates = [
    'package.json',
    'package-lock.json',
    'electron-builder.yml',
    'dist/main/electron-main.cjs',
    'dist/main/electron-app.cjs',
    'dist/main/lazy/electron-app/buildDocx.cjs',
    'dist/main/lazy/cli/buildDocx.cjs',
    'dist/main/lazy/web/buildDocx.cjs',
    'dist/main/fazhi.cjs',
    'dist/main/preload.cjs',
    'dist/main/parse-box.cjs',
    'dist/main/cli.cjs',
    'dist/main/web.cjs',
    'dist/main/electron-main.cjs.map',
    'dist/renderer/index.html',
    'dist/renderer/assets/index-abc.js',
    'dist/renderer/assets/index-abc.js.map',
    'dist/renderer/assets/index-abc.css',
    'src-main/electron/main.ts',
    'src-shared/contract.ts',
    'src-renderer/App.tsx',
    'test/electron/ipc.test.ts',
    'tools/electronegativity/run.sh',
    'scripts/build.mjs',
    'assets/icon.ico',
    'node_modules/zod/index.js',
    'release/old-setup.exe',
    '.artifacts/electronegativity.csv',
    'demo-data/unit.json',
  ];
  for (const f of candidates) {
    mkdirSync(path.dirname(path.join(project, f)), { recursive: true });
    writeFileSync(path.join(project, f), f === 'package.json' ? readFileSync(path.join(root, 'package.json')) : 'x');
  }

  function shipped(): string[] {
    const { getMainFileMatchers } = require_('app-builder-lib/out/fileMatcher');
    const { DebugLogger } = require_('builder-util');
    const packager = {
      info: {
        projectDir: project,
        buildResourcesDir: config.directories.buildResources,
        isPrepackedAppAsar: false,
        config,
        debugLogger: new DebugLogger(false),
      },
    };
    const matchers = getMainFileMatchers(project, '/out/resources/app', (s: string) => s, {}, packager, path.join(project, 'release'), false);
    const out: string[] = [];
    for (const matcher of matchers) {
      const filter = matcher.createFilter();
      const walk = (dir: string) => {
        for (const name of readdirSync(dir)) {
          const p = path.join(dir, name);
          const st = statSync(p);
          if (!filter(p, st)) continue;
          if (st.isDirectory()) walk(p);
          else out.push(path.relative(project, p).split(path.sep).join('/'));
        }
      };
      walk(matcher.from);
    }
    return out.sort();
  }

  it('ships only the Electron bundles (with their lazily loaded chunks and the file-reading box), the built renderer and package.json', () => {
    expect(shipped()).toEqual([
      'dist/main/electron-app.cjs',
      'dist/main/electron-main.cjs',
      'dist/main/lazy/electron-app/buildDocx.cjs',
      'dist/main/parse-box.cjs',
      'dist/main/preload.cjs',
      'dist/renderer/assets/index-abc.css',
      'dist/renderer/assets/index-abc.js',
      'dist/renderer/index.html',
      'package.json',
    ]);
  });

  it('unpacks the file-reading box beside app.asar (a utility process and its worker load it by path), and nothing else', () => {
    const { getFileMatchers } = require_('app-builder-lib/out/fileMatcher');
    const [matcher] = getFileMatchers(config, 'asarUnpack', '/out/resources/app', { macroExpander: (s: string) => s, customBuildOptions: {}, globalOutDir: path.join(project, 'release'), defaultSrc: project });
    const unpack = matcher.createFilter();
    const unpacked = shipped().filter((f) => unpack(path.join(project, f), statSync(path.join(project, f))));
    expect(unpacked).toEqual(['dist/main/parse-box.cjs']);
  });

  it('package.json main points at a shipped file', () => {
    expect(pkg.main).toBe('dist/main/electron-main.cjs');
    expect(shipped()).toContain(pkg.main);
  });
});

it('package.json declares no runtime dependencies, so electron-builder packs no node_modules', () => {
  // everything is bundled by scripts/build.mjs; any `dependencies` entry would be copied into
  // app.asar with its whole tree, whatever `files` says
  expect(Object.keys(pkg.dependencies ?? {})).toEqual([]);
  expect(pkg.devDependencies.electron).toBeDefined();
});
