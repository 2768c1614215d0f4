/**
 * scripts/antdStyles.mjs, the antd stylesheet the renderer is built with: antd's own dist/antd.css
 * made the way antd makes it, less the components the renderer does not import. Every part a screen
 * shows only in a popup (a Select's list, a Table's filter menu, a Modal's confirm, message) is kept.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { antdImports, antdStylesAll, antdStylesFor, componentsIn, firstScreenSources, stripStyleGenerators, usedComponents } from '../../scripts/antdStyles.mjs';

const root = path.resolve(__dirname, '../..');
const require_ = createRequire(path.join(root, 'package.json'));
const antdCss = readFileSync(require_.resolve('antd/dist/antd.css'), 'utf8');

/** The rules at the top level (an @media block is one), in order. */
function topLevelRules(css: string): string[] {
  const rules: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < css.length; i++) {
    if (css[i] === '{') depth++;
    else if (css[i] === '}' && --depth === 0) {
      rules.push(css.slice(start, i + 1));
      start = i + 1;
    }
  }
  return rules;
}

/** Whether `part`'s items all occur in `whole`, in the same order. */
function inOrder(part: string[], whole: string[]): boolean {
  let at = 0;
  for (const r of part) {
    while (at < whole.length && whole[at] !== r) at++;
    if (at === whole.length) return false;
    at++;
  }
  return true;
}

const CACHE_MAP = /^\.data-ant-cssinjs-cache-path\{/;

describe('antd stylesheet of the used components', () => {
  it('is made as antd makes dist/antd.css: for every component, it is that file (less its server-render theme blocks)', () => {
    // the theme's variables in antd.css are scoped to ids of a server render (.css-var-_R_…) that no
    // element of the page has: the page's own come from antd at run time, with the app's theme
    const withoutServerIds = antdCss.replace(/\.css-var-_R_[A-Za-z0-9_]*[^{}]*\{[^{}]*\}/g, '');
    expect(withoutServerIds.length).toBeLessThan(antdCss.length);
    expect(antdStylesAll(root)).toBe(withoutServerIds);
  });

  const used = usedComponents(path.join(root, 'src-renderer'));
  const css = antdStylesFor(root, used);
  const rules = topLevelRules(css);

  it('reads the components from the renderer’s imports', () => {
    for (const name of ['Button', 'Table', 'Select', 'Form', 'Modal', 'Menu', 'Layout', 'App']) expect(used).toContain(name);
    expect(used).not.toContain('DatePicker');
  });

  it('is antd.css’s own rules, in antd.css’s order, and a good deal smaller', () => {
    // @keyframes go out once, with the first entry that uses them (a name means one animation: where
    // it stands does not matter); the cache-path rule lists the entries kept
    const all = topLevelRules(antdCss).filter((r) => !r.startsWith('@keyframes'));
    const own = rules.filter((r) => !CACHE_MAP.test(r) && !r.startsWith('@keyframes'));
    expect(own.length).toBeGreaterThan(100);
    expect(inOrder(own, all)).toBe(true);
    expect(css.length).toBeLessThan(antdCss.length * 0.65);
  });

  it('keeps the parts shown in popups and states, and leaves out components the renderer does not use', () => {
    const kept = [
      '.ant-select-dropdown', '.ant-select-item-option-selected', '.ant-table-filter-dropdown', '.ant-table-column-sorter',
      '.ant-pagination', '.ant-dropdown-menu', '.ant-modal-confirm', '.ant-modal-mask', '.ant-message-notice',
      '.ant-notification-notice', '.ant-popover-container', '.ant-popconfirm-buttons', '.ant-tooltip-container',
      '.ant-form-item-explain-error', '.ant-input-status-error', '.ant-select-status-error', '.ant-input-affix-wrapper', '.ant-input-textarea',
      '.ant-input-search', '.ant-steps', '.ant-statistic', '.ant-empty', '.ant-typography-copy', '.ant-typography-edit-content',
      '.ant-radio-button-wrapper', '.ant-checkbox-group', '.ant-space-compact', '.ant-layout-sider-trigger',
      '.ant-menu-inline-collapsed', '.ant-progress-circle', '.ant-segmented', '.ant-switch', '.ant-collapse', '.ant-result',
      '.ant-spin', '.ant-tag', '.ant-alert', '.ant-card-head', '.ant-row', '.ant-col-12', '.anticon', '.ant-wave',
    ];
    for (const sel of kept) expect(css.includes(sel), sel).toBe(true);
    for (const sel of ['.ant-picker', '.ant-drawer', '.ant-tour', '.ant-cascader', '.ant-carousel', '.ant-qrcode', '.ant-transfer']) {
      expect(antdCss.includes(`${sel}{`), sel).toBe(true);
      expect(css.includes(`${sel}{`), sel).toBe(false);
    }
  });

  it('finds named imports over several lines, with aliases, and skips type-only imports', () => {
    const src = `import {\n  Button,\n  Table as AntTable,\n  type TableProps,\n} from 'antd';\nimport type { FormInstance } from 'antd';\nimport { theme } from "antd";\nimport { Foo } from 'antd-x';`;
    expect([...antdImports(src)].sort()).toEqual(['Button', 'Table', 'theme']);
  });
});

describe("antd's style code in the bundle (zero-runtime mode)", () => {
  const stepsStyle = readFileSync(path.join(path.dirname(require_.resolve('antd/package.json')), 'es/steps/style/index.js'), 'utf8');

  it('cuts the function that writes a component’s CSS, and keeps what the hook still runs (its tokens)', () => {
    const out = stripStyleGenerators(ts, stepsStyle)!;
    expect(out).not.toBeNull();
    expect(out).toMatch(/genStyleHooks\('Steps', \(\) => \[\], prepareComponentToken/);
    // the functions only the style function called are no longer used: the bundler leaves them out
    for (const fn of ['genHorizontalStyle', 'genStatusStyle', 'genRTLStyle']) {
      expect(stepsStyle.split(fn).length - 1, fn).toBeGreaterThan(1);
      expect(out.split(fn).length - 1, fn).toBe(1); // the import alone
    }
    expect(out).toContain('export const prepareComponentToken');
  });

  it('cuts every style hook of a module, and leaves a module without one alone', () => {
    const src = `const a = genStyleHooks('A', (t) => [big(t)], prep);\nexport const B = genSubStyleComponent(['A', 'b'], (t, { x }) => { return [big(t)]; });\nexport const c = genComponentStyleHook('C', function (t) { return big(t); }, prep, { order: -1 });`;
    expect(stripStyleGenerators(ts, src)).toBe(`const a = genStyleHooks('A', () => [], prep);\nexport const B = genSubStyleComponent(['A', 'b'], () => []);\nexport const c = genComponentStyleHook('C', () => [], prep, { order: -1 });`);
    expect(stripStyleGenerators(ts, 'export const x = 1;')).toBeNull();
  });

  it('is used only with antd in zero-runtime mode, where no style function is ever called', () => {
    const main = readFileSync(path.join(root, 'src-renderer/main.tsx'), 'utf8');
    expect(main).toMatch(/zeroRuntime: true/);
    expect(readFileSync(path.join(root, 'vite.config.ts'), 'utf8')).toContain('stripStyleGenerators');
  });
});

describe('the first screen’s part and the later part', () => {
  const renderer = path.join(root, 'src-renderer');
  const first = firstScreenSources(path.join(renderer, 'main.tsx')).map((f) => path.relative(root, f));

  it('the first part is what main.tsx runs before the first screen: the frame and 概览, not the lazy screens', () => {
    for (const f of ['src-renderer/App.tsx', 'src-renderer/AppLayout.tsx', 'src-renderer/screens/overview/OverviewScreen.tsx']) expect(first).toContain(f);
    for (const f of ['src-renderer/screens/ledger/LedgerScreen.tsx', 'src-renderer/screens/overview/NewYearDialog.tsx', 'src-renderer/screens/report/index.tsx']) expect(first).not.toContain(f);
    const names = componentsIn(first.map((f) => path.join(root, f)));
    expect(names).toContain('Layout');
    expect(names).not.toContain('Table');
  });

  it('together the two parts have every rule of the used components’ stylesheet; the later one leaves out the first one’s components', () => {
    const used = [...usedComponents(renderer)];
    const firstNames = [...componentsIn(first.map((f) => path.join(root, f)))];
    const own = (css: string) => topLevelRules(css).filter((r) => !CACHE_MAP.test(r) && !r.startsWith('@keyframes'));
    const a = own(antdStylesFor(root, firstNames));
    const b = own(antdStylesFor(root, used, { without: firstNames }));
    const whole = own(antdStylesFor(root, used));
    expect(b.length).toBeGreaterThan(50);
    expect(new Set([...a, ...b])).toEqual(new Set(whole));
    const starts = (sel: string) => b.some((r) => r.startsWith(sel));
    for (const sel of ['.ant-layout', '.ant-menu', '.ant-select', '.ant-btn', '.ant-modal', '.ant-steps']) expect(starts(sel), sel).toBe(false);
    for (const sel of ['.ant-table', '.ant-form', '.ant-input', '.ant-pagination']) expect(starts(sel), sel).toBe(true);
  });

  it('every chunk the renderer imports later waits for the later part (withLaterStyles)', () => {
    const unwrapped: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = path.join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.tsx?$/.test(name) && name !== 'laterStyles.ts')
          for (const line of readFileSync(p, 'utf8').split('\n')) if (/\bimport\(/.test(line) && !/withLaterStyles\(import\(/.test(line)) unwrapped.push(`${path.relative(root, p)}: ${line.trim()}`);
      }
    };
    walk(renderer);
    expect(unwrapped).toEqual([]);
  });
});
