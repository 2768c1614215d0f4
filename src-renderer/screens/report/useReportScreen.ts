import { useContext, useRef, useState } from 'react';
import { AppContext } from '../../state/app';
import { useImport } from '../import/useImport';
import type { PlanStatus } from '../../../src-shared/import/types';
import type { Report } from '../../../src-shared/domain/report';
import { failureText, refetchMethod, setMethodData, useMethodMutation, useMethodQuery } from '../../api/queries';

/**
 * 报告编辑's data: the report, the figures its chips and preview show, the unit, last year's plan
 * and the year's proofreading, all from the query cache. The figures follow every change made
 * anywhere (a ledger entry, an indicator) without a reload; the report itself is read once per
 * editor: its own autosave dirties it, and a refetch must never reset what the clerk is typing.
 */
export function useReportScreen(year: number) {
  const report = useMethodQuery('report.get', { year });
  const indicators = useMethodQuery('indicators.list', { year });
  const unit = useMethodQuery('unit.get', {});
  // last year's plan as a checklist: a help beside the editor, never a reason not to open it
  const plan = useMethodQuery('plan.checklist', { year }, { retry: false });
  const proofreading = useMethodQuery('proofread.state', { year });
  const needed = [report, indicators, unit, proofreading];
  const { mutateAsync: saveReport } = useMethodMutation('report.save');
  const { mutateAsync: ignore } = useMethodMutation('proofread.ignore');
  const { mutateAsync: unignore } = useMethodMutation('proofread.unignore');
  const { mutateAsync: setPlanStatus } = useMethodMutation('plan.setStatus');

  // The editor opens on what the services hold now, not on a cached copy from an earlier visit
  // (the CLI may have written since): once every read was fetched after this screen mounted.
  // From then on, refetches update figures and plan; the editor keeps its own text.
  const readyFor = useRef<number | null>(null);
  if (needed.every((q) => q.isFetchedAfterMount && q.data !== undefined) && (plan.isFetchedAfterMount || plan.isError)) readyFor.current = year;
  const error = needed.map(failureText).find(Boolean) ?? null;

  const app = useContext(AppContext);
  // an import into this year replaces the editor's content: a new editor on the new report
  const [generation, setGeneration] = useState(0);
  const imp = useImport({
    fallbackYear: year,
    onDone: (y) => {
      if (y === year) {
        void refetchMethod('report.get', { year }).then(
          () => setGeneration((g) => g + 1),
          () => setGeneration((g) => g + 1),
        );
      } else if (app) {
        void app.reloadYears().then(() => app.setYear(y));
      }
    },
  });

  return {
    ready: readyFor.current === year && report.data !== undefined,
    error,
    retry: () => needed.forEach((q) => q.error && void q.refetch()),
    generation,
    importDialog: imp.dialog,
    startImport: imp.start,
    report: report.data,
    indicators: indicators.data ?? [],
    unit: unit.data ?? null,
    plan: plan.data ?? null,
    proofreading: proofreading.data,
    save: (r: Report) => saveReport({ year, report: r }),
    onIgnore: (key: string, ignored: boolean) => (ignored ? ignore : unignore)({ year, key }),
    markPlan: async (key: string, status: PlanStatus) => {
      const next = await setPlanStatus({ year, key, status });
      setMethodData('plan.checklist', { year }, () => next);
    },
  };
}
