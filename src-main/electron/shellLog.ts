/**
 * A small text log of what the shell saw go wrong (a renderer that died, a window that never
 * painted, a page that failed to load). When the clerk's screen goes blank on a PC with 360 or
 * 天擎 injecting into Electron, this file is the only trace the person who comes to help can read,
 * so it lives in the data folder's `logs\` (where the clerk already knows to look and backs up),
 * is plain UTF-8 with a BOM-free line per event, and is capped: it rotates once past a size so a
 * crash loop cannot fill the disk. Logging never throws: a full or read-only disk must not turn a
 * recoverable renderer crash into a main-process crash.
 */
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';

export const SHELL_LOG_NAME = 'shell.log';
export const SHELL_LOG_MAX_BYTES = 512 * 1024;

export interface ShellLog {
  /** where the log is written (shown to the clerk in messages) */
  readonly file: string;
  write(line: string): void;
}

export function createShellLog(logDir: string, now: () => Date = () => new Date()): ShellLog {
  const file = path.join(logDir, SHELL_LOG_NAME);
  return {
    file,
    write(line: string) {
      try {
        mkdirSync(logDir, { recursive: true });
        try {
          if (statSync(file).size > SHELL_LOG_MAX_BYTES) renameSync(file, `${file}.1`);
        } catch {
          // no log yet
        }
        // one event per line: a message with newlines (a stack) is folded
        appendFileSync(file, `${now().toISOString()} ${line.replace(/\r?\n/g, ' | ')}\n`, 'utf8');
      } catch {
        // see the header: the log is best effort
      }
    },
  };
}
