import type { Handlers } from '../../../src-shared/contract';
import { AppError } from '../../../src-shared/errors';
import type { ServiceContext } from '../context';

type H = Pick<Handlers, 'plan.checklist' | 'plan.setStatus'>;

const notYet = (): never => {
  throw new AppError('VALIDATION', '上年度安排清单尚未完成，请稍后再试');
};

export function planHandlers(_ctx: ServiceContext): H {
  return {
    'plan.checklist': async () => notYet(),
    'plan.setStatus': async () => notYet(),
  };
}
