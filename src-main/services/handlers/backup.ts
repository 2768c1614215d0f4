import type { Handlers } from '../../../src-shared/contract';
import { createBackupFile, inspectBackup, restoreBackup } from '../../store';
import type { ServiceContext } from '../context';

type H = Pick<Handlers, 'backup.create' | 'backup.inspect' | 'backup.restore'>;

export function backupHandlers(ctx: ServiceContext): H {
  return {
    'backup.create': () => createBackupFile(ctx.store, ctx.now()),
    'backup.inspect': ({ data }) => inspectBackup(data, ctx.store),
    'backup.restore': ({ data }) => restoreBackup(data, ctx.store),
  };
}
