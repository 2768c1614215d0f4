import type { OpenedKind } from './openedFile';
import type { WireResult } from './wire';

/** Commands the native menu sends to the renderer (Electron only). */
export const MENU_COMMANDS = ['new-year', 'export-word', 'print', 'backup', 'restore', 'about'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/**
 * What the sandboxed preload puts on `window.fazhi`: the service contract through one generic
 * `call`, plus the few things only the shell can do (native dialogs, printing, opening a folder).
 */
export interface FazhiBridge {
  call(method: string, input: unknown): Promise<WireResult>;
  /** native save dialog, writes in main; null when cancelled */
  saveFile(fileName: string, data: Uint8Array): Promise<{ path: string } | null>;
  /**
   * native open dialog; returns the chosen file's bytes, null when cancelled. A file over its kind's
   * bound is refused by its size, before it is read (the refusal is the kind's own sentence).
   */
  openFile(filters: Array<{ name: string; extensions: string[] }>, kind: OpenedKind): Promise<{ fileName: string; data: Uint8Array } | null>;
  /** shows a folder (or a file inside it) in the system file manager */
  showInFolder(path: string): Promise<void>;
  print(): Promise<void>;
  /** the page as Chromium prints it (print CSS, A4) saved as a PDF where the clerk chooses; null when cancelled */
  printToPdf(fileName: string): Promise<{ path: string } | null>;
  onMenu(cb: (command: MenuCommand) => void): () => void;
  /**
   * The unload the renderer held to save typed text may go on: main closes the window or reloads
   * the page, whichever the clerk asked for (the renderer cannot tell the two apart).
   */
  leave(): Promise<void>;
  /** reloads the app's page, holding the reload like a close while typed text is unsaved */
  reload(): Promise<void>;
}

export const IPC_CHANNELS = {
  call: 'fazhi:call',
  saveFile: 'fazhi:save-file',
  openFile: 'fazhi:open-file',
  showInFolder: 'fazhi:show-in-folder',
  print: 'fazhi:print',
  printToPdf: 'fazhi:print-to-pdf',
  menu: 'fazhi:menu',
  leave: 'fazhi:leave',
  reload: 'fazhi:reload',
} as const;
