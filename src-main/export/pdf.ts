/**
 * A PDF of an exported .docx where this computer can make one: LibreOffice, when installed, converts
 * it (fonts embedded, blank pages before an even-page 版记 kept). The desktop app prints with
 * Electron's printToPDF and the browser version with the print dialog instead; the CLI has neither,
 * so `fazhi export --pdf` uses this and says so in Chinese when there is no LibreOffice.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../../src-shared/errors';

const CANDIDATES = ['soffice', 'libreoffice', 'C:\\Program Files\\LibreOffice\\program\\soffice.exe'];
/** Keep LibreOffice's automatically inserted blank pages: the 版记 must stay on the back of a sheet. */
const FILTER = 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}';

function run(cmd: string, args: string[], timeout: number): Promise<void> {
  return new Promise((resolve, reject) => execFile(cmd, args, { timeout, windowsHide: true }, (e) => (e ? reject(e) : resolve())));
}

export async function docxToPdf(docx: Uint8Array): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'fazhi-pdf-'));
  try {
    const src = join(dir, 'report.docx');
    await writeFile(src, docx);
    let lastError: unknown = null;
    for (const cmd of CANDIDATES) {
      try {
        await run(cmd, [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--convert-to', FILTER, '--outdir', dir, src], 180_000);
        return new Uint8Array(await readFile(join(dir, 'report.pdf')));
      } catch (e) {
        lastError = e;
      }
    }
    const notFound = (lastError as NodeJS.ErrnoException | null)?.code === 'ENOENT';
    throw new AppError(
      'VALIDATION',
      notFound
        ? '本机没有安装 LibreOffice，命令行无法生成 PDF；请在桌面版或浏览器版的“导出”中打印并另存为 PDF，或用 Word/WPS 打开 .docx 另存为 PDF'
        : 'LibreOffice 未能把报告转换为 PDF；.docx 文件已导出，可用 Word/WPS 打开后另存为 PDF',
    );
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}
