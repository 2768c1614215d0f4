import { useCallback, useState } from 'react';
import { App as AntApp } from 'antd';
import type { FontPreset } from '../../../src-shared/domain/vocabulary';
import { failureText, useMethodMutation, useMethodQuery } from '../../api/queries';
import { saveFile, type SavedFile } from '../../api/platform';
import { errorText } from '../../components/errors';
import { useApp } from '../../state/app';
import type { EditionChoice } from './IssuanceFields';
import { useIssuance } from './useIssuance';
import type { PrintJob } from './PublicPdf';

/** Today on this computer as YYYY-MM-DD (the 印发日期 the preview shows when none is set). */
function localIsoDate(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
import { useIndicatorNames } from '../../components/useIndicatorNames';

export type Outcome =
  | { kind: 'saved'; file: SavedFile; fileName: string }
  | { kind: 'pdf'; path: string }
  | { kind: 'failed'; message: string }
  | null;

/** 导出's data and actions: the proofreader's findings, the report's 落款, the history, exporting. */
export function useExport() {
  const app = useApp();
  const { year } = app;
  const { message } = AntApp.useApp();
  // errors are listed before export; exporting anyway stays the clerk's choice (Word-like, not a jail)
  const proof = useMethodQuery('proofread.run', { year });
  const errors = (proof.data ?? []).filter((f) => f.severity === '错误');
  const reminders = (proof.data ?? []).length - errors.length;
  // figures a final export cannot print: while any is missing, only the 征求意见稿 is offered
  const render = useMethodQuery('report.render', { year });
  const missing = render.data?.missing ?? [];
  const nameOf = useIndicatorNames(year);
  const [fontPreset, setFontPreset] = useState<FontPreset>(app.unit.fontPreset);
  // 落款 starts as the report itself has it (报告编辑's preview), so an untouched export prints
  // the same; null = not changed here yet
  const stored = useMethodQuery('report.get', { year }, { select: (r) => r.signature });
  const [sigChoice, setSigChoice] = useState<{ enabled: boolean; date: string } | null>(null);
  const sig = sigChoice ?? (stored.data ? { enabled: stored.data.enabled, date: stored.data.date } : null);
  const [busy, setBusy] = useState<'final' | 'draft' | 'pdf' | null>(null);
  const [printJob, setPrintJob] = useState<PrintJob | null>(null);
  const [edition, setEdition] = useState<EditionChoice>('');
  const issuance = useIssuance(localIsoDate(), (err) => void message.error(`报送件设置未能保存：${errorText(err)}`, 6));
  const [outcome, setOutcome] = useState<Outcome>(null);
  // newest first, in the order the exports happened (a wrong clock must not reorder them)
  const history = useMethodQuery('export.history', { year });
  const { mutateAsync: exportDocx } = useMethodMutation('export.docx');
  const { mutateAsync: recordExport } = useMethodMutation('export.recorded');
  const { mutateAsync: renderForPrint } = useMethodMutation('export.print');

  /** export.recorded refreshes the history and whatever else it dirtied */
  const doExport = async (draft = false) => {
    // the 报送件 prints what is in the fields now, also what was typed a moment ago; a field that
    // does not read refuses the export there (the screen asked `issuance.ready()` before)
    if (edition === 'submit' && !(await issuance.save())) return;
    setBusy(draft ? 'draft' : 'final');
    setOutcome(null);
    try {
      const r = await exportDocx({
        year,
        fontPreset,
        // unknown (report not read): leave it to the report's own setting
        signature: sig ?? undefined,
        ...(draft ? { draft: true } : {}),
        ...(edition ? { edition } : {}),
      });
      const file = await saveFile(r.fileName, r.data);
      if (file) {
        setOutcome({ kind: 'saved', file, fileName: r.fileName });
        message.success(draft ? '征求意见稿已导出' : '报告已导出');
        // only a written file enters the history (not a cancelled dialog, not a failed write)
        await recordExport({ year, id: r.record.id }).catch((err: unknown) =>
          message.warning(`报告已保存，但导出记录未能写入：${errorText(err)}`, 8),
        );
      }
    } catch (err) {
      setOutcome({ kind: 'failed', message: errorText(err) });
    } finally {
      setBusy(null);
    }
  };

  /**
   * The 公开件 printed (a PDF for the website): the service renders it as the .docx has it, the
   * screen lays it out in the GB/T 9704 print view; busy until the print is done or refused.
   */
  const printPublic = async () => {
    setBusy('pdf');
    setOutcome(null);
    try {
      setPrintJob(await renderForPrint({ year, fontPreset, signature: sig ?? undefined, edition: 'public' }));
    } catch (err) {
      setOutcome({ kind: 'failed', message: errorText(err) });
      setBusy(null);
    }
  };
  // stable: the print view prints again whenever its onDone changes
  const printDone = useCallback(() => {
    setPrintJob(null);
    setBusy(null);
  }, []);
  const pdfSaved = useCallback((path: string) => setOutcome({ kind: 'pdf', path }), []);
  const pdfFailed = useCallback((err: unknown) => setOutcome({ kind: 'failed', message: `PDF 未能保存：${errorText(err)}` }), []);

  return {
    year,
    /** the report's text as it prints (report.render), for the 报送件 preview */
    body: render.data?.rendered,
    printJob,
    printPublic,
    printDone,
    pdfSaved,
    pdfFailed,
    proofread: proof.data,
    errors,
    reminders,
    missing,
    nameOf,
    go: app.go,
    fontPreset,
    setFontPreset,
    sig,
    sigLoading: stored.isPending && stored.isFetching,
    sigError: failureText(stored),
    setSigChoice,
    busy,
    edition,
    setEdition,
    issuance,
    outcome,
    doExport,
    records: history.data ?? [],
    historyLoading: history.isPending,
    historyError: failureText(history),
  };
}
