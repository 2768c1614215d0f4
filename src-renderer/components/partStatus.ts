import type { PartStatus } from '../../src-shared/domain/vocabulary';

/** The tag colour of a part's status (草稿 / 待审 / 定稿), the same on the overview and in the outline. */
export const PART_STATUS_COLOR: Record<PartStatus, string> = { 草稿: 'default', 待审: 'orange', 定稿: 'green' };
