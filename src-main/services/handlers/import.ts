import type { Handlers } from '../../../src-shared/contract';
import type { ServiceContext } from '../context';
import { applyCompare, compareImport } from '../import/compareReport';
import { commitImport, previewImport } from '../import/importReport';

type H = Pick<Handlers, 'import.preview' | 'import.commit' | 'import.compare' | 'import.applyCompare'>;

export function importHandlers(ctx: ServiceContext): H {
  return {
    'import.preview': (input) => previewImport(ctx, input),
    'import.commit': (input) => commitImport(ctx, input),
    'import.compare': (input) => compareImport(ctx, input),
    'import.applyCompare': (input) => applyCompare(ctx, input),
  };
}
