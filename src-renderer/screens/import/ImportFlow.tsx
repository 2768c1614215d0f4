/**
 * The import dialog: the file is read by the service (never here), the detected report is shown
 * and can be corrected, and only 导入 writes. A year that already has a report asks first:
 * 替换 it, or 对比 the file with it part by part and take the changes one by one.
 */
import { useEffect, useState } from 'react';
import { App as AntApp } from 'antd';
import type { OpenedFile } from '../../api/platform';
import { useMethodMutation } from '../../api/queries';
import { errorText } from '../../components/errors';
import type { CompareResult, ImportPreview } from '../../../src-shared/import/types';
import { PreviewEditor, type CommitRequest } from './PreviewEditor';
import { CompareView } from './CompareView';
import { Busy, ImportRefused, type DialogChrome } from './importChrome';
import './import.css';

export interface ImportFlowProps {
  file: OpenedFile;
  /** import.preview of the file, already asked for */
  preview: Promise<ImportPreview>;
  fallbackYear?: number | undefined;
  /** the frame (title, width) around each step */
  setChrome: (c: DialogChrome) => void;
  onClose: () => void;
  onDone: (year: number) => void;
}

type Phase =
  | { kind: 'parsing' }
  | { kind: 'failed'; message: string }
  | { kind: 'preview'; preview: ImportPreview }
  | { kind: 'comparing'; preview: ImportPreview; year: number }
  | { kind: 'compare'; preview: ImportPreview; result: CompareResult };

export default function ImportFlow({ file, preview: first, fallbackYear, setChrome, onClose, onDone }: ImportFlowProps) {
  const { message } = AntApp.useApp();
  const [phase, setPhase] = useState<Phase>({ kind: 'parsing' });
  const [busy, setBusy] = useState(false);
  const { mutateAsync: readReport } = useMethodMutation('import.preview');
  const { mutateAsync: commitImport } = useMethodMutation('import.commit');
  const { mutateAsync: compareWith } = useMethodMutation('import.compare');
  const { mutateAsync: applyCompare } = useMethodMutation('import.applyCompare');

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        let preview = await first;
        // a title without a year: offer the year the clerk is working on
        if (preview.year === null && fallbackYear) preview = await readReport({ fileName: file.fileName, data: file.data, year: fallbackYear });
        if (live) setPhase({ kind: 'preview', preview });
      } catch (err) {
        if (live) setPhase({ kind: 'failed', message: errorText(err) });
      }
    })();
    return () => {
      live = false;
    };
  }, [file, first, fallbackYear, readReport]);

  const wide = phase.kind === 'preview' || phase.kind === 'compare';
  const title = phase.kind === 'compare' || phase.kind === 'comparing' ? `对比修改稿 — ${file.fileName}` : `导入报告 — ${file.fileName}`;
  const closable = !busy && phase.kind !== 'parsing' && phase.kind !== 'comparing';
  useEffect(() => setChrome({ title, wide, closable }), [setChrome, title, wide, closable]);

  if (phase.kind === 'parsing') return <Busy text={`正在分析“${file.fileName}”的结构…`} />;
  if (phase.kind === 'comparing') return <Busy text={`正在与${phase.year}年度报告逐段对比…`} />;
  if (phase.kind === 'failed') return <ImportRefused message={phase.message} onClose={onClose} />;

  const commit = async (req: CommitRequest) => {
    setBusy(true);
    try {
      const r = await commitImport(req);
      const extras = [
        r.unitCreated ? '已新建单位' : '',
        r.values.length ? `填入指标数值 ${r.values.length} 项` : '',
        r.placeholders ? `改为占位符 ${r.placeholders} 处` : '',
        r.converted ? `半角标点改为全角 ${r.converted} 处` : '',
      ].filter(Boolean);
      message.success(`已导入为${r.year}年度报告${extras.length ? `（${extras.join('，')}）` : ''}`);
      // e.g. a figure whose sentence changed could not become a placeholder: say so, it stays text
      if (r.warnings.length) message.warning(r.warnings.join('；'), 10);
      onDone(r.year);
    } catch (err) {
      message.error(errorText(err), 8);
    } finally {
      setBusy(false);
    }
  };

  const compare = async (year: number) => {
    const preview = phase.preview;
    setPhase({ kind: 'comparing', preview, year });
    try {
      const result = await compareWith({ year, fileName: file.fileName, data: file.data });
      setPhase({ kind: 'compare', preview, result });
    } catch (err) {
      message.error(errorText(err), 8);
      setPhase({ kind: 'preview', preview });
    }
  };

  const apply = async (take: string[], changes: number) => {
    if (phase.kind !== 'compare') return;
    setBusy(true);
    try {
      const r = await applyCompare({ year: phase.result.year, fileName: file.fileName, data: file.data, take });
      message.success(r.taken.length ? `已采纳 ${changes} 处修改` : '未采纳任何修改，报告保持不变');
      onDone(phase.result.year);
    } catch (err) {
      message.error(errorText(err), 8);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {phase.kind === 'preview' && (
        <PreviewEditor preview={phase.preview} file={file} busy={busy} onCancel={onClose} onCommit={commit} onCompare={compare} />
      )}
      {phase.kind === 'compare' && (
        <CompareView
          result={phase.result}
          busy={busy}
          onBack={() => setPhase({ kind: 'preview', preview: phase.preview })}
          onApply={apply}
        />
      )}
    </>
  );
}
