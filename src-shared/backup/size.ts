/**
 * A single-file backup larger than this is not one this program wrote (a big year is a few MB).
 * One home for the bound: the CLI checks it before reading the file, the services before parsing.
 */
export const MAX_BACKUP_BYTES = 200 * 1024 * 1024;

/** The refusal of a backup file above MAX_BACKUP_BYTES (its size only: nothing read yet), null below it. */
export function backupFileTooBig(bytes: number): string | null {
  if (bytes <= MAX_BACKUP_BYTES) return null;
  return `备份文件过大（${Math.round(bytes / 1024 / 1024)} MB，超过 ${MAX_BACKUP_BYTES / 1024 / 1024} MB），不是本程序生成的备份，无法恢复；数据文件夹没有任何改动。`;
}
