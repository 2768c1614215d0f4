import type { Implements } from '../../../src-shared/methods/declare';
import type { BACKUP_METHODS } from '../../../src-shared/methods/backup';
import type { ServiceContext } from '../context';

// The backup file format (zip) loads on the first backup or restore.
const backupFile = () => import('../../store/backupFile');

/** The methods declared in src-shared/methods/backup.ts, no more, no less. */
type H = Implements<typeof BACKUP_METHODS>;

export function backupHandlers(ctx: ServiceContext): H {
  return {
    'backup.create': async () => (await backupFile()).createBackupFile(ctx.store, ctx.now()),
    'backup.inspect': async ({ data }) => (await backupFile()).inspectBackup(data, ctx.store),
    'backup.restore': async ({ data }) => (await backupFile()).restoreBackup(data, ctx.store),
  };
}
