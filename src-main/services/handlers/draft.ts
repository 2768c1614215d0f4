import type { Implements } from '../../../src-shared/methods/declare';
import type { DRAFT_METHODS } from '../../../src-shared/methods/draft';
import type { DraftPartKey } from '../../../src-shared/draft/types';
import { DRAFT_PARTS } from '../../../src-shared/draft/types';
import { newId } from '../../../src-shared/ids';
import { requireYear, type ServiceContext } from '../context';
import type { ReportDraft } from '../../../src-shared/draft/types';

// The drafting rules (phrases, measures, remarks) load on the first draft: no other call pays for them.
const drafting = () => import('../draft');

/** The methods declared in src-shared/methods/draft.ts, no more, no less. */
type H = Implements<typeof DRAFT_METHODS>;

const partsOf = (part: DraftPartKey | 'all'): readonly DraftPartKey[] => (part === 'all' ? DRAFT_PARTS : [part]);

async function draftYear(ctx: ServiceContext, year: number, part: DraftPartKey | 'all', figures: 'wording' | 'exact'): Promise<ReportDraft> {
  const data = await requireYear(ctx, year);
  const unit = (await ctx.store.readUnit())?.unit ?? null;
  const prev = await ctx.store.readYear(year - 1);
  const { makeDraft } = await drafting();
  return makeDraft({ unit, data, prev, figures, parts: partsOf(part) });
}

export function draftHandlers(ctx: ServiceContext): H {
  return {
    'draft.make': ({ year, part, figures }) => draftYear(ctx, year, part, figures),
    async 'draft.apply'({ year, part, figures }) {
      // drafted and written in one update, so a change in between cannot be overwritten
      const unit = (await ctx.store.readUnit())?.unit ?? null;
      const prev = await ctx.store.readYear(year - 1);
      await requireYear(ctx, year);
      const { applyDraft, makeDraft } = await drafting();
      return ctx.store.updateYear(year, (d) => {
        const draft = makeDraft({ unit, data: d, prev, figures, parts: partsOf(part) });
        const { report, written, skipped } = applyDraft(d.report, draft, () => newId('p'));
        if (written.length) d.report = report;
        return { draft, written, skipped };
      });
    },
  };
}
