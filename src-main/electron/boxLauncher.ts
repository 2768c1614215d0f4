/**
 * The desktop app's way to start the file-reading box (src-main/sandbox/box.ts). Node's
 * child_process.fork would start the Electron binary itself, which has runAsNode switched off
 * (electron-builder.yml fuses): a second app, not a Node process. Electron's utilityProcess is the
 * supported way to run a Node script in a process of its own; the box script speaks to it through
 * process.parentPort (src-main/sandbox/boxEntry.ts).
 */
import { existsSync } from 'node:fs';
import type { BoxLauncher } from '../sandbox/box';
import type { BoxReply } from '../sandbox/protocol';

/** what the launcher needs of Electron's utilityProcess (a fake in tests) */
export interface UtilityProcessApi {
  fork(
    modulePath: string,
    args?: string[],
    options?: { serviceName?: string; stdio?: 'ignore' | 'inherit' | 'pipe'; execArgv?: string[] },
  ): {
    postMessage(message: unknown): void;
    on(event: 'message', cb: (message: unknown) => void): unknown;
    once(event: 'exit', cb: (code: number) => void): unknown;
    kill(): boolean;
  };
}

/**
 * The box's script as a real file: in the installed app the main process finds it inside
 * `resources\app.asar` (its fs reads the archive), but a utility process and the worker thread the
 * box starts from its own `__filename` load it by path, which only a real file serves
 * (electron/electron#41396). electron-builder.yml unpacks it to `app.asar.unpacked`; use that copy
 * when it is there. `exists` is a parameter for the tests.
 */
export function unpackedBoxPath(entry: string, exists: (p: string) => boolean = existsSync): string {
  const parts = entry.split(/[\\/]/);
  const i = parts.lastIndexOf('app.asar');
  if (i < 0) return entry;
  const sep = entry.includes('\\') ? '\\' : '/';
  const unpacked = [...parts.slice(0, i), 'app.asar.unpacked', ...parts.slice(i + 1)].join(sep);
  return exists(unpacked) ? unpacked : entry;
}

export function utilityBoxLauncher(utilityProcess: UtilityProcessApi, exists?: (p: string) => boolean): BoxLauncher {
  return (entry) => {
    const child = utilityProcess.fork(unpackedBoxPath(entry, exists), [], {
      serviceName: 'fazhi-file-reader',
      // V8's fatal messages are English and for no one: the app says what happened
      stdio: 'ignore',
      execArgv: ['--max-old-space-size=128'],
    });
    return {
      send: (req) => child.postMessage(req),
      onMessage: (cb) => void child.on('message', (m) => cb(m as BoxReply)),
      onExit: (cb) => void child.once('exit', () => cb()),
      kill: () => void child.kill(),
    };
  };
}
