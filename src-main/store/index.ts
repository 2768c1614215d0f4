export { openStore } from './store';
export { summarizeYear } from './yearSummary';
export { UnitFileSchema } from './schemas';
export { readIfReadable, readOrDamaged } from './readIfReadable';
export { writeFileAtomic } from './atomicWrite';
export { saveOutside } from './outsideFile';
export { onWait, currentWait, type WaitNotice } from './waitNotice';
export type { Store, UnitFile } from './types';
export { workCounts } from './workCounts';
