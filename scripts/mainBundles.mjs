// The main-process bundles (CommonJS for Node and Electron), split at their `import()` calls.
//
// Services load heavy code on first use with `import('../export/buildDocx')` and the like. esbuild
// splits code only for ESM output; in CommonJS it inlines every import(), so each bundle carried all
// of it (2.7 MB) and every start read and compiled it. Here each local module reached by import() is
// built into a file of its own, dist/main/lazy/<bundle>/<name>.cjs, loaded by `require` when the
// import() runs. Why not ESM output: the CLI's compile cache on Node 20 (src-main/boot/compileCache.ts)
// works for CommonJS only, and `electron` is required as CommonJS.
//
// A chunk must not carry its own copy of a module the bundle already has: two AppError or ZodError
// classes break `instanceof`, two copies of the store's helpers hold two states. So a chunk takes every
// module the bundle also contains from the bundle, through a table the bundle fills at start-up
// (globalThis[HOST_KEY], keyed by path), and carries only what is its own (docx, mammoth …).
import { build } from 'esbuild';
import path from 'node:path';

export const HOST_KEY = '__fazhiBundleModules';

/** esbuild options of every main-process bundle (scripts/build.mjs and the bundle tests use them) */
export const commonOptions = (root, external = []) => ({
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external,
  sourcemap: false,
  minify: false,
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'process.env.FAZHI_VERSION': JSON.stringify(process.env.npm_package_version ?? '0.1.0') },
});

const isLocal = (root, p) => !path.relative(root, p).startsWith('..') && !p.includes(`${path.sep}node_modules${path.sep}`);

/** a resolver plugin step that resolves an import the way esbuild would, once */
async function resolveOnce(b, args) {
  if (args.pluginData?.fazhiResolving) return null;
  const r = await b.resolve(args.path, {
    kind: args.kind,
    importer: args.importer,
    resolveDir: args.resolveDir,
    namespace: args.namespace,
    pluginData: { fazhiResolving: true },
  });
  return r.errors.length || r.external ? null : r.path;
}

/**
 * Every import() must have become a require: the CLI's compile cache on Node 20 runs the bundles
 * through vm.Script, where an import() fails once the script comes from the cache.
 */
function noDynamicImport(result, file) {
  const kept = Object.values(result.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path));
  if (kept.length) throw new Error(`${path.basename(file)} keeps import() of ${kept.join(', ')}: make it a static import or a require`);
}

/**
 * Builds `entry` into `outfile` with its lazily imported modules as separate files. `common` are the
 * esbuild options every bundle shares. Returns the files written (relative to outfile's folder).
 */
export async function buildSplitBundle({ root, entry, outfile, common }) {
  const outDir = path.dirname(outfile);
  const name = path.basename(outfile, '.cjs');
  const chunkDir = path.join(outDir, 'lazy', name);
  const key = (p) => path.relative(root, p).split(path.sep).join('/');
  const stem = (p) => path.basename(p).replace(/\.[cm]?[jt]sx?$/, '');
  /** lazy module -> { file: chunk file, index: its place in the chunk } */
  const placed = new Map();

  // 1. what the bundle holds when import()s of our own modules are left out, and which those are
  const lazy = new Set();
  const splitPlugin = (record) => ({
    name: 'fazhi-split',
    setup(b) {
      b.onResolve({ filter: /.*/ }, async (args) => {
        if (args.kind !== 'dynamic-import' || args.pluginData?.fazhiResolving) return undefined;
        const p = await resolveOnce(b, args);
        if (!p || !isLocal(root, p)) return undefined;
        if (record) lazy.add(p);
        else if (!placed.has(p)) return undefined; // not split (also imported statically)
        return { path: p, namespace: 'fazhi-lazy' };
      });
      // the import() becomes a plain require of the chunk file, relative to the bundle
      b.onLoad({ filter: /.*/, namespace: 'fazhi-lazy' }, (args) => {
        const at = placed.get(args.path);
        const rel = at ? `./${path.relative(outDir, at.file).split(path.sep).join('/')}` : './lazy/probe.cjs';
        return { contents: `module.exports = require(${JSON.stringify(rel)})[${JSON.stringify(at ? at.index : 'm0')}];`, loader: 'js' };
      });
      b.onResolve({ filter: /^\.\/lazy\// }, (args) => (args.namespace === 'fazhi-lazy' ? { path: args.path, external: true } : undefined));
    },
  });
  const probe = await build({ ...common, entryPoints: [entry], outfile, write: false, metafile: true, plugins: [splitPlugin(true)] });
  const inBundle = new Map(
    Object.entries(probe.metafile.inputs).map(([p, info]) => [path.resolve(common.absWorkingDir ?? process.cwd(), p), info.format]),
  );
  for (const p of lazy) if (inBundle.has(p)) lazy.delete(p); // imported statically as well: nothing to split

  // 2. chunks take what the bundle has from the bundle ...
  const shared = new Map(); // absolute path -> 'esm' | 'cjs'
  const fromBundle = {
    name: 'fazhi-from-bundle',
    setup(b) {
      b.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData?.fazhiResolving || args.namespace === 'fazhi-host') return undefined;
        if (args.namespace === 'fazhi-lazy') return { path: args.path, external: true };
        const p = await resolveOnce(b, args);
        // an import() in a chunk: that module's own chunk (found here if only chunks reach it), not a copy
        if (p && args.kind === 'dynamic-import' && isLocal(root, p) && !inBundle.has(p)) {
          lazy.add(p);
          return { path: p, namespace: 'fazhi-lazy' };
        }
        if (!p || !inBundle.has(p)) return undefined;
        shared.set(p, inBundle.get(p) === 'cjs' ? 'cjs' : 'esm');
        return { path: p, namespace: 'fazhi-host' };
      });
      b.onLoad({ filter: /.*/, namespace: 'fazhi-host' }, (args) => ({
        contents: [
          `const m = globalThis[${JSON.stringify(HOST_KEY)}]?.[${JSON.stringify(key(args.path))}];`,
          `if (!m) throw new Error(${JSON.stringify(`fazhi: ${path.basename(outfile)} does not match its chunk (rebuild): ${key(args.path)}`)});`,
          'module.exports = m;',
        ].join('\n'),
        loader: 'js',
      }));
      b.onLoad({ filter: /.*/, namespace: 'fazhi-lazy' }, (args) => {
        const at = placed.get(args.path); // unknown while probing: any stub will do there
        const rel = at ? `./${path.basename(at.file)}` : './probe.cjs';
        return { contents: `module.exports = require(${JSON.stringify(rel)})[${JSON.stringify(at ? at.index : 'm0')}];`, loader: 'js' };
      });
    },
  };
  // ... and lazy modules that would carry a module in common (mammoth for both the import and the
  // compare of a report) share one chunk: no module is in two files
  const own = new Map();
  for (let more = true; more; ) {
    more = false;
    for (const t of [...lazy].filter((t) => !own.has(t))) {
      more = true;
      const r = await build({ ...common, entryPoints: [t], outfile: path.join(chunkDir, 'probe.cjs'), write: false, metafile: true, plugins: [fromBundle] });
      own.set(t, new Set(Object.keys(r.metafile.inputs).filter((p) => !/^fazhi-(host|lazy):/.test(p))));
    }
  }
  const groups = [];
  for (const t of lazy) {
    const joined = groups.filter((g) => g.some((u) => [...own.get(t)].some((p) => own.get(u).has(p))));
    const merged = [t, ...joined.flat()];
    for (const g of joined) groups.splice(groups.indexOf(g), 1);
    groups.push(merged);
  }
  const fileOf = (g) => path.join(chunkDir, `${g.map(stem).sort().join('+')}.cjs`);
  for (const g of groups) g.forEach((t, i) => placed.set(t, { file: fileOf(g), index: `m${i}` }));
  const written = [];
  for (const g of groups) {
    const file = fileOf(g);
    const chunk = await build({
      ...common,
      metafile: true,
      stdin: { contents: g.map((t, i) => `export * as m${i} from ${JSON.stringify(t)};`).join('\n'), resolveDir: root, sourcefile: path.basename(file), loader: 'js' },
      outfile: file,
      plugins: [fromBundle],
    });
    noDynamicImport(chunk, file);
    written.push(path.relative(outDir, file));
  }

  // 3. the bundle, filling the table before its own code runs
  const imports = [];
  const table = [];
  let i = 0;
  for (const [p, format] of shared) {
    if (format === 'esm') {
      imports.push(`import * as m${i} from ${JSON.stringify(p)};`);
      // the live namespace itself, marked so a chunk's interop reads its named exports
      table.push(`${JSON.stringify(key(p))}: esm(m${i})`);
    } else table.push(`${JSON.stringify(key(p))}: require(${JSON.stringify(p)})`);
    i++;
  }
  const hostEntry = [
    ...imports,
    "const esm = (m) => ('__esModule' in m ? m : Object.defineProperty(m, '__esModule', { value: true }));",
    `globalThis[${JSON.stringify(HOST_KEY)}] = { ${table.join(', ')} };`,
    `require(${JSON.stringify(path.resolve(root, entry))});`,
  ].join('\n');
  const host = await build({
    ...common,
    stdin: { contents: hostEntry, resolveDir: root, sourcefile: `${name}-entry.js`, loader: 'js' },
    outfile,
    metafile: true,
    plugins: [splitPlugin(false)],
  });
  noDynamicImport(host, outfile);
  return [path.basename(outfile), ...written];
}
