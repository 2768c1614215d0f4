/**
 * State and actions of the import preview: the report as corrected (with undo), the year and unit,
 * the half-width and indicator choices, and the commit request (built by the shared rule).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { App as AntApp } from 'antd';
import type { Report } from '../../../src-shared/domain/report';
import type { UnitKind } from '../../../src-shared/domain/vocabulary';
import type { ImportPreview } from '../../../src-shared/import/types';
import { applyPartOp, importCommitRequest, type ImportCommitRequest, type PartOp } from '../../../src-shared/import/previewEdits';
import { flattenOutline } from '../../../src-shared/report/outline';
import type { OpenedFile } from '../../api/platform';
import { useMethodMutation } from '../../api/queries';

export type CommitRequest = ImportCommitRequest;
export type { PartOp };

export interface PreviewEditorProps {
  preview: ImportPreview;
  file: OpenedFile;
  busy: boolean;
  onCancel: () => void;
  onCommit: (req: CommitRequest) => void;
  onCompare: (year: number) => void;
}

/** The unit to create; `kind` null until the clerk chooses it when the title names no unit. */
export type UnitDraft = { shortName: string; fullName: string; kind: UnitKind | null };

export function usePreviewEditor({ preview, file, onCommit }: PreviewEditorProps) {
  const { modal } = AntApp.useApp();
  const [report, setReport] = useState<Report>(preview.report);
  const [year, setYear] = useState<number | null>(preview.year);
  const [existing, setExisting] = useState(preview.existing);
  // a title that names no unit: nothing is guessed, the preview asks for all three
  const [unit, setUnit] = useState<UnitDraft>(() => preview.unit ?? { shortName: '', fullName: '', kind: null });
  const [convert, setConvert] = useState(false);
  const [ticked, setTicked] = useState<Set<string>>(() => new Set());
  const [placeholders, setPlaceholders] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { mutateAsync: previewAgain } = useMethodMutation('import.preview');

  useEffect(() => {
    performance.mark('fz-import-preview-shown');
  }, []);

  // the year decides whether a report is already there: ask the service again, keep the edits
  const asked = useRef(preview.year);
  useEffect(() => {
    if (year === null || year === asked.current) return;
    const t = setTimeout(() => {
      asked.current = year;
      previewAgain({ fileName: file.fileName, data: file.data, year }).then(
        (p) => setExisting(p.existing),
        () => undefined, // the commit reports a bad year in words
      );
    }, 400);
    return () => clearTimeout(t);
  }, [year, file, previewAgain]);

  const rows = useMemo(() => flattenOutline(report.parts), [report.parts]);

  // outline changes can be taken back one by one (a split or merge clicked by mistake)
  const [undo, setUndo] = useState<Report[]>([]);
  const onPartOp = (id: string, op: PartOp) => {
    const next = applyPartOp(report, id, op);
    if (next.parts === report.parts) return; // the operation did not apply
    setUndo((u) => [...u.slice(-49), report]);
    setReport(next);
  };
  const undoLast = () => {
    const prev = undo[undo.length - 1];
    if (!prev) return;
    setUndo((u) => u.slice(0, -1));
    setReport(prev);
  };
  // one callback for every part block, so a memoised block redraws only when its part changes
  const opRef = useRef(onPartOp);
  opRef.current = onPartOp;
  const stableOp = useMemo(() => (id: string, op: PartOp) => opRef.current(id, op), []);

  const toggle = (key: string, on: boolean) =>
    setTicked((t) => {
      const n = new Set(t);
      if (on) n.add(key);
      else n.delete(key);
      return n;
    });

  const request = (mode: 'new' | 'replace'): CommitRequest | null => {
    const r = importCommitRequest(preview, { year, report, unit, convertHalfWidth: convert, ticked, placeholders }, mode);
    setProblem(r.ok ? null : r.problem);
    return r.ok ? r.request : null;
  };
  const commitNew = () => {
    const req = request('new');
    if (req) onCommit(req);
  };
  const commitReplace = () => {
    const req = request('replace');
    if (!req) return;
    modal.confirm({
      title: `替换${year}年度现有报告？`,
      content: '现有报告的标题、提纲和正文将换成导入的内容；指标、台账和调解案件不受影响。替换前的数据会自动备份。',
      okText: '替换',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => onCommit(req),
    });
  };

  return {
    report,
    setTitle: (title: string) => setReport((r) => ({ ...r, title })),
    rows,
    year,
    setYear,
    existing,
    unit,
    setUnit,
    convert,
    setConvert,
    ticked,
    toggle,
    placeholders,
    setPlaceholders,
    problem,
    canUndo: undo.length > 0,
    undoLast,
    onPartOp: stableOp,
    commitNew,
    commitReplace,
  };
}

export type PreviewEditorState = ReturnType<typeof usePreviewEditor>;
