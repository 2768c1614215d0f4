import type { Implements } from '../../../src-shared/methods/declare';
import type { IMPORT_METHODS } from '../../../src-shared/methods/import';
import type { ServiceContext } from '../context';

/** The methods declared in src-shared/methods/import.ts, no more, no less. */
type H = Implements<typeof IMPORT_METHODS>;

// The readers (mammoth, word-extractor, diff) load on first use: every CLI command and the app's
// start would otherwise pay for evaluating them.
const importing = () => import('../import/importReport');
const comparing = () => import('../import/compareReport');

export function importHandlers(ctx: ServiceContext): H {
  return {
    'import.preview': async (input) => (await importing()).previewImport(ctx, input),
    'import.commit': async (input) => (await importing()).commitImport(ctx, input),
    'import.compare': async (input) => (await comparing()).compareImport(ctx, input),
    'import.applyCompare': async (input) => (await comparing()).applyCompare(ctx, input),
  };
}
