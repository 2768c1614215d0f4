import type { Implements } from '../../../src-shared/methods/declare';
import type { UNIT_METHODS } from '../../../src-shared/methods/unit';
import { UNIT_FILE_VERSION } from '../../../src-shared/domain/year';
import type { UnitDrafts } from '../../../src-shared/domain/unit';
import { AppError } from '../../../src-shared/errors';
import type { ServiceContext } from '../context';

/** The methods declared in src-shared/methods/unit.ts, no more, no less. */
type H = Implements<typeof UNIT_METHODS>;

const NO_DRAFTS: UnitDrafts = { leaders: [], villages: [], fields: {} };

export function unitHandlers(ctx: ServiceContext): H {
  return {
    async 'unit.get'() {
      return (await ctx.store.readUnit())?.unit ?? null;
    },

    async 'unit.drafts'() {
      return (await ctx.store.readUnit())?.drafts ?? NO_DRAFTS;
    },

    async 'unit.saveDrafts'({ drafts }) {
      const saved = await ctx.store.updateUnit((cur) => {
        if (!cur) throw new AppError('NOT_FOUND', '尚未设置单位信息，请先在“单位设置”中填写，或载入示例数据');
        return { ...cur, drafts };
      });
      return saved.drafts ?? NO_DRAFTS;
    },

    async 'unit.save'({ unit, drafts }) {
      // The check and the write are one critical section of unit.json (its queue and file lock):
      // a village found unused cannot be removed after another save or removal changed it.
      const saved = await ctx.store.updateUnit(async (cur) => {
        if (cur) {
          // A village that disappears from the list must not leave entries pointing at nothing:
          // removal goes through unit.removeVillage, which asks where its entries go.
          const kept = new Set(unit.villages.map((v) => v.id));
          for (const v of cur.unit.villages) {
            if (kept.has(v.id)) continue;
            const used = await countVillageUse(ctx, v.id);
            if (used.total > 0)
              throw new AppError(
                'CONFLICT',
                `村（社区）“${v.name}”仍有${used.total}条记录（${used.detail}），请使用“删除村（社区）”并选择这些记录的去向`,
              );
          }
        }
        const keptDrafts = drafts ?? cur?.drafts;
        return {
          version: UNIT_FILE_VERSION,
          unit: { ...unit, customIndicators: cur?.unit.customIndicators ?? unit.customIndicators },
          ...(keptDrafts ? { drafts: keptDrafts } : {}),
        };
      });
      return saved.unit;
    },

    async 'unit.removeVillage'({ villageId, reassignTo }) {
      let moved = 0;
      // One critical section of unit.json: the village list read here is the one written back,
      // and the years are updated while it is held (lock order everywhere: unit.json, then years).
      const saved = await ctx.store.updateUnit(async (cur) => {
        if (!cur) throw new AppError('NOT_FOUND', '尚未设置单位信息，请先在“单位设置”中填写，或载入示例数据');
        const unit = cur.unit;
        const village = unit.villages.find((v) => v.id === villageId);
        if (!village) throw new AppError('NOT_FOUND', `没有编号为 ${villageId} 的村（社区）`);
        if (reassignTo !== null && (reassignTo === villageId || !unit.villages.some((v) => v.id === reassignTo)))
          throw new AppError('VALIDATION', '记录的去向必须是另一个现有的村（社区）');
        moved = 0;
        for (const year of await ctx.store.listYears()) {
          moved += await ctx.store.updateYear(year, (d) => {
            let n = 0;
            for (const e of [...d.ledger, ...d.mediation]) {
              if (e.villageId !== villageId) continue;
              if (reassignTo) e.villageId = reassignTo;
              else delete e.villageId;
              n++;
            }
            return n;
          });
        }
        // a typed name of the removed village kept as a draft would come back as a new row
        const drafts = cur.drafts && { ...cur.drafts, villages: cur.drafts.villages.filter((v) => v.id !== villageId) };
        return { ...cur, unit: { ...unit, villages: unit.villages.filter((v) => v.id !== villageId) }, ...(drafts ? { drafts } : {}) };
      });
      return { unit: saved.unit, moved };
    },
  };
}

async function countVillageUse(ctx: ServiceContext, villageId: string): Promise<{ total: number; detail: string }> {
  let total = 0;
  const parts: string[] = [];
  for (const year of await ctx.store.listYears()) {
    const d = await ctx.store.readYear(year);
    if (!d) continue;
    const n = d.ledger.filter((e) => e.villageId === villageId).length + d.mediation.filter((e) => e.villageId === villageId).length;
    if (n) parts.push(`${year}年${n}条`);
    total += n;
  }
  return { total, detail: parts.join('，') };
}
