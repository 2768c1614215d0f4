import { createHash } from 'node:crypto';
import { readFileSync, readlinkSync } from 'node:fs';
import os from 'node:os';
import { errCode } from './fsHelpers';

/**
 * Who wrote a lock or a temp file, and when this process may judge that writer by its pid.
 *
 * A pid means something only to processes that see the same process table. The computer name
 * does not say that: two PCs cloned from one image share it, and so do two containers or PID
 * namespaces of one Linux kernel. So every lock and temp file also carries the writer's "view":
 *  - Linux: the kernel's boot id plus the inode of the pid namespace (`/proc/self/ns/pid`);
 *  - elsewhere (Windows, macOS): the computer name plus the moment the machine booted (now minus
 *    `os.uptime()`), compared with a few seconds' tolerance (the wall clock may have been adjusted).
 * A writer of another view (another PC, another namespace, an earlier boot of this PC) is never
 * judged by its pid: only by whether it keeps its lock fresh (see fileLock.ts).
 */

export interface Identity {
  pid: number;
  host: string;
  /** when the process started, as the OS reports it (Linux only; null where it takes a program to ask) */
  start: string | null;
  /** when this machine booted (ms since 1970, by this machine's clock) */
  boot: number;
  /** Linux: `<boot id>|<pid namespace>`; null elsewhere */
  ns: string | null;
}

/** Windows evaluates `process.platform` at load, as tests that imitate it set it before loading. */
const IS_LINUX = process.platform === 'linux';
/** Two readings of the boot moment differ by clock steps and rounding; a reboot takes far longer. */
const BOOT_TOLERANCE_MS = 5_000;

/** Start time of `pid` (Linux: /proc/<pid>/stat field 22), or null where it cannot be read cheaply. */
export function processStart(pid: number): string | null {
  if (!IS_LINUX) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) may hold spaces and parentheses: count fields after the last ')'
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

function linuxNamespace(): string | null {
  if (!IS_LINUX) return null;
  try {
    const bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    return `${bootId}|${readlinkSync('/proc/self/ns/pid')}`;
  } catch {
    return null;
  }
}

export const bootTime = (): number => Date.now() - Math.round(os.uptime() * 1000);

export const SELF: Identity = {
  pid: process.pid,
  host: os.hostname(),
  start: processStart(process.pid),
  boot: bootTime(),
  ns: linuxNamespace(),
};

/**
 * Whether `other` was written by a process that sees the same process table as this one. False
 * when unsure: judging a live writer of another PC by a pid is what loses its work, waiting is not.
 */
export function sameView(other: { host?: unknown; boot?: unknown; ns?: unknown }): boolean {
  if (SELF.ns !== null || typeof other.ns === 'string') return other.ns === SELF.ns;
  return other.host === SELF.host && typeof other.boot === 'number' && Math.abs(other.boot - SELF.boot) <= BOOT_TOLERANCE_MS;
}

/**
 * A short tag of this view for temp file names, so the next start can tell its own leftovers from
 * a save another PC has in progress. Outside Linux the boot moment is rounded to the minute: a
 * tag that comes out different only makes a leftover wait for the next lock of its file.
 */
export const VIEW_TAG = createHash('sha256')
  .update(SELF.ns ?? `${SELF.host}|${Math.round(SELF.boot / 60_000)}`)
  .digest('hex')
  .slice(0, 8);

/** Whether a process with this pid exists in this view (EPERM: it exists but is not ours to signal). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errCode(e) === 'EPERM';
  }
}
