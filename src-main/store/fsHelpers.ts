import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../src-shared/errors';
import { fileErrorMessage } from '../../src-shared/fileErrors';

/**
 * Small file-system helpers the store's modules share. `errCode` keeps any code Node gives
 * (src-shared's `errnoCode` keeps only errno-shaped ones, for the transports' classifying), so a
 * message about an unusual failure still names it for whoever helps the clerk.
 */
export function errCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : undefined;
}

/** `file`: the full path involved, so the clerk is told where (which disk is full, which is read-only). */
export function ioError(e: unknown, action: string, file: string): AppError {
  if (e instanceof AppError) return e;
  const code = errCode(e);
  return new AppError('IO', fileErrorMessage(code, `${action} ${path.basename(file)}`, file), { code });
}

/** `<base><ext>`, or `<base>-2<ext>`, `-3`… : the first name not yet taken in `dir`. */
export async function uniqueName(dir: string, base: string, ext: string): Promise<string> {
  for (let i = 1; ; i++) {
    const name = i === 1 ? `${base}${ext}` : `${base}-${i}${ext}`;
    const taken = await fsp.lstat(path.join(dir, name)).then(
      () => true,
      (e: unknown) => {
        if (errCode(e) === 'ENOENT') return false;
        throw e;
      },
    );
    if (!taken) return name;
  }
}

/** fsync of a file written by someone else (a copy): its bytes are on disk before we go on. */
export async function syncFile(file: string): Promise<void> {
  const h = await fsp.open(file, 'r+');
  try {
    await h.sync();
  } finally {
    await h.close();
  }
}

/** The names in `dir`, none when it cannot be read: for clean-ups, which are best effort. */
export const namesIn = (dir: string): Promise<string[]> => fsp.readdir(dir).catch(() => [] as string[]);
