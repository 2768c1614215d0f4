/**
 * Reads a file the clerk brings in somewhere it cannot take the app down: a process of its own
 * (boxEntry.ts, built as dist/main/parse-box.cjs) that ends a reading running over its memory, and
 * that this side kills when a reading runs over BOX_TIME_MS. Whatever happens there, the caller
 * gets the reader's result, the reader's own Chinese refusal, or BOX_REFUSED; the app keeps
 * answering other calls meanwhile because it only waits. A box that read a file well is kept for
 * the next one (starting one costs a few hundred ms); one that had to stop a reading is gone.
 *
 * The CLI and the web bridge start the box with Node's child_process.fork. The desktop app cannot
 * (its Electron binary has runAsNode switched off), so its transport hands in a launcher built on
 * Electron's utilityProcess (setBoxLauncher); the services never import electron.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { AppError, reviveError } from '../../src-shared/errors';
import { BOX_MAX_PARALLEL, BOX_REFUSED, BOX_TIME_MS } from './limits';
import type { BoxReply, BoxRequest } from './protocol';
import type { BoxTask, BoxTasks } from './tasks';

/** One box process as the launcher gives it. */
export interface BoxChild {
  send(req: BoxRequest): void;
  onMessage(cb: (reply: BoxReply) => void): void;
  /** the process ended (by itself, a crash, or kill) or could not start */
  onExit(cb: () => void): void;
  kill(): void;
  /** busy: keeps the app's process alive while it waits; idle: lets a CLI command end */
  hold?(busy: boolean): void;
}

/** Starts `entry` (the box's script) as a process of its own. */
export type BoxLauncher = (entry: string) => BoxChild;

export const BOX_FILE = 'parse-box.cjs';
/** an idle box is ended after this long */
const IDLE_MS = 60_000;

const forkLauncher: BoxLauncher = (entry) => {
  // node:child_process (and the net/dgram modules it brings) only once a file is read: a command
  // that reads none, such as export, does not load it at start-up
  const { fork } = process.getBuiltinModule('node:child_process');
  const child = fork(entry, [], {
    // the app's own flags (a test runner's loaders, --inspect) are not the box's
    execArgv: ['--max-old-space-size=128'],
    // V8's fatal messages are English and for no one: the caller says what happened
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    serialization: 'advanced',
  });
  return {
    send: (req) => void child.send(req),
    onMessage: (cb) => child.on('message', (m) => cb(m as BoxReply)),
    onExit: (cb) => {
      child.once('exit', cb);
      // a process that could not start at all exits with an 'error' only
      child.once('error', cb);
    },
    kill: () => void child.kill('SIGKILL'),
    hold: (busy) => {
      if (busy) {
        child.ref();
        child.channel?.ref();
      } else {
        child.unref();
        child.channel?.unref();
      }
    },
  };
};

let launcher: BoxLauncher = forkLauncher;

/** The desktop app's transport sets its own launcher (Electron's utilityProcess). */
export function setBoxLauncher(l: BoxLauncher): void {
  launcher = l;
}

/**
 * Where the box's script is: FAZHI_PARSE_BOX (tests running the sources), else next to the bundle
 * that runs this code or a level or two above it (dist/main/lazy/<bundle>/ holds lazily loaded chunks).
 */
export function boxEntryPath(): string {
  const given = process.env.FAZHI_PARSE_BOX;
  if (given) return given;
  for (const dir of [__dirname, path.join(__dirname, '..'), path.join(__dirname, '..', '..')]) {
    const p = path.join(dir, BOX_FILE);
    if (existsSync(p)) return p;
  }
  throw new AppError('INTERNAL', '程序文件不完整（缺少读取文件的组件），无法读取文件；请重新安装法治年报');
}

/** A running box process and the reading it is doing. */
class Box {
  private pending: { id: number; done: (r: BoxReply | null) => void } | null = null;
  private idle: NodeJS.Timeout | null = null;
  gone = false;
  /**
   * Taken by a caller from acquire() until rest() or end(). Set in the same tick as the box is
   * chosen: several callers acquiring at once must not all get this box before the first one's
   * read() starts (each would overwrite the other's pending reading, which then never ends).
   */
  taken = false;
  /** resolves once the process has ended and been reaped */
  readonly exited: Promise<void>;
  constructor(
    private readonly child: BoxChild,
    private readonly onGone: (b: Box) => void,
  ) {
    child.onMessage((r) => {
      if (r.id !== this.pending?.id) return;
      const p = this.pending;
      this.pending = null;
      p.done(r);
    });
    this.exited = new Promise((resolve) =>
      child.onExit(() => {
        this.end();
        resolve();
      }),
    );
  }
  get busy(): boolean {
    return this.taken || this.pending !== null;
  }
  read(req: BoxRequest, done: (r: BoxReply | null) => void): void {
    if (this.idle) clearTimeout(this.idle);
    this.child.hold?.(true);
    this.pending = { id: req.id, done };
    this.child.send(req);
  }
  rest(): void {
    this.taken = false;
    if (this.gone) return;
    this.child.hold?.(false);
    this.idle = setTimeout(() => this.end(), IDLE_MS);
    this.idle.unref();
  }
  /** kills the process; a reading still waiting ends without a reply */
  end(): void {
    if (this.gone) return;
    this.gone = true;
    if (this.idle) clearTimeout(this.idle);
    this.child.kill();
    const p = this.pending;
    this.pending = null;
    p?.done(null);
    this.onGone(this);
  }
}

const boxes = new Set<Box>();
const waiting: Array<() => void> = [];
let nextId = 1;

function start(): Box {
  let child: BoxChild;
  try {
    child = launcher(boxEntryPath());
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('INTERNAL', '无法启动读取文件的组件，请关闭其他程序后重试');
  }
  const box = new Box(child, (b) => {
    boxes.delete(b);
    waiting.shift()?.();
  });
  boxes.add(box);
  return box;
}

/** an idle box, a new one while fewer than BOX_MAX_PARALLEL run, else the first to become free; taken for the caller */
async function acquire(): Promise<Box> {
  for (;;) {
    const box = [...boxes].find((b) => !b.busy && !b.gone) ?? (boxes.size < BOX_MAX_PARALLEL ? start() : null);
    if (box) {
      box.taken = true;
      return box;
    }
    await new Promise<void>((r) => waiting.push(r));
  }
}

export interface BoxOptions {
  /** wall-time limit (ms); BOX_TIME_MS unless a test sets less */
  timeMs?: number;
  /** the Chinese message when the box had to stop the reading; BOX_REFUSED (an import's words) unless given */
  refused?: string;
}

/** Runs `task` in a box process; throws the reader's AppError or AppError VALIDATION (opts.refused ?? BOX_REFUSED). */
export async function runInBox<T extends BoxTask>(task: T, input: BoxTasks[T]['input'], opts: BoxOptions = {}): Promise<BoxTasks[T]['output']> {
  const box = await acquire();
  const reply = await new Promise<BoxReply | null>((resolve) => {
    const timer = setTimeout(() => box.end(), opts.timeMs ?? BOX_TIME_MS);
    box.read({ id: nextId++, task, input }, (r) => {
      clearTimeout(timer);
      resolve(r);
    });
  });
  if (reply && !('refused' in reply)) box.rest();
  else {
    box.end();
    // the caller answers once the box is really gone: a CLI run then ends with no process left
    // behind, and its resource usage (time -v) includes the box's
    await Promise.race([box.exited, new Promise((r) => setTimeout(r, 2000).unref())]);
  }
  waiting.shift()?.();
  if (reply?.ok) return reply.value as BoxTasks[T]['output'];
  if (reply && 'error' in reply) throw reviveError(reply.error);
  throw new AppError('VALIDATION', opts.refused ?? BOX_REFUSED);
}

/**
 * Ends every box process and waits until they are gone (at most 2 s): a CLI command or a closing
 * bridge leaves no reader behind, and the resource figures of its process include them.
 */
export async function stopBoxes(): Promise<void> {
  const all = [...boxes];
  for (const b of all) b.end();
  await Promise.race([Promise.all(all.map((b) => b.exited)), new Promise((r) => setTimeout(r, 2000).unref())]);
}
