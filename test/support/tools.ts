/** Which outside programs the rendering checks need are on this machine (Debian packages in .ci/run). */
import { execFileSync } from 'node:child_process';

export function hasCommand(cmd: string): boolean {
  try {
    return execFileSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
}

/** Why LibreOffice page checks cannot run here (printed with the skip), or null when they can. */
export const libreOfficeMissing: string | null = !hasCommand('soffice')
  ? 'soffice (LibreOffice) is not installed'
  : !hasCommand('pdftotext') || !hasCommand('pdfinfo')
    ? 'poppler-utils (pdftotext/pdfinfo) are not installed'
    : null;
