import { randomFillSync } from 'node:crypto';
import type { Handlers } from '../../src-shared/contract';
import { useRandomSource } from '../../src-shared/ids';
import path from 'node:path';
import { userCacheDir } from '../boot/userCacheDir';
import { openStore } from '../store';
import type { ServiceContext } from './context';
import { APP_VERSION } from './version';
import { appHandlers } from './handlers/app';
import { backupHandlers } from './handlers/backup';
import { damagedHandlers } from './handlers/damaged';
import { exportHandlers } from './handlers/export';
import { indicatorHandlers } from './handlers/indicators';
import { ledgerHandlers } from './handlers/ledger';
import { overviewHandlers } from './handlers/overview';
import { proofreadHandlers } from './handlers/proofread';
import { reportHandlers } from './handlers/report';
import { unitHandlers } from './handlers/unit';
import { yearsHandlers } from './handlers/years';
import { importHandlers } from './handlers/import';
import { planHandlers } from './handlers/plan';
import { sheetHandlers } from './handlers/sheet';
import { setupHandlers } from './handlers/setup';
import { draftHandlers } from './handlers/draft';

export interface ServiceOptions {
  now?: () => Date;
  version?: string;
  /** the per-user cache folder (boot/userCacheDir.ts); null: keep nothing between runs */
  cacheDir?: string | null;
}

/** The whole contract over one data folder; every transport wraps the object this returns. */
export async function createServices(dataDir: string, opts: ServiceOptions = {}): Promise<Handlers> {
  // ids from node:crypto, which the store loads anyway, not from Node's Web Crypto layer (ids.ts)
  useRandomSource((bytes) => void randomFillSync(bytes));
  const version = opts.version ?? APP_VERSION;
  const ctx: ServiceContext = {
    store: await openStore(dataDir, { summaryCache: yearSummaryCache(opts.cacheDir === undefined ? userCacheDir() : opts.cacheDir, version) }),
    now: opts.now ?? (() => new Date()),
    version,
  };
  const handlers = {
    ...appHandlers(ctx),
    ...unitHandlers(ctx),
    ...yearsHandlers(ctx),
    ...overviewHandlers(ctx),
    ...indicatorHandlers(ctx),
    ...ledgerHandlers(ctx),
    ...reportHandlers(ctx),
    ...exportHandlers(ctx),
    ...backupHandlers(ctx),
    ...importHandlers(ctx),
    ...planHandlers(ctx),
    ...proofreadHandlers(ctx),
    ...sheetHandlers(ctx),
    ...damagedHandlers(ctx),
    ...setupHandlers(ctx),
    ...draftHandlers(ctx),
  } satisfies Handlers;
  return handlers;
}

const yearSummaryCache = (root: string | null, programVersion: string) => (root ? { dir: path.join(root, 'year-summaries'), programVersion } : undefined);

export { dispatch } from './dispatch';
export { defaultDataDir } from './dataDir';
