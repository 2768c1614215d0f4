import type { Handlers } from '../../../src-shared/contract';
import { AppError } from '../../../src-shared/errors';
import type { ServiceContext } from '../context';
import { commitImport, previewImport } from '../import/importReport';

type H = Pick<Handlers, 'import.preview' | 'import.commit' | 'import.compare' | 'import.applyCompare'>;

const notYet = (): never => {
  throw new AppError('VALIDATION', '对比功能尚未完成，请稍后再试');
};

export function importHandlers(ctx: ServiceContext): H {
  return {
    'import.preview': (input) => previewImport(ctx, input),
    'import.commit': (input) => commitImport(ctx, input),
    'import.compare': async () => notYet(),
    'import.applyCompare': async () => notYet(),
  };
}
