/**
 * Where a page's main thread spent an interval, from a Chromium trace (`browser.startTracing`):
 * the self time of each event (its length less the events nested in it), summed by kind of work.
 * Thread time (`tdur`, what the thread ran) rather than wall time where the trace has it, so a busy
 * machine inflates the figures less.
 */
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** Kinds of work, by trace event name; anything else counts as 其他. */
const KINDS: [string, RegExp][] = [
  ['脚本编译', /^(v8\.compile|v8\.compileModule|V8\.CompileCode|v8\.produceCache|v8\.produceModuleCache|v8\.deserializeOnBackground|v8\.parseOnBackground)/],
  ['脚本执行', /^(EvaluateScript|v8\.evaluateModule|FunctionCall|TimerFire|RunMicrotasks|EventDispatch|FireAnimationFrame|v8\.run|v8\.callFunction|V8\.Execute|FireIdleCallback|XHRReadyStateChange|XHRLoad)$/],
  ['垃圾回收', /GC|^V8\.GC/],
  ['样式表解析', /^ParseAuthorStyleSheet$/],
  ['样式计算', /^(UpdateLayoutTree|RecalculateStyles)$/],
  ['布局', /^(Layout|UpdateLayerTree)$/],
  ['绘制', /^(Paint|PrePaint|Layerize|Commit|CompositeLayers|PaintImage|RasterTask)$/],
  ['HTML 解析', /^ParseHTML$/],
];

export function summarizeTrace(json: string): Record<string, number> {
  const events: TraceEvent[] = (JSON.parse(json) as { traceEvents: TraceEvent[] }).traceEvents;
  const mainThreads = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    const key = `${e.pid}:${e.tid}`;
    if (!mainThreads.has(key)) continue;
    if (!byThread.has(key)) byThread.set(key, []);
    byThread.get(key)!.push(e);
  }
  const out: Record<string, number> = {};
  const add = (name: string, ms: number) => {
    const kind = KINDS.find(([, re]) => re.test(name))?.[0] ?? '其他';
    out[kind] = (out[kind] ?? 0) + ms;
  };
  for (const list of byThread.values()) {
    list.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    // a stack of open events: each one's self time is its length less its children's
    const stack: { e: TraceEvent; child: number }[] = [];
    const len = (e: TraceEvent) => (e.tdur ?? e.dur!) / 1000;
    const close = (until: number) => {
      while (stack.length && stack[stack.length - 1]!.e.ts + stack[stack.length - 1]!.e.dur! <= until) {
        const top = stack.pop()!;
        add(top.e.name, Math.max(0, len(top.e) - top.child));
        if (stack.length) stack[stack.length - 1]!.child += len(top.e);
      }
    };
    for (const e of list) {
      close(e.ts);
      stack.push({ e, child: 0 });
    }
    close(Infinity);
  }
  return out;
}
