import * as z from 'zod';
import { UnitDraftsSchema, UnitSchema } from '../../src-shared/domain/unit';
import { UNIT_FILE_VERSION } from '../../src-shared/domain/year';

/** unit.json on disk (the year file schema is YearDataSchema itself). */
export const UnitFileSchema = z.object({
  version: z.literal(UNIT_FILE_VERSION, { error: `单位信息版本不受支持（应为${UNIT_FILE_VERSION}）` }),
  unit: UnitSchema,
  /** what 单位设置 holds back from the unit (incomplete rows); absent when there is none */
  drafts: UnitDraftsSchema.optional(),
});
