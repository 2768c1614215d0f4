import type { Implements } from '../../../src-shared/methods/declare';
import type { BACKUP_METHODS } from '../../../src-shared/methods/backup';
import type { ServiceContext } from '../context';
import { runInBox } from '../../sandbox/box';
import { checkBackupSize } from '../../store/snapshotChecks';

/** What the clerk reads when the box had to stop reading a backup (memory, time, a crash). */
export const BACKUP_REFUSED = '备份文件过大或已损坏，无法恢复；数据文件夹没有任何改动。';

/**
 * A backup is a file the clerk brings in like any other: its size is checked here, before a byte
 * of it is parsed, and it is parsed in the file box (src-main/sandbox), so a crafted one that
 * exhausts memory ends the box, not the app with the clerk's unsaved work.
 */
function decodeInBox(data: Uint8Array) {
  checkBackupSize(data.byteLength);
  return runInBox('backup', { data }, { refused: BACKUP_REFUSED });
}

// The backup file format (zip) loads on the first backup or restore.
const backupFile = () => import('../../store/backupFile');

/** The methods declared in src-shared/methods/backup.ts, no more, no less. */
type H = Implements<typeof BACKUP_METHODS>;

export function backupHandlers(ctx: ServiceContext): H {
  return {
    'backup.create': async () => (await backupFile()).createBackupFile(ctx.store, ctx.now()),
    'backup.inspect': async ({ data }) => (await backupFile()).inspectBackup(data, ctx.store, decodeInBox),
    'backup.restore': async ({ data }) => (await backupFile()).restoreBackup(data, ctx.store, decodeInBox),
  };
}
