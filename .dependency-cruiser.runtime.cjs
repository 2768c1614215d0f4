/**
 * The runtime half of the dependency rule (`npm run lint:deps` runs both configs): what ends up in a
 * bundle. Type-only imports are erased by the compiler, so here they are not followed
 * (tsPreCompilationDeps: false); the main config keeps them, so cycles through types still count.
 */
const base = require('./.dependency-cruiser.cjs');

/**
 * Modules the renderer (or the proofreader running in it) imports without pulling in zod: neither they
 * nor anything they reach may import zod. Schemas live in their own files (domain/*.ts with zod).
 */
const ZOD_FREE = [
  '^src-shared/(bridge|wire|ids|fileErrors|fileName|errors|dates)[.]ts$',
  '^src-shared/methods/(domains|declare)[.]ts$',
  '^src-shared/catalog/',
  '^src-shared/sheet/(targets|choices)[.]ts$',
  '^src-shared/report/',
  '^src-shared/proofread/',
  '^src-shared/import/(types|previewEdits)[.]ts$',
  '^src-shared/domain/(vocabulary|wording|indicatorValue|textRules|numberInput|lookup|villageNames|unitNames|rendered|limits|entryInput|indicatorEdit|unitDraft)[.]ts$',
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'zod-free-stays-zod-free',
      comment: 'The renderer imports these without bundling zod: nothing they reach at run time imports zod.',
      severity: 'error',
      from: { path: ZOD_FREE },
      to: { path: '^node_modules/zod/', reachable: true },
    },
    {
      name: 'renderer-without-zod',
      comment: 'The renderer validates nothing itself (the services do), so zod stays out of its bundle.',
      severity: 'error',
      from: { path: '^src-renderer/' },
      to: { path: '^node_modules/zod/', reachable: true },
    },
  ],
  options: { ...base.options, tsPreCompilationDeps: false },
};
