/**
 * Entry of dist/main/parse-box.cjs, the process files the clerk brings in are read in (box.ts starts
 * it and keeps it for the next file while it stays healthy).
 *
 * Two layers, because neither alone holds: the reading runs in a worker thread with a V8 heap
 * limit (`resourceLimits`), and this process's main thread, idle meanwhile, watches the resident
 * memory the limit does not see (inflated buffers) and the thread's end. Some failures of a reader
 * end the whole process whatever catches them (V8's "invalid size" and "process out of memory"
 * fatals: a looping .doc FAT chain, a huge array); then this process dies alone and the app, in
 * another process, tells the clerk. After any reading the box had to stop, this process exits and
 * the next file gets a fresh one.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { AppError, serializeError } from '../../src-shared/errors';
import { BOX_HEAP_MB, BOX_POLL_MS, BOX_REFUSED, BOX_RSS_MB, BOX_YOUNG_MB } from './limits';
import type { BoxOutcome, BoxReply, BoxRequest } from './protocol';
import { runTask } from './tasks';

/** the reading thread: one request at a time, each answered with its outcome */
function readInThread(): void {
  parentPort!.on('message', async (req: BoxRequest) => {
    let out: BoxOutcome;
    try {
      out = { ok: true, value: await runTask(req.task, req.input as never) };
    } catch (e) {
      // a reader's own refusal keeps its words; anything else a parser throws is a file it cannot read
      out = e instanceof AppError ? { ok: false, error: serializeError(e) } : { ok: false, refused: BOX_REFUSED };
    }
    parentPort!.postMessage({ ...out, id: req.id } satisfies BoxReply);
  });
}

interface Channel {
  onRequest(cb: (req: BoxRequest) => void): void;
  reply(r: BoxReply, then?: () => void): void;
}

/** Electron's utility process (the desktop app) or a Node child process (CLI, web bridge). */
function channel(): Channel {
  const electronPort = (process as unknown as { parentPort?: { on(e: 'message', cb: (ev: { data: unknown }) => void): void; postMessage(m: unknown): void } }).parentPort;
  if (electronPort)
    return {
      onRequest: (cb) => electronPort.on('message', (ev) => cb(ev.data as BoxRequest)),
      reply: (r, then) => {
        electronPort.postMessage(r);
        if (then) setTimeout(then, 200);
      },
    };
  // the app went away: nothing left to read for
  process.on('disconnect', () => process.exit(0));
  return {
    onRequest: (cb) => process.on('message', (m) => cb(m as BoxRequest)),
    reply: (r, then) => void process.send?.(r, undefined, {}, () => then?.()),
  };
}

function serve(): void {
  const ch = channel();
  const worker = new Worker(__filename, {
    resourceLimits: { maxOldGenerationSizeMb: BOX_HEAP_MB, maxYoungGenerationSizeMb: BOX_YOUNG_MB },
    stdout: true,
    stderr: true,
  });
  /** the request being read (the app sends one at a time) */
  let current: number | null = null;
  let stopping = false;
  /** a stopped reading: tell the app, and end this process (its memory or its reader is spoilt) */
  const stop = () => {
    if (stopping) return;
    stopping = true;
    if (current !== null) ch.reply({ id: current, ok: false, refused: BOX_REFUSED }, () => process.exit(0));
    else process.exit(0);
    current = null;
  };
  setInterval(() => {
    if (current !== null && process.memoryUsage.rss() > BOX_RSS_MB * 1024 * 1024) {
      void worker.terminate();
      stop();
    }
  }, BOX_POLL_MS).unref();
  worker.on('message', (r: BoxReply) => {
    if (r.id !== current) return;
    current = null;
    // memory a big reading left behind is not given back at once: a fresh process for the next file
    const spent = process.memoryUsage.rss() > (BOX_RSS_MB / 2) * 1024 * 1024;
    ch.reply(r, spent ? () => process.exit(0) : undefined);
  });
  worker.on('error', stop);
  worker.on('exit', stop);
  ch.onRequest((req) => {
    current = req.id;
    worker.postMessage(req);
  });
}

if (isMainThread) serve();
else readInThread();
