// antd's stylesheet for the components the renderer uses, made at build time the way antd makes
// its own dist/antd.css (scripts/build-style.tsx of antd: @ant-design/static-style-extract renders
// every component once through @ant-design/cssinjs and extracts what they registered), but with only
// the components imported from 'antd' in src-renderer. The app runs antd in zero-runtime mode
// (src-renderer/main.tsx), so this file is all of antd's CSS the page has: dist/antd.css is ~1 MB
// (108 KB gzip) for ~70 components, of which the app uses about 30.
//
// What is kept is exactly dist/antd.css's text with the other components' entries taken out, in
// dist/antd.css's order (the cascade between antd's own rules is unchanged): the full set is rendered
// as antd renders it, and filtered by the entries the used components registered. Also taken out:
// the theme-variable blocks antd.css carries (`.css-var-_R_…{--ant-…}`), scoped to ids of a server
// render that no page element ever has — in the page, antd writes the theme's variables itself.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The names a file imports from 'antd' (values only, not `import type`). */
export function antdImports(source) {
  const names = new Set();
  for (const m of source.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s*from\s*['"]antd['"]/g)) {
    if (m[1]) continue;
    for (const part of m[2].split(',')) {
      const name = part.trim().split(/\s+as\s+/)[0];
      if (name && !name.startsWith('type ')) names.add(name);
    }
  }
  return names;
}

/**
 * The renderer's modules the page runs before its first screen: `entry` and what it imports,
 * statically and transitively (not what is behind an import(), which is a chunk of its own).
 * Relative imports only: the renderer has no path aliases.
 */
export function firstScreenSources(entry) {
  const seen = new Set();
  const resolve = (from, spec) => {
    const base = path.resolve(path.dirname(from), spec);
    return [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')].find((f) => existsSync(f) && statSync(f).isFile());
  };
  const walk = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"](\.[^'"]*)['"]/gm)) {
      if (m[1]) continue;
      const next = resolve(file, m[2]);
      if (next && /\.tsx?$/.test(next)) walk(next);
    }
  };
  walk(entry);
  return [...seen];
}

/** The antd components `files` import. */
export function componentsIn(files) {
  const names = new Set();
  for (const f of files) for (const n of antdImports(readFileSync(f, 'utf8'))) names.add(n);
  return names;
}

/** Every antd component imported anywhere in `dir` (the renderer's sources). */
export function usedComponents(dir) {
  const names = new Set();
  const walk = (d) => {
    for (const f of readdirSync(d)) {
      const p = path.join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f)) for (const n of antdImports(readFileSync(p, 'utf8'))) names.add(n);
    }
  };
  walk(dir);
  return names;
}

/**
 * The CSS for `components` (names as imported from 'antd'), less what `without`'s components have
 * (the stylesheet already in the page). `root`: the folder whose node_modules hold antd, react-dom
 * and @ant-design/cssinjs (the one antd depends on).
 */
export function antdStylesFor(root, components, { without = [] } = {}) {
  const require = createRequire(path.join(root, 'package.json'));
  const React = require('react');
  const { renderToString } = require('react-dom/server');
  const antd = require('antd');
  const cssinjs = require(require.resolve('@ant-design/cssinjs', { paths: [path.dirname(require.resolve('antd/package.json'))] }));
  const h = React.createElement;
  const F = React.Fragment;
  const Panel = (C, props) => h(C._InternalPanelDoNotUseOrYouWillBeFired, props);

  // How each component is drawn so that all its parts register their styles: popups (a Select's list,
  // a Modal's confirm, message and notification) are not drawn on a server render, so their panels are
  // drawn. These are static-style-extract's recipes, which make antd.css (its order is theirs).
  const recipes = {
    Affix: (C) => h(C, null, h('div')),
    BackTop: () => h(antd.FloatButton.BackTop),
    Cascader: (C) => h(F, null, h(C), h(C.Panel)),
    Dropdown: (C) => h(C, { menu: { items: [] } }, h('div')),
    Menu: (C) => h(C, { items: [] }),
    QRCode: (C) => h(C, { value: 'https://ant.design' }),
    Tree: (C) => h(C, { treeData: [] }),
    Tag: (C) => h(F, null, h(C, { color: 'blue' }, 'Tag'), h(C, { color: 'success' }, 'Tag')),
    Badge: (C) => h(F, null, h(C), h(C.Ribbon)),
    Space: (C) => h(F, null, h(C), h(C.Compact, null, h(antd.Button), h(C.Addon, null, '1'))),
    Input: (C) => h(F, null, h(C), h(C.Group, null, h(C), h(C)), h(C.Search), h(C.TextArea), h(C.Password), h(C.OTP)),
    Modal: (C) => h(F, null, h(C), Panel(C), Panel(C, { type: 'confirm' })),
    message: (C) => Panel(C),
    notification: (C) => Panel(C),
    Layout: (C) => h(C, null, h(C.Header, null, 'Header'), h(C.Sider, null, 'Sider'), h(C.Content, null, 'Content'), h(C.Footer, null, 'Footer')),
  };
  // The components a used one is made of, in parts a server render does not draw (popups).
  const madeOf = {
    // App hands out message, notification and modal.confirm/info/…
    App: ['message', 'notification', 'Modal'],
    // a Table's filter menu, sorter tooltips, pagination, selection, empty and loading states
    Table: ['Pagination', 'Dropdown', 'Menu', 'Checkbox', 'Radio', 'Tree', 'Input', 'Button', 'Empty', 'Spin', 'Tooltip'],
    // copyable and editable text: a tooltip, a text area
    Typography: ['Tooltip', 'Input'],
    Popconfirm: ['Popover', 'Button'],
    Dropdown: ['Menu'],
    Select: ['Empty'],
  };
  const withParts = (names) => {
    const out = new Set();
    const add = (n) => {
      if (out.has(n)) return;
      out.add(n);
      for (const m of madeOf[n] ?? []) add(m);
    };
    for (const n of names) add(n);
    return out;
  };
  const draw = (name) => (recipes[name] ? recipes[name](antd[name]) : h(antd[name]));
  // what static-style-extract draws for the whole library: antd.css
  const library = Object.keys(antd).filter((n) => !['ConfigProvider', 'Grid'].includes(n) && (n[0] === n[0].toUpperCase() || ['notification', 'message'].includes(n)));
  const render = (names) => {
    const cache = cssinjs.createCache();
    // antd's notices about deprecated parts (Input.Group, List) drawn here only for their styles are
    // not the app's: kept out of the build's and the tests' output
    const { error } = console;
    console.error = (...args) => {
      if (!String(args[0]).startsWith('Warning: [antd:')) error(...args);
    };
    try {
      // as antd's build-style.tsx: class names without a hash
      renderToString(h(cssinjs.StyleProvider, { cache }, h(antd.ConfigProvider, { theme: { hashed: false } }, names.map((n) => h(F, { key: n }, draw(n))))));
    } finally {
      console.error = error;
    }
    return cache;
  };
  const known = (names) => [...withParts(names)].filter((n) => library.includes(n));
  const used = render(known(components));
  const there = render(known(without));
  const all = render(library);
  // antd.css's entries, in its order, less those no used component registered
  for (const key of [...all.cache.keys()]) if (!used.cache.has(key) || (without.length && there.cache.has(key))) all.cache.delete(key);
  return cssinjs.extractStyle(all, { plain: true, types: ['style'] });
}

/** The library's full stylesheet, made the same way (for the check that this is antd.css's text). */
export function antdStylesAll(root) {
  const require = createRequire(path.join(root, 'package.json'));
  return antdStylesFor(root, Object.keys(require('antd')));
}

const STYLE_HOOK_MAKERS = new Set(['genStyleHooks', 'genComponentStyleHook', 'genSubStyleComponent']);

/**
 * antd's style modules (`antd/es/<component>/style/*.js`) hand each component's style hook a
 * function that writes its CSS (`genStyleHooks('Steps', token => [...], prepareComponentToken)`).
 * In zero-runtime mode the hook returns before calling it (@ant-design/cssinjs-utils
 * genComponentStyleHook): the CSS comes from the stylesheet above. This replaces that argument with
 * `() => []`, so the functions only it reached (most of antd's style code) drop out of the bundle;
 * what the hook still runs (its component tokens, written as CSS variables) is left as it is.
 * Returns the new source, or null when `code` has no such call. `ts`: the TypeScript module (parser).
 */
export function stripStyleGenerators(ts, code, fileName = 'style.js') {
  if (!/\bgen(StyleHooks|ComponentStyleHook|SubStyleComponent)\(/.test(code)) return null;
  const file = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const cuts = [];
  const visit = (node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && STYLE_HOOK_MAKERS.has(node.expression.text) && node.arguments.length >= 2) {
      const fn = node.arguments[1];
      cuts.push([fn.getStart(file), fn.end]);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  if (!cuts.length) return null;
  let out = code;
  for (const [start, end] of cuts.sort((a, b) => b[0] - a[0])) out = `${out.slice(0, start)}() => []${out.slice(end)}`;
  return out;
}
