import { AppError } from '../../src-shared/errors';

/**
 * The value, null when there is none, or 'damaged' when the file is damaged beyond its automatic
 * backups (read again once after a recovery put it back from one).
 */
export async function readOrDamaged<T>(read: () => Promise<T | null>): Promise<T | null | 'damaged'> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await read();
    } catch (e) {
      if (e instanceof AppError && e.code === 'CORRUPT_RECOVERED' && attempt === 0) continue;
      if (e instanceof AppError && e.code === 'CORRUPT_UNRECOVERABLE') return 'damaged';
      throw e;
    }
  }
}

/**
 * The value, or null when the file is damaged beyond its automatic backups: lists and summaries
 * skip a damaged year instead of failing for the healthy ones.
 */
export async function readIfReadable<T>(read: () => Promise<T | null>): Promise<T | null> {
  const r = await readOrDamaged(read);
  return r === 'damaged' ? null : r;
}
