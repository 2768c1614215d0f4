import { AppError } from '../../src-shared/errors';

/**
 * The value, or null when the file is damaged beyond its automatic backups (read again once after a
 * recovery): lists and summaries skip a damaged year instead of failing for the healthy ones.
 */
export async function readIfReadable<T>(read: () => Promise<T | null>): Promise<T | null> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await read();
    } catch (e) {
      if (e instanceof AppError && e.code === 'CORRUPT_RECOVERED' && attempt === 0) continue;
      if (e instanceof AppError && e.code === 'CORRUPT_UNRECOVERABLE') return null;
      throw e;
    }
  }
}
