/**
 * Starting an import: pick the file at once (a browser only opens its file chooser from a click),
 * show that it is being read, then hand it to the import dialog, which is loaded on demand so
 * the first screen does not carry it.
 */
import { lazy, Suspense, useCallback, useRef, useState, type ReactNode } from 'react';
import { Modal } from 'antd';
import { openFile, type OpenedFile } from '../../api/platform';
import { useMethodMutation } from '../../api/queries';
import type { ImportPreview } from '../../../src-shared/import/types';
import { errorText } from '../../components/errors';

import { Busy, ImportRefused, type DialogChrome } from './importChrome';
import { withLaterStyles } from '../../laterStyles';

const ImportFlow = lazy(() => withLaterStyles(import('./ImportFlow')));

/** .wps is accepted so the service can say how to save it as .docx instead of the picker hiding it. */
export const IMPORT_EXTENSIONS = ['docx', 'doc', 'txt', 'wps'];

export interface ImportOptions {
  /** the year to import into when the title names none */
  fallbackYear?: number;
  /** e.g. the report editor saves what is pending first */
  beforeStart?: () => Promise<void>;
  /** the import or the taken changes were saved into `year` */
  onDone: (year: number) => void;
}

type State =
  | null
  | { phase: 'reading'; fileName: string; size: number }
  | { phase: 'file'; file: OpenedFile; preview: Promise<ImportPreview> }
  | { phase: 'failed'; message: string };


function sizeText(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1000))} KB`;
}

export function useImport(opts: ImportOptions): { start: () => Promise<void>; dialog: ReactNode } {
  const [state, setState] = useState<State>(null);
  const [chrome, setChrome] = useState<DialogChrome>({ title: '导入报告', wide: false, closable: false });
  const optsRef = useRef(opts);
  optsRef.current = opts;
  const { mutateAsync: readReport } = useMethodMutation('import.preview');

  const start = useCallback(async () => {
    void withLaterStyles(import('./ImportFlow')); // fetch the dialog while the clerk is choosing
    await optsRef.current.beforeStart?.();
    let file: OpenedFile | null;
    try {
      file = await openFile('报告文件（Word、WPS 或文本）', IMPORT_EXTENSIONS, 'report', (fileName, size) => {
        performance.mark('fz-import-chosen');
        setChrome({ title: `导入报告 — ${fileName}`, wide: false, closable: false });
        setState({ phase: 'reading', fileName, size });
      });
    } catch (err) {
      // a file that cannot be read, or one over the bound (by its size, before reading it), is refused before it is handed over
      setChrome({ title: '导入报告', wide: false, closable: true });
      return setState({ phase: 'failed', message: errorText(err) });
    }
    if (!file) return setState(null);
    setChrome({ title: `导入报告 — ${file.fileName}`, wide: false, closable: false });
    if (!performance.getEntriesByName('fz-import-chosen').length) performance.mark('fz-import-chosen');
    // the service reads the file while the dialog's code is still arriving
    const preview = readReport({ fileName: file.fileName, data: file.data });
    preview.catch(() => undefined); // the dialog shows the failure
    setState({ phase: 'file', file, preview });
  }, [readReport]);

  const close = useCallback(() => {
    performance.clearMarks('fz-import-chosen');
    setState(null);
  }, []);

  // One dialog from the file being read to the end: opening and closing one per step would
  // re-lay out the whole screen behind it each time.
  const dialog: ReactNode = state && (
    <Modal
      open
      title={chrome.title}
      onCancel={chrome.closable ? close : undefined}
      closable={chrome.closable}
      keyboard={chrome.closable}
      mask={{ closable: false }}
      width={chrome.wide ? 'min(1240px, 96vw)' : 480}
      style={{ top: chrome.wide ? 16 : 100 }}
      footer={null}
    >
      {state.phase === 'failed' ? (
        <ImportRefused message={state.message} onClose={close} />
      ) : state.phase === 'reading' ? (
        <Busy text={`正在读取“${state.fileName}”（${sizeText(state.size)}）…`} />
      ) : (
        <Suspense fallback={<Busy text={`正在分析“${state.file.fileName}”的结构…`} />}>
          <ImportFlow
            file={state.file}
            preview={state.preview}
            fallbackYear={opts.fallbackYear}
            setChrome={setChrome}
            onClose={close}
            onDone={(year) => {
              close();
              optsRef.current.onDone(year);
            }}
          />
        </Suspense>
      )}
    </Modal>
  );
  return { start, dialog };
}
