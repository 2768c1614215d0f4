import type { Handlers } from '../../../src-shared/contract';
import { AppError } from '../../../src-shared/errors';
import type { ServiceContext } from '../context';

type H = Pick<Handlers, 'import.preview' | 'import.commit' | 'import.compare' | 'import.applyCompare'>;

const notYet = (): never => {
  throw new AppError('VALIDATION', '导入功能尚未完成，请稍后再试');
};

export function importHandlers(_ctx: ServiceContext): H {
  return {
    'import.preview': async () => notYet(),
    'import.commit': async () => notYet(),
    'import.compare': async () => notYet(),
    'import.applyCompare': async () => notYet(),
  };
}
