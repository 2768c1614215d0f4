/** 从Excel导入 / 导出Excel on the ledger and cases screens, and the export button other screens use. */
import { lazy, memo, Suspense, useRef, useState } from 'react';
import { App as AntApp, Button, Space } from 'antd';
import { FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import type { SheetKind } from '../../../src-shared/sheet/targets';
import { useMethodMutation } from '../../api/queries';
import { openFile, saveFile, type OpenedFile } from '../../api/platform';
import { errorText } from '../../components/errors';
import { useApp } from '../../state/app';
import { withLaterStyles } from '../../laterStyles';
// loaded when the clerk first picks a file: the first screen does not carry the import dialog
const SheetImportDialog = lazy(() => withLaterStyles(import('./SheetImportDialog')).then((m) => ({ default: m.SheetImportDialog })));

type SheetName = 'ledger' | 'mediation' | 'indicators';

/** Asks the services for the workbook and saves it (download in the browser, save dialog on the desktop). */
export function XlsxExportButton({ sheets, label = '导出Excel', type }: { sheets?: SheetName[]; label?: string; type?: 'primary' | 'default' }) {
  const app = useApp();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const { mutateAsync: exportXlsx } = useMethodMutation('xlsx.export');
  const run = async () => {
    setBusy(true);
    try {
      const r = await exportXlsx({ year: app.year, ...(sheets ? { sheets } : {}) });
      const saved = await saveFile(r.fileName, r.data);
      if (saved) message.success(`已导出：${saved.path}`);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<FileExcelOutlined />} loading={busy} onClick={() => void run()} type={type ?? 'default'}>
      {label}
    </Button>
  );
}

/** memo: the record screens re-render on every search keystroke; these buttons need not */
/** `onChanged` is optional: what an import or its undo wrote reaches every screen through the query cache. */
export const SheetActions = memo(function SheetActions({ kind, onChanged }: { kind: SheetKind; onChanged?: () => void }) {
  const app = useApp();
  const { message } = AntApp.useApp();
  const [file, setFile] = useState<OpenedFile | null>(null);
  const undoSeq = useRef(0);
  const { mutateAsync: removeEntries } = useMethodMutation('ledger.removeMany');
  const { mutateAsync: removeCases } = useMethodMutation('mediation.removeMany');

  const pick = async () => {
    try {
      const f = await openFile('Excel 或 CSV 表格', ['xlsx', 'csv', 'xls'], 'sheet');
      if (f) setFile(f);
    } catch (e) {
      // refused before reading (too large) or unreadable: nothing was imported, and the clerk is told why
      message.error(errorText(e));
    }
  };

  return (
    <Space>
      <Button icon={<UploadOutlined />} onClick={() => void pick()}>
        从Excel导入
      </Button>
      <XlsxExportButton sheets={[kind]} />
      {/* mounted only while a file is being imported: nothing of it costs the screen otherwise */}
      {file && (
        <Suspense fallback={null}>
          <SheetImportDialog
            kind={kind}
            file={file}
            onClose={() => setFile(null)}
            onImported={(r) => {
              setFile(null);
              onChanged?.();
              const key = `sheet-undo-${++undoSeq.current}`;
              message.open({
                key,
                type: 'success',
                duration: 10,
                content: (
                  <span data-testid="sheet-imported">
                    已导入 {r.added} {kind === 'ledger' ? '条' : '起'}
                    <Button
                      type="link"
                      size="small"
                      onClick={async () => {
                        message.destroy(key);
                        try {
                          const x = await (kind === 'ledger' ? removeEntries : removeCases)({ year: app.year, ids: r.ids });
                          onChanged?.();
                          message.success(`已撤销导入（${x.removed} ${kind === 'ledger' ? '条' : '起'}）`);
                        } catch (e) {
                          message.error(errorText(e));
                        }
                      }}
                    >
                      撤销导入
                    </Button>
                  </span>
                ),
              });
            }}
          />
        </Suspense>
      )}
    </Space>
  );
});
