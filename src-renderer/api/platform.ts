/**
 * What differs between the desktop shell and the browser: saving and opening files, printing,
 * showing a folder, the native menu. Screens call these and never test `isElectron` themselves.
 */
import type { MenuCommand } from '../../src-shared/bridge';
import { AppError } from '../../src-shared/errors';
import { isElectron } from './client';
import { openedFileTooBig, type OpenedKind } from '../../src-shared/openedFile';

const CHINESE = /[\u4e00-\u9fff]/;

/**
 * The desktop shell refuses in Chinese (a file too large, a folder it cannot write), but what
 * reaches the renderer is a plain Error wrapped by Electron: "Error invoking remote method
 * 'fazhi:open-file': Error: 文件过大…". Its sentence is for the clerk, so it becomes an AppError
 * (shown as it is); anything else stays an error the screens treat as unexpected.
 */
export function shellError(e: unknown): unknown {
  if (e instanceof AppError || !(e instanceof Error)) return e;
  const sentence = e.message.replace(/^Error invoking remote method '[^']*':\s*/, '').replace(/^(?:\w*Error:\s*)+/, '');
  return CHINESE.test(sentence) ? new AppError('IO', sentence) : e;
}

/** a call into the desktop shell, its Chinese refusals kept as the clerk's message */
const fromShell = <T>(p: Promise<T>): Promise<T> =>
  p.catch((e: unknown) => {
    throw shellError(e);
  });

export { isElectron };

export interface SavedFile {
  /** full path in Electron; in the browser only the file name (the browser picks the folder) */
  path: string;
  /** true when the location is known and can be shown in the file manager */
  canShowInFolder: boolean;
}

const MIME_BY_EXT: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  json: 'application/json',
  zip: 'application/zip',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function mimeOf(fileName: string): string {
  const ext = fileName.split('.').pop()?.toLowerCase() ?? '';
  return MIME_BY_EXT[ext] ?? 'application/octet-stream';
}

/** Save bytes: native dialog in Electron, a download in the browser. null = cancelled. */
export async function saveFile(fileName: string, data: Uint8Array): Promise<SavedFile | null> {
  if (isElectron && window.fazhi) {
    const r = await fromShell(window.fazhi.saveFile(fileName, data));
    return r ? { path: r.path, canShowInFolder: true } : null;
  }
  const blob = new Blob([data as Uint8Array<ArrayBuffer>], { type: mimeOf(fileName) });
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // revoking at once can cancel the download in some browsers
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return { path: fileName, canShowInFolder: false };
}

/** Let the user pick a file. `accept` lists extensions without dots. null = cancelled. */
export interface OpenedFile {
  fileName: string;
  data: Uint8Array<ArrayBuffer>;
}

/**
 * `kind` names what is being opened: a file over that kind's bound is refused (rejects with the
 * kind's sentence) by its size, before its bytes are read — by the shell on the desktop, here in
 * the browser. `onChosen` is told as soon as the clerk has picked a file that may be read, before
 * its bytes are, so a screen can show progress for a large file (the browser only; Electron hands
 * over the bytes at once).
 */
export async function openFile(
  name: string,
  accept: string[],
  kind: OpenedKind,
  onChosen?: (fileName: string, size: number) => void,
): Promise<OpenedFile | null> {
  if (isElectron && window.fazhi) {
    const r = await fromShell(window.fazhi.openFile([{ name, extensions: accept }], kind));
    // structured clone hands over a fresh, unshared buffer
    return r ? { fileName: r.fileName, data: r.data as Uint8Array<ArrayBuffer> } : null;
  }
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept.map((e) => `.${e}`).join(',');
    input.style.display = 'none';
    let settled = false;
    const done = (v: OpenedFile | null | Error) => {
      if (settled) return;
      settled = true;
      input.remove();
      if (v instanceof Error) reject(v);
      else resolve(v);
    };
    input.addEventListener('change', async () => {
      const f = input.files?.[0];
      if (!f) return done(null);
      const tooBig = openedFileTooBig(kind, f.size);
      if (tooBig) return done(new Error(tooBig));
      onChosen?.(f.name, f.size);
      done({ fileName: f.name, data: new Uint8Array(await f.arrayBuffer()) });
    });
    input.addEventListener('cancel', () => done(null));
    document.body.appendChild(input);
    input.click();
  });
}

export async function print(): Promise<void> {
  if (isElectron && window.fazhi) return fromShell(window.fazhi.print());
  window.print();
}

/** Saving the printed pages as a PDF directly: the desktop app; in the browser the print dialog's “另存为 PDF” does it. */
export const canPrintToPdf = isElectron;

/** The page's print layout saved as a PDF where the clerk chooses (desktop app); null when cancelled. */
export async function printToPdf(fileName: string): Promise<{ path: string } | null> {
  if (isElectron && window.fazhi) return fromShell(window.fazhi.printToPdf(fileName));
  window.print();
  return null;
}

export const canShowInFolder = isElectron;

export async function showInFolder(path: string): Promise<void> {
  if (isElectron && window.fazhi) await fromShell(window.fazhi.showInFolder(path));
}

/**
 * After holding an unload to save what was typed: the desktop app's shell closes the window or
 * reloads the page, whichever the clerk asked for; a browser tab is closed (if a script may).
 */
export function leaveAfterSave(): void {
  if (isElectron && window.fazhi) void window.fazhi.leave();
  else window.close();
}

/** Reloads the app's page; in the desktop app through the shell, so unsaved text is saved first. */
export function reloadApp(): void {
  if (isElectron && window.fazhi) void window.fazhi.reload();
  else window.location.reload();
}

/** Native menu commands; the browser has no native menu, so this is a no-op there. */
export function onMenu(cb: (command: MenuCommand) => void): () => void {
  if (isElectron && window.fazhi) return window.fazhi.onMenu(cb);
  return () => {};
}
