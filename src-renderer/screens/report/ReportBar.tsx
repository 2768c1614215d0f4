import { memo, useCallback, useState, type ReactNode } from 'react';
import { Button, Tooltip, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { PrintHost } from '../../components/PrintHost';
import { canPrintToPdf, printToPdf } from '../../api/platform';
import type { RenderResult } from '../../../src-shared/report/printedReport';
import { REPORT_PRINT_CSS, ReportPrint } from './ReportPrint';
import type { SaveState } from './useAutosave';

function SaveBadge({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  if (state.kind === 'saved') return <span className="fz-save fz-save-ok" role="status">已保存</span>;
  if (state.kind === 'saving') return <span className="fz-save fz-save-busy" role="status">保存中…</span>;
  return (
    <span className="fz-save fz-save-error" role="alert">
      保存失败（{state.message}）
      <Button size="small" type="link" onClick={onRetry}>
        重试
      </Button>
    </span>
  );
}

interface BarProps {
  year: number;
  /** the PDF's file name */
  title: string;
  partChars: number;
  totalChars: number;
  /** the report as it prints now (read when 打印 or 另存为 PDF is clicked, not on every keystroke) */
  getRendered: () => RenderResult['rendered'];
  saveState: SaveState;
  flush: () => Promise<void>;
  /** saves until what is on screen is stored; false when a save failed */
  settle: () => Promise<boolean>;
  actions?: ((settle: () => Promise<boolean>) => ReactNode) | undefined;
  errorText: (err: unknown) => string;
}

/**
 * 报告编辑's bar: counts, the caller's buttons (导入), 打印, 另存为 PDF, the save state. The counts
 * follow the deferred render after each keystroke; the buttons and the save badge are components of
 * their own whose props do not change with the text, so only the counts' text is rendered again.
 */
export function ReportBar({ year, title, partChars, totalChars, getRendered, saveState, flush, settle, actions, errorText }: BarProps) {
  return (
    <header className="fz-report-bar">
      <h2 className="screen-title fz-report-title">报告编辑</h2>
      <span className="muted">{year}年度</span>
      <span className="fz-report-count" aria-label="字数">
        本部分 {partChars} 字 · 全文 {totalChars} 字
      </span>
      <span className="fz-report-spacer" />
      <BarTools year={year} title={title} getRendered={getRendered} settle={settle} actions={actions} errorText={errorText} />
      <SaveTip state={saveState} flush={flush} />
    </header>
  );
}

const SaveTip = memo(function SaveTip({ state, flush }: { state: SaveState; flush: () => Promise<void> }) {
  return (
    <Tooltip title="自动保存；按 Ctrl+S 立即保存">
      <span>
        <SaveBadge state={state} onRetry={() => void flush()} />
      </span>
    </Tooltip>
  );
});

type ToolsProps = Pick<BarProps, 'year' | 'title' | 'getRendered' | 'settle' | 'actions' | 'errorText'>;

const BarTools = memo(function BarTools({ year, title, getRendered, settle, actions, errorText }: ToolsProps) {
  const [printing, setPrinting] = useState<false | 'print' | 'pdf'>(false);
  const stopPrint = useCallback(() => setPrinting(false), []);
  const [pdfNote, setPdfNote] = useState<string | null>(null);
  const savePdf = useCallback(async () => {
    try {
      const saved = await printToPdf(title || `${year}年法治政府建设年度报告`);
      setPdfNote(saved ? `已另存为 PDF：${saved.path}` : null);
    } catch (err) {
      setPdfNote(`另存为 PDF 失败：${errorText(err)}`);
    }
  }, [errorText, title, year]);

  return (
    <>
      {actions?.(settle)}
      <Tooltip title="按公文格式（A4，每页22行、每行28字）打印；在打印对话框中可选择“另存为 PDF”">
        <Button size="small" icon={<PrinterOutlined />} onClick={() => setPrinting('print')} loading={printing === 'print'}>
          打印
        </Button>
      </Tooltip>
      {canPrintToPdf && (
        <Tooltip title="按公文格式保存为 PDF，供政务公开">
          <Button size="small" onClick={() => setPrinting('pdf')} loading={printing === 'pdf'}>
            另存为 PDF
          </Button>
        </Tooltip>
      )}
      {pdfNote && (
        <Typography.Text type="secondary" role="status">
          {pdfNote}
        </Typography.Text>
      )}
      {printing && (
        // the report as it was when 打印 / 另存为 PDF was clicked
        <PrintHost css={REPORT_PRINT_CSS} onDone={stopPrint} {...(printing === 'pdf' ? { action: savePdf } : {})}>
          <ReportPrint rendered={getRendered()} />
        </PrintHost>
      )}
    </>
  );
});
