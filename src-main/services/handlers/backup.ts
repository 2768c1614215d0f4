import type { Handlers } from '../../../src-shared/contract';
import type { ServiceContext } from '../context';

// The backup file format (zip) loads on the first backup or restore.
const backupFile = () => import('../../store/backupFile');

type H = Pick<Handlers, 'backup.create' | 'backup.inspect' | 'backup.restore'>;

export function backupHandlers(ctx: ServiceContext): H {
  return {
    'backup.create': async () => (await backupFile()).createBackupFile(ctx.store, ctx.now()),
    'backup.inspect': async ({ data }) => (await backupFile()).inspectBackup(data, ctx.store),
    'backup.restore': async ({ data }) => (await backupFile()).restoreBackup(data, ctx.store),
  };
}
