export { openStore } from './store';
export { summarizeYear } from './yearSummary';
export { readIfReadable } from './readIfReadable';
export { writeFileAtomic, AtomicJsonAdapter } from './atomicJsonAdapter';
export { saveOutside } from './outsideFile';
export { BACKUP_FORMAT, BACKUP_VERSION } from './envelope';
export { BACKUPS_DIR_NAME } from './backups';
export { UnitFileSchema } from './schemas';
export type { Store, StoreOptions, StoreSnapshot, UnitFile, RecoveryNotice, ReplaceReport } from './types';
