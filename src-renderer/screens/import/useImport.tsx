/**
 * Starting an import: pick the file at once (a browser only opens its file chooser from a click),
 * show that it is being read, then hand it to the import dialog, which is loaded on demand so
 * the first screen does not carry it.
 */
import { lazy, Suspense, useCallback, useRef, useState, type ReactNode } from 'react';
import { Modal, Spin } from 'antd';
import { openFile, type OpenedFile } from '../../api/platform';

const ImportFlow = lazy(() => import('./ImportFlow'));

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

type State = null | { phase: 'reading'; fileName: string; size: number } | { phase: 'file'; file: OpenedFile };

function sizeText(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1000))} KB`;
}

export function ReadingDialog({ text }: { text: string }) {
  return (
    <Modal open title="导入报告" footer={null} closable={false} maskClosable={false} width={460}>
      <div className="fz-imp-busy" role="status">
        <Spin />
        <span>{text}</span>
      </div>
    </Modal>
  );
}

export function useImport(opts: ImportOptions): { start: () => Promise<void>; dialog: ReactNode } {
  const [state, setState] = useState<State>(null);
  const optsRef = useRef(opts);
  optsRef.current = opts;

  const start = useCallback(async () => {
    void import('./ImportFlow'); // fetch the dialog while the clerk is choosing
    await optsRef.current.beforeStart?.();
    const file = await openFile('报告文件（Word、WPS 或文本）', IMPORT_EXTENSIONS, (fileName, size) => {
      performance.mark('fz-import-chosen');
      setState({ phase: 'reading', fileName, size });
    });
    if (!file) return setState(null);
    if (!performance.getEntriesByName('fz-import-chosen').length) performance.mark('fz-import-chosen');
    setState({ phase: 'file', file });
  }, []);

  const close = useCallback(() => {
    performance.clearMarks('fz-import-chosen');
    setState(null);
  }, []);

  let dialog: ReactNode = null;
  if (state?.phase === 'reading') dialog = <ReadingDialog text={`正在读取“${state.fileName}”（${sizeText(state.size)}）…`} />;
  else if (state?.phase === 'file')
    dialog = (
      <Suspense fallback={<ReadingDialog text="正在分析文档结构…" />}>
        <ImportFlow
          file={state.file}
          fallbackYear={opts.fallbackYear}
          onClose={close}
          onDone={(year) => {
            close();
            optsRef.current.onDone(year);
          }}
        />
      </Suspense>
    );
  return { start, dialog };
}
