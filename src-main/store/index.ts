export { openStore } from './store';
export { summarizeYear } from './yearSummary';
export { UnitFileSchema } from './schemas';
export { readIfReadable, readOrDamaged } from './readIfReadable';
export { writeFileAtomic } from './atomicJsonAdapter';
export { saveOutside } from './outsideFile';
export type { Store, UnitFile } from './types';
