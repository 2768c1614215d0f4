/**
 * The report editor: outline on the left, the selected part (fields + body) and the live preview
 * on the right. The preview is rendered here with the shared `renderReport`, so it follows every
 * keystroke without a round trip; saving is debounced.
 */
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { App as AntApp, Button, Input, Segmented, Switch, Tooltip, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type { Editor } from '@tiptap/react';
import type { IndicatorRow } from '../../../src-shared/contract';
import type { Part, Report } from '../../../src-shared/domain/report';
import type { Unit } from '../../../src-shared/domain/unit';
import { isoDate } from '../../../src-shared/dates';
import { signatureNameOf } from '../../../src-shared/domain/unitNames';
import { countChars, renderReport } from '../../../src-shared/report/render';
import {
  addChild,
  addSibling,
  blankPart,
  flattenOutline,
  indentPart,
  movePart,
  newPartId,
  outdentPart,
  removePart,
  updatePart,
} from '../../../src-shared/report/outline';
import { BodyEditor, insertPlaceholder } from './BodyEditor';
import { IndicatorPicker } from './IndicatorPicker';
import { FRONT_MATTER, OutlinePanel, type OutlineOp } from './OutlinePanel';
import { PartFields } from './PartPanel';
import { Preview } from './Preview';
import { ReadingsContext, readingsById } from './readings';
import { useAutosave, type SaveState } from './useAutosave';
import type { ProofreadingState } from '../../../src-shared/domain/year';
import type { Finding } from '../../../src-shared/proofread/finding';
import { findingKey } from '../../../src-shared/proofread/finding';
import { applyFix, findingText, mergeFindings, proofreadReport } from '../../../src-shared/proofread';
import { maskPlaceholders } from '../../../src-shared/proofread/context';
import { IgnoredList, ProofPanel, type ProofGroup } from './ProofPanel';
import { applyFixInEditor, markRange, rangeOf } from './proofMark';

export interface ReportEditorProps {
  year: number;
  initial: Report;
  indicators: IndicatorRow[];
  unit: Unit | null;
  save: (report: Report) => Promise<unknown>;
  errorText: (err: unknown) => string;
  onReloadIndicators?: () => void;
  /** debounce of the autosave, ms */
  saveDelay?: number;
  /** the year's stored proofreading state (import findings, ignored keys) */
  proofreading?: ProofreadingState;
  /** remember (ignore=true) or forget an ignored finding for this year; resolves to the new state */
  onIgnore?: (key: string, ignore: boolean) => Promise<ProofreadingState>;
}

function SaveBadge({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  if (state.kind === 'saved') return <span className="fz-save fz-save-ok" role="status">已保存</span>;
  if (state.kind === 'saving') return <span className="fz-save fz-save-busy" role="status">保存中…</span>;
  return (
    <span className="fz-save fz-save-error" role="alert">
      保存失败（{state.message}）
      <Button size="small" type="link" onClick={onRetry}>
        重试
      </Button>
    </span>
  );
}

const NO_PROOF: ProofreadingState = { imported: [], ignored: [] };

/** A finding's text with a few characters either side, for the 校对 list. */
function contextOf(report: Report, f: Finding): string {
  const raw = findingText(report, f);
  if (raw === null || f.length === 0) return f.excerpt && f.length ? `“${f.excerpt}”` : '';
  // placeholders masked first, so a cut never leaves half a token; each shows as one □
  const text = maskPlaceholders(raw);
  const a = Math.max(0, f.offset - 6);
  const b = Math.min(text.length, f.offset + f.length + 6);
  return `${a > 0 ? '…' : ''}${text.slice(a, b).replace(/\ue000+/g, '□')}${b < text.length ? '…' : ''}`;
}

export function ReportEditor({ year, initial, indicators, unit, save, errorText, onReloadIndicators, saveDelay = 800, proofreading, onIgnore }: ReportEditorProps) {
  const { message } = AntApp.useApp();
  const [report, setReport] = useState<Report>(initial);
  const [selectedId, setSelectedId] = useState<string>(initial.parts[0]?.id ?? FRONT_MATTER);
  // editors stay mounted after their first visit so undo history survives switching parts
  const [visited, setVisited] = useState<string[]>(() => [selectedId]);
  const editors = useRef(new Map<string, Editor>());

  const readings = useMemo(() => readingsById(indicators), [indicators]);
  // The preview and the counts follow a deferred copy: a keystroke paints the editor first and
  // the whole-report render happens right after, without holding up typing.
  const deferredReport = useDeferredValue(report);
  const result = useMemo(
    () =>
      renderReport({
        report: deferredReport,
        readings,
        unitSignatureName: unit ? signatureNameOf(unit) : '',
        unitRecipient: unit?.recipient ?? '',
        today: isoDate(new Date()),
      }),
    [deferredReport, readings, unit],
  );
  const rows = useMemo(() => flattenOutline(report.parts), [report.parts]);

  // 校对 follows the same deferred copy as the preview: the checks run right after each keystroke
  const [proofState, setProofState] = useState<ProofreadingState>(proofreading ?? NO_PROOF);
  const [side, setSide] = useState<'preview' | 'proof'>('preview');
  const [showIgnored, setShowIgnored] = useState(false);
  const findings = useMemo(
    () =>
      mergeFindings(
        proofreadReport({ report: deferredReport, year, readings, unit: unit ? { shortName: unit.shortName, fullName: unit.fullName } : null }),
        proofState,
        deferredReport,
      ),
    [deferredReport, year, readings, unit, proofState],
  );
  const proofGroups = useMemo((): ProofGroup[] => {
    const front: ProofGroup = { id: '', label: '标题、导语与落款', findings: [] };
    const byPart = new Map<string, ProofGroup>(rows.map((r) => [r.part.id, { id: r.part.id, label: `${r.number}${r.part.heading || '无标题部分'}`, findings: [] }]));
    for (const f of findings) (f.partId ? byPart.get(f.partId) : undefined)?.findings.push(f) ?? front.findings.push(f);
    return [front, ...byPart.values()];
  }, [findings, rows]);
  const errorCount = findings.filter((f) => f.severity === '错误').length;
  const selectedRow = rows.find((r) => r.part.id === selectedId) ?? null;

  const { state: saveState, flush } = useAutosave(report, save, errorText, saveDelay);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void flush();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [flush]);

  const select = useCallback((id: string) => {
    setSelectedId(id);
    setVisited((v) => (v.includes(id) ? v : [...v, id]));
  }, []);

  const setParts = (fn: (parts: Part[]) => Part[]) => setReport((r) => ({ ...r, parts: fn(r.parts) }));
  const patchPart = (id: string, patch: Partial<Omit<Part, 'id' | 'children'>>) => setParts((ps) => updatePart(ps, id, patch));

  const onOp = (op: OutlineOp) => {
    const id = selectedRow?.part.id ?? null;
    switch (op) {
      case 'sibling': {
        const p = blankPart(newPartId());
        setParts((ps) => addSibling(ps, id, p));
        select(p.id);
        return;
      }
      case 'child': {
        if (!id) return;
        const p = blankPart(newPartId());
        setParts((ps) => addChild(ps, id, p));
        select(p.id);
        return;
      }
      case 'up':
      case 'down':
        if (id) setParts((ps) => movePart(ps, id, op === 'up' ? -1 : 1));
        return;
      case 'indent':
        if (id) setParts((ps) => indentPart(ps, id));
        return;
      case 'outdent':
        if (id) setParts((ps) => outdentPart(ps, id));
        return;
      case 'delete': {
        if (!id || !selectedRow) return;
        // select the row before the deleted one (or the front matter)
        const idx = rows.indexOf(selectedRow);
        const prev = rows[idx - 1]?.part.id ?? FRONT_MATTER;
        setParts((ps) => removePart(ps, id));
        setSelectedId(prev);
        return;
      }
    }
  };

  // stable per-id callbacks so BodyEditor effects do not re-run on every render
  const bodyChange = useRef(new Map<string, (p: string[]) => void>());
  const editorRef = useRef(new Map<string, (e: Editor | null) => void>());
  const onBodyChange = (id: string) => {
    let f = bodyChange.current.get(id);
    if (!f) {
      f = (paragraphs: string[]) =>
        id === FRONT_MATTER
          ? setReport((r) => ({ ...r, preamble: paragraphs }))
          : setReport((r) => ({ ...r, parts: updatePart(r.parts, id, { paragraphs }) }));
      bodyChange.current.set(id, f);
    }
    return f;
  };
  const onEditor = (id: string) => {
    let f = editorRef.current.get(id);
    if (!f) {
      f = (e: Editor | null) => {
        if (e) editors.current.set(id, e);
        else editors.current.delete(id);
      };
      editorRef.current.set(id, f);
    }
    return f;
  };

  // Stable identities for the memoized panels; they always call the latest closure.
  const latest = useRef({ onOp, patchPart, select, report });
  latest.current = { onOp, patchPart, select, report };
  const stableOp = useCallback((op: OutlineOp) => latest.current.onOp(op), []);
  const stableRename = useCallback((id: string, heading: string) => latest.current.patchPart(id, { heading }), []);
  const stablePatch = useCallback((id: string, patch: Partial<Omit<Part, 'id' | 'children'>>) => latest.current.patchPart(id, patch), []);
  const insertRef = useRef<(id: string, rounded: boolean) => void>(() => undefined);
  insertRef.current = (id, rounded) => {
    const ed = editors.current.get(selectedRow ? selectedId : FRONT_MATTER);
    if (ed) insertPlaceholder(ed, id, rounded);
  };
  const stableInsert = useCallback((id: string, rounded: boolean) => insertRef.current(id, rounded), []);

  // a click on a finding: show its part, then (once its editor is mounted) select and mark the text
  const [jumpTo, setJumpTo] = useState<{ f: Finding; n: number; fix?: boolean } | null>(null);
  const editRef = useRef<HTMLElement>(null);
  const jump = useCallback(
    (f: Finding) => {
      latest.current.select(f.partId ?? FRONT_MATTER);
      setJumpTo((j) => ({ f, n: (j?.n ?? 0) + 1 }));
    },
    [],
  );
  useEffect(() => {
    if (!jumpTo) return;
    const { f } = jumpTo;
    const slot = f.partId ?? FRONT_MATTER;
    if (f.field === 'body' || f.field === 'preamble') {
      const ed = editors.current.get(slot);
      const range = ed && f.paragraph >= 0 ? rangeOf(ed.state.doc, f.paragraph, f.offset, f.length) : null;
      if (ed && range) markRange(ed, range);
      else ed?.commands.focus();
    } else if (f.field === 'heading' || f.field === 'title') {
      const input = editRef.current?.querySelector<HTMLInputElement>(f.field === 'title' ? 'input[aria-label="报告标题"]' : 'input[aria-label="标题"]');
      if (input) {
        input.focus();
        input.setSelectionRange(f.offset, f.offset + f.length);
        input.scrollIntoView({ block: 'center' });
      }
      if (jumpTo.fix && f.fix) {
        const fx = f.fix;
        // the browser's own edit lands in the field's undo history, so Ctrl+Z takes it back; it runs
        // after this effect, as an ordinary input event React handles (inside an effect React would
        // put the old value back first, which empties that history)
        window.setTimeout(() => {
          const same = input && document.activeElement === input && input.value.slice(f.offset, f.offset + f.length) === f.excerpt;
          if (same) input.setSelectionRange(f.offset, f.offset + f.length);
          const done = same && typeof document.execCommand === 'function' && document.execCommand(fx.replacement ? 'insertText' : 'delete', false, fx.replacement);
          if (done) message.success({ content: `已${fx.label}（Ctrl+Z 撤销）`, duration: 2 });
          else fixByPatchRef.current(f);
        }, 0);
      }
    } else if (f.field === 'signature') editRef.current?.querySelector<HTMLInputElement>('input[aria-label="落款日期"]')?.focus();
  }, [jumpTo, message]);

  // headings and the title are inputs: without the browser's own edit (see the jump effect) the
  // fix is a state change, and the old text is kept for an explicit 撤销
  const fixByPatch = (f: Finding) => {
    if (!f.fix) return;
    const before = f.field === 'title' ? latest.current.report.title : findingText(latest.current.report, { partId: f.partId, field: 'heading', paragraph: -1 });
    if (before === null) return;
    const put = (text: string) => (f.field === 'title' ? setReport((r) => ({ ...r, title: text })) : latest.current.patchPart(f.partId!, { heading: text }));
    put(applyFix(before, f));
    const key = `fix-${Date.now()}`;
    message.success({
      key,
      duration: 6,
      content: (
        <span>
          已{f.fix.label}
          <Button size="small" type="link" onClick={() => (put(before), message.destroy(key))}>
            撤销
          </Button>
        </span>
      ),
    });
  };
  const fixByPatchRef = useRef(fixByPatch);
  fixByPatchRef.current = fixByPatch;

  const fix = useCallback(
    (f: Finding) => {
      if (!f.fix) return;
      const slot = f.partId ?? FRONT_MATTER;
      if (f.field === 'body' || f.field === 'preamble') {
        latest.current.select(slot);
        // the editor may not be mounted yet (part never opened): jump first, fix on the next click
        const ed = editors.current.get(slot);
        const range = ed ? rangeOf(ed.state.doc, f.paragraph, f.offset, f.length) : null;
        if (!ed || !range) return jump(f);
        applyFixInEditor(ed, range, f.fix.replacement);
        message.success({ content: `已${f.fix.label}（Ctrl+Z 撤销）`, duration: 2 });
        return;
      }
      if (f.field === 'heading' || f.field === 'title') {
        // shown first, then edited in the field itself (the jump effect), so Ctrl+Z there undoes it
        latest.current.select(slot);
        setJumpTo((j) => ({ f, n: (j?.n ?? 0) + 1, fix: true }));
      }
    },
    [jump, message],
  );

  const setIgnored = useCallback(
    (key: string, ignore: boolean) => {
      // shown at once; the year keeps it when the service answers
      setProofState((s) => ({ ...s, ignored: ignore ? [...s.ignored.filter((k) => k !== key), key] : s.ignored.filter((k) => k !== key) }));
      onIgnore?.(key, ignore).then(setProofState, (err: unknown) => {
        setProofState((s) => ({ ...s, ignored: ignore ? s.ignored.filter((k) => k !== key) : [...s.ignored, key] }));
        message.error(`未能保存：${errorText(err)}`);
      });
    },
    [onIgnore, message, errorText],
  );
  const ignore = useCallback((f: Finding) => setIgnored(findingKey(f), true), [setIgnored]);
  const context = useCallback((f: Finding) => contextOf(deferredReport, f), [deferredReport]);

  const liveIds = new Set([FRONT_MATTER, ...rows.map((r) => r.part.id)]);
  const alive = visited.filter((id) => liveIds.has(id));
  if (!alive.includes(selectedId) && liveIds.has(selectedId)) alive.push(selectedId);

  const partChars = (() => {
    const b = result.rendered.blocks.find((x) => x.partId === selectedId);
    if (!b) return countChars(result.rendered.preamble.join(''));
    return countChars(b.number + b.heading + b.paragraphs.join(''));
  })();
  const totalChars = countChars(
    result.rendered.title +
      result.rendered.preamble.join('') +
      result.rendered.blocks.map((b) => b.number + b.heading + b.paragraphs.join('')).join(''),
  );

  const initialBody = (id: string): string[] =>
    id === FRONT_MATTER ? report.preamble : (rows.find((r) => r.part.id === id)?.part.paragraphs ?? []);

  return (
    <ReadingsContext.Provider value={readings}>
      <div className="fz-report">
        <header className="fz-report-bar">
          <h2 className="screen-title fz-report-title">报告编辑</h2>
          <span className="muted">{year}年度</span>
          <span className="fz-report-count" aria-label="字数">
            本部分 {partChars} 字 · 全文 {totalChars} 字
          </span>
          <span className="fz-report-spacer" />
          {onReloadIndicators && (
            <Tooltip title="在其他页面改了指标或台账后，刷新这里显示的数值">
              <Button size="small" icon={<ReloadOutlined />} onClick={onReloadIndicators}>
                刷新数值
              </Button>
            </Tooltip>
          )}
          <Tooltip title="自动保存；按 Ctrl+S 立即保存">
            <span>
              <SaveBadge state={saveState} onRetry={() => void flush()} />
            </span>
          </Tooltip>
        </header>
        <div className="fz-report-body">
          <OutlinePanel
            parts={report.parts}
            selectedId={selectedRow ? selectedId : FRONT_MATTER}
            onSelect={select}
            onOp={stableOp}
            onRename={stableRename}
          />
          <div className="fz-report-main">
            <div className="fz-report-split">
            <section className="fz-report-edit" aria-label="编辑" ref={editRef}>
              {selectedRow ? (
                <PartFields
                  key={selectedRow.part.id}
                  part={selectedRow.part}
                  level={selectedRow.level}
                  number={selectedRow.number}
                  onPatch={stablePatch}
                />
              ) : (
                <FrontMatterFields report={report} unit={unit} onChange={(patch) => setReport((r) => ({ ...r, ...patch }))} />
              )}
              <div className="fz-report-toolbar">
                <IndicatorPicker
                  rows={indicators}
                  onInsert={stableInsert}
                />
              </div>
              <div className="fz-report-editors">
                {alive.map((id) => {
                  const shown = id === (selectedRow ? selectedId : FRONT_MATTER);
                  return (
                    <div key={id} className="fz-editor-slot" style={shown ? undefined : { display: 'none' }} data-editor-for={id}>
                      <BodyEditor
                        initial={initialBody(id)}
                        onChange={onBodyChange(id)}
                        onEditor={onEditor(id)}
                        label={id === FRONT_MATTER ? '导语正文' : '正文'}
                      />
                    </div>
                  );
                })}
                <Typography.Text type="secondary" className="fz-editor-hint">
                  每段一行，回车分段；数字请用“插入指标数值”，导出时自动填入。Ctrl+Z 撤销，Ctrl+Y 重做。
                </Typography.Text>
              </div>
            </section>
            <section className="fz-report-preview fz-report-side" aria-label={side === 'proof' ? '校对' : '预览'}>
              <div className="fz-side-bar">
                <Segmented
                  size="small"
                  value={side}
                  onChange={(v) => setSide(v as 'preview' | 'proof')}
                  options={[
                    { value: 'preview', label: '预览' },
                    { value: 'proof', label: <span data-testid="proof-tab">校对{findings.length ? `（${errorCount ? `${errorCount}错误 · ` : ''}${findings.length}项）` : ''}</span> },
                  ]}
                />
              </div>
              <div className="fz-side-body">
                {side === 'preview' ? (
                  <Preview result={result} selectedId={selectedRow ? selectedId : null} />
                ) : (
                  <div className="fz-proof-scroll">
                    <ProofPanel
                      groups={proofGroups}
                      ignoredCount={proofState.ignored.length}
                      onJump={jump}
                      onFix={fix}
                      onIgnore={ignore}
                      onShowIgnored={() => setShowIgnored((v) => !v)}
                      context={context}
                    />
                    {showIgnored && <IgnoredList keys={proofState.ignored} onRestore={(k) => setIgnored(k, false)} />}
                  </div>
                )}
              </div>
            </section>
            </div>
          </div>
        </div>
      </div>
    </ReadingsContext.Provider>
  );
}

function FrontMatterFields({
  report,
  unit,
  onChange,
}: {
  report: Report;
  unit: Unit | null;
  onChange: (patch: Partial<Report>) => void;
}) {
  const sig = report.signature;
  return (
    <div className="fz-part-fields">
      <label className="fz-field-block">
        <span>报告标题</span>
        <Input value={report.title} onChange={(e) => onChange({ title: e.target.value })} maxLength={100} aria-label="报告标题" />
      </label>
      <label className="fz-field-block">
        <span>主送机关</span>
        <Input
          value={report.recipient}
          onChange={(e) => onChange({ recipient: e.target.value })}
          maxLength={100}
          placeholder={unit?.recipient ? `留空则用单位设置中的“${unit.recipient}”` : '留空则不写主送机关'}
          aria-label="主送机关"
        />
      </label>
      <div className="fz-field-row">
        <label className="fz-field">
          <span>落款</span>
          <Switch size="small" checked={sig.enabled} onChange={(enabled) => onChange({ signature: { ...sig, enabled } })} aria-label="落款" />
        </label>
        <Input
          disabled={!sig.enabled}
          value={sig.name}
          onChange={(e) => onChange({ signature: { ...sig, name: e.target.value } })}
          placeholder={unit ? `留空则为“${signatureNameOf(unit)}”` : '落款单位'}
          aria-label="落款单位"
          style={{ width: 260 }}
        />
        <Input
          type="date"
          disabled={!sig.enabled}
          value={sig.date}
          onChange={(e) => onChange({ signature: { ...sig, date: e.target.value } })}
          title="留空则为导出当天"
          aria-label="落款日期"
          style={{ width: 170 }}
        />
      </div>
      <Typography.Text type="secondary" className="fz-front-hint">
        导语写在下面，排在标题、主送机关之后，第一个标题之前。
      </Typography.Text>
    </div>
  );
}
