import * as z from 'zod';
import { idField, lineText } from './text';
import { IndicatorDefSchema } from './indicatorSchema';
import { FONT_PRESETS, UNIT_KINDS, VILLAGE_KINDS } from './vocabulary';
import { LIMITS } from './limits';
import { IssuingHabitsSchema } from './issuance';

export const VillageSchema = z.object({
  id: idField,
  name: lineText('村（社区）名称', LIMITS.villageName, 1),
  kind: z.enum(VILLAGE_KINDS, { error: '村（社区）类型只能是“村”或“社区”' }),
});
export type Village = z.infer<typeof VillageSchema>;

export const LeaderSchema = z.object({
  role: lineText('职务', LIMITS.leaderRole, 1),
  name: lineText('姓名', LIMITS.leaderName, 1),
});
export type Leader = z.infer<typeof LeaderSchema>;

export const UnitSchema = z
  .object({
    shortName: lineText('单位简称', LIMITS.unitShortName, 1),
    fullName: lineText('单位全称', LIMITS.unitFullName, 1),
    kind: z.enum(UNIT_KINDS, { error: `单位类型只能是${UNIT_KINDS.join('、')}` }),
    villages: z.array(VillageSchema).max(500, { error: '村（社区）不能超过500个' }),
    leaders: z.array(LeaderSchema).max(20).default([]),
    /** 主送机关 printed above the body; empty = none. */
    recipient: lineText('主送机关', LIMITS.recipient).default(''),
    fontPreset: z.enum(FONT_PRESETS, { error: '字体方案只能是 standard 或 windows' }).default('standard'),
    /** Name printed in the signature block; empty = fullName. */
    signatureName: lineText('落款单位', LIMITS.signatureName).default(''),
    /** Indicators the clerk defined; they exist in every year. */
    customIndicators: z.array(IndicatorDefSchema).max(500).default([]),
    /** 报送件 habits: 联合发文机关, 发文机关标志, the last 发文字号 and 抄送 used */
    issuing: IssuingHabitsSchema.optional(),
  })
  .superRefine((u, ctx) => {
    const ids = new Set<string>();
    const names = new Set<string>();
    for (const v of u.villages) {
      if (ids.has(v.id)) ctx.addIssue({ code: 'custom', path: ['villages'], message: `村（社区）编号重复：${v.id}` });
      if (names.has(v.name)) ctx.addIssue({ code: 'custom', path: ['villages'], message: `村（社区）名称重复：${v.name}` });
      ids.add(v.id);
      names.add(v.name);
    }
  });
export type Unit = z.output<typeof UnitSchema>;
export type UnitInput = z.input<typeof UnitSchema>;


/**
 * What of 单位设置 was typed but is not part of the unit yet (issue 17: an incomplete row is kept as
 * a draft, marked, and survives leaving the screen and a restart). Stored beside the unit in
 * unit.json, never inside it: the report, the export and every other screen see only the unit.
 * `at` is the row's place in the list as the clerk left it.
 */
export const UnitDraftsSchema = z.object({
  /** 负责人 rows with only a 职务 or only a 姓名 */
  leaders: z
    .array(z.object({ at: z.number().int().min(0).max(100), role: lineText('职务', LIMITS.leaderRole), name: lineText('姓名', LIMITS.leaderName) }))
    .max(20, { error: '未填完的负责人不能超过20行' })
    .default([]),
  /** a new village not saved yet (a name already in the list), or a saved one's typed name that cannot be saved (empty, repeated) */
  villages: z
    .array(z.object({ at: z.number().int().min(0).max(1000), id: idField, name: lineText('村（社区）名称', LIMITS.villageName), kind: VillageSchema.shape.kind }))
    .max(500, { error: '未保存的村（社区）不能超过500个' })
    .default([]),
  /** 单位简称 / 单位全称 emptied on screen (the stored value stays in the unit) */
  fields: z
    .object({ shortName: lineText('单位简称', LIMITS.unitShortName).optional(), fullName: lineText('单位全称', LIMITS.unitFullName).optional() })
    .default({}),
});
export type UnitDrafts = z.output<typeof UnitDraftsSchema>;
