/**
 * 从Excel导入: the clerk's file goes to the services (sheet.preview) as bytes; this dialog only
 * shows the proposed column mapping, lets the clerk change it and say what unknown values mean,
 * lists the rows with problems, and commits the chosen rows with one addMany.
 * State and actions: useSheetImport; the steps: SheetColumnsStep, SheetImportSteps.
 */
import { Alert, Button, Modal, Progress, Space, Spin, Typography } from 'antd';
import { SHEET_KIND_LABELS } from '../../../src-shared/sheet/targets';
import { ColumnsStep } from './SheetColumnsStep';
import { RowsStep, ValuesStep } from './SheetImportSteps';
import { useSheetImport, type SheetImportDialogProps } from './useSheetImport';

export type { SheetImportDialogProps } from './useSheetImport';

export function SheetImportDialog(props: SheetImportDialogProps) {
  const { kind, file, onClose } = props;
  const s = useSheetImport(props);
  const { preview, committing, chosen, loading } = s;

  return (
    <Modal
      open={file !== null}
      title={`从Excel导入${SHEET_KIND_LABELS[kind]}：${file?.fileName ?? ''}`}
      width={980}
      onCancel={committing ? undefined : onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose} disabled={Boolean(committing)}>
            取消
          </Button>
          <Button type="primary" disabled={!chosen.length || loading || Boolean(committing)} loading={Boolean(committing)} onClick={() => void s.commit()} data-testid="sheet-commit">
            导入 {chosen.length} {kind === 'ledger' ? '条' : '起'}
          </Button>
        </Space>
      }
      styles={{ body: { maxHeight: '72vh', overflow: 'auto' } }}
    >
      {s.error && <Alert type="error" showIcon role="alert" title={s.error} style={{ marginBottom: 12 }} data-testid="sheet-error" />}
      {!preview && loading && <Spin description="正在读取表格…" />}
      {committing && (
        <div style={{ marginBottom: 12 }}>
          <Typography.Text>正在写入 {committing.n} 条…</Typography.Text>
          <Progress percent={Math.round(committing.percent)} status="active" />
        </div>
      )}
      {preview && (
        <Spin spinning={loading}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            工作表“{preview.sheetName}”，表头在第 {preview.headerRows.join('、')} 行。
            {preview.mappingSource === 'remembered' ? '列的对应关系沿用上次导入同样表头时的选择。' : preview.mappingSource === 'proposed' ? '已按表头自动对应，请核对。' : ''}
          </Typography.Paragraph>
          <ColumnsStep kind={kind} preview={preview} s={s} />
          <ValuesStep s={s} />
          <RowsStep kind={kind} preview={preview} s={s} />
        </Spin>
      )}
    </Modal>
  );
}
