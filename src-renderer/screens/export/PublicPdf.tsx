/**
 * The 公开件 as a PDF for the government website, made from the same report as the .docx
 * (export.print): the GB/T 9704 print view of the text without 版头, 签发人, 版记 or 附注. The desktop
 * app saves it with Electron's printToPDF (no LibreOffice on the clerk's PC), the browser version
 * opens the print dialog, where “另存为 PDF” saves it. Chromium embeds the fonts it prints with, so
 * the published file looks the same on any computer.
 */
import { useCallback, useState } from 'react';
import { Button, Tooltip } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import type { RenderedReport } from '../../../src-shared/domain/rendered';
import type { FontPreset } from '../../../src-shared/domain/vocabulary';
import { canPrintToPdf, printToPdf } from '../../api/platform';
import { PrintHost } from '../../components/PrintHost';
import { REPORT_PRINT_CSS, ReportPrint } from '../report/ReportPrint';

export interface PrintJob {
  fileName: string;
  fontPreset: FontPreset;
  rendered: RenderedReport;
}

export const PDF_BUTTON_LABEL = canPrintToPdf ? '另存为 PDF' : '打印 / 另存为 PDF';

export function PublicPdfButton({ onClick, loading, disabled }: { onClick: () => void; loading: boolean; disabled: boolean }) {
  return (
    <Tooltip
      title={
        canPrintToPdf
          ? '公开件按公文格式保存为 PDF（字体嵌入文件），供政府网站公开'
          : '公开件按公文格式打印；在打印对话框的“目标打印机”中选择“另存为 PDF”（字体嵌入文件），供政府网站公开'
      }
    >
      <Button size="large" icon={<FilePdfOutlined />} loading={loading} disabled={disabled} onClick={onClick}>
        {PDF_BUTTON_LABEL}
      </Button>
    </Tooltip>
  );
}

/**
 * Lays out the job's pages off screen and prints them: saved as a PDF where the clerk chooses
 * (desktop app) or the print dialog (browser). `onSaved` hears where the PDF went (desktop app).
 */
export function PublicPrint({ job, onDone, onSaved, onFailed }: { job: PrintJob; onDone: () => void; onSaved: (path: string) => void; onFailed: (err: unknown) => void }) {
  const [save] = useState(() => async () => {
    try {
      const saved = await printToPdf(job.fileName);
      if (saved) onSaved(saved.path);
    } catch (err) {
      onFailed(err);
    }
  });
  const done = useCallback(() => onDone(), [onDone]);
  return (
    <PrintHost css={REPORT_PRINT_CSS} onDone={done} {...(canPrintToPdf ? { action: save } : {})}>
      <ReportPrint rendered={job.rendered} fontPreset={job.fontPreset} />
    </PrintHost>
  );
}
