/**
 * The dependency rule of 法治年报, checked by `npm run lint:deps` (dependency-cruiser) in CI.
 *
 * Layers: src-shared (pure domain + contract) ← src-main/services (+ store, export, spreadsheet, demo)
 * ← transports (src-main/cli, src-main/web, src-main/electron). The renderer talks to the services only
 * through the contract, so it imports src-shared and nothing of src-main.
 */

/** Non-transport code in src-main: the services and what they are built from. */
const CORE = '^src-main/(services|store|export|spreadsheet|demo|static|sandbox)/';
const TRANSPORTS = '^src-main/(cli|web|electron)/';

/** Packages that parse or write office files: services only, never in the renderer bundle. */
const OFFICE_LIBS = '^node_modules/(mammoth|diff|word-extractor|docx|papaparse|iconv-lite|fflate|lowdb)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'shared-is-standalone',
      comment: 'src-shared is used by both ends; it imports neither src-main nor src-renderer.',
      severity: 'error',
      from: { path: '^src-shared/' },
      to: { path: '^src-(main|renderer)/' },
    },
    {
      name: 'renderer-not-main',
      comment: 'The renderer reaches the services only through the contract (src-shared), never src-main.',
      severity: 'error',
      from: { path: '^src-renderer/' },
      to: { path: '^src-main/' },
    },
    {
      name: 'renderer-changes-through-mutations',
      comment:
        'Screens reach the services through api/queries.ts only: reads with useMethodQuery, every change as a TanStack mutation (useMethodMutation, runMutation). api/client.ts, which sends a call, is for api/ alone.',
      severity: 'error',
      from: { path: '^src-renderer/', pathNot: '^src-renderer/api/' },
      to: { path: '^src-renderer/api/client[.]ts$' },
    },
    {
      name: 'renderer-no-office-libs',
      comment: 'Parsing and writing office files happens in the services; none of it in the renderer bundle.',
      severity: 'error',
      from: { path: '^src-renderer/' },
      to: { path: OFFICE_LIBS },
    },
    {
      name: 'exceljs-is-for-tests',
      comment: 'exceljs is the tests\' reference reader of .xlsx (a devDependency); the app reads and writes .xlsx itself (src-main/spreadsheet/xlsxReader.ts, xlsxWriter.ts).',
      severity: 'error',
      from: { path: '^src-' },
      to: { path: '^node_modules/exceljs/' },
    },
    {
      name: 'core-not-electron',
      comment: 'Services (and store, export, spreadsheet) run under the CLI and the web bridge too: no electron.',
      severity: 'error',
      from: { path: CORE },
      to: { path: '^(node_modules/)?electron$|^node_modules/electron/' },
    },
    {
      name: 'core-not-transports',
      comment: 'Transports translate to the services, never the other way round.',
      severity: 'error',
      from: { path: CORE },
      to: { path: TRANSPORTS },
    },
    {
      name: 'core-not-react',
      comment: 'No UI library in the services.',
      severity: 'error',
      from: { path: `${CORE}|^src-shared/` },
      to: { path: '^node_modules/(react|react-dom|antd|@ant-design|@tiptap)/' },
    },
    {
      name: 'transports-independent',
      comment: 'Each transport stands alone (the CLI does not borrow from the bridge, etc.).',
      severity: 'error',
      from: { path: '^src-main/(cli)/' },
      to: { path: '^src-main/(web|electron)/' },
    },
    {
      name: 'no-circular',
      comment: 'Give each symbol one home: a cycle means a module re-exports or borrows from its dependant.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment:
        "An import that resolves to nothing is a typo or a missing dependency. virtual:antd.css is made by the build (vite.config.ts, scripts/antdStyles.mjs).",
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: '^(electron|virtual:antd[.]css)$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|release)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.web.json' },
    combinedDependencies: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
      mainFields: ['module', 'main', 'types'],
    },
    moduleSystems: ['es6', 'cjs'],
  },
};
