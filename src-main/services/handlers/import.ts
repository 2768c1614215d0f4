import type { Handlers } from '../../../src-shared/contract';
import type { ServiceContext } from '../context';

type H = Pick<Handlers, 'import.preview' | 'import.commit' | 'import.compare' | 'import.applyCompare'>;

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
