/**
 * The report editor: outline on the left, the selected part (fields + body) and the live preview
 * on the right. The preview is rendered here with the shared `renderReport`, so it follows every
 * keystroke without a round trip; saving is debounced.
 */
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { App as AntApp, Button, Input, Segmented, Switch, Tooltip, Typography } from 'antd';
import { PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { PrintHost } from '../../components/PrintHost';
import { canPrintToPdf, printToPdf } from '../../api/platform';
import { titleOneLine } from '../../../src-shared/report/titleLines';
import { REPORT_PRINT_CSS, ReportPrint } from './ReportPrint';
import type { Editor } from '@tiptap/react';
import type { IndicatorRow } from '../../../src-shared/contract';
import type { ContentItem, Part, Report } from '../../../src-shared/domain/report';
import type { Unit } from '../../../src-shared/domain/unit';
import { isoDate } from '../../../src-shared/dates';
import { signatureNameOf } from '../../../src-shared/domain/unitNames';
import { countChars, renderReport } from '../../../src-shared/report/render';
import {
  addChild,
  addSibling,
  blankPart,
  findPart,
  flattenOutline,
  indentPart,
  movePart,
  newPartId,
  outdentPart,
  removePart,
  updatePart,
} from '../../../src-shared/report/outline';
import { OutlineHistory } from '../../../src-shared/report/outlineUndo';
import { BodyEditor, insertPlaceholder } from './BodyEditor';
import { paragraphsToDoc } from './doc';
import { IndicatorPicker } from './IndicatorPicker';
import { FrontMatterFields } from './FrontMatterFields';
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
import { typingTarget } from '../../components/typingTarget';

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
  /** more buttons in the bar (e.g. 导入); `flush` saves what is pending first */
  actions?: (flush: () => Promise<void>) => ReactNode;
  /** shown above the selected part's body (e.g. last year's plan beside 举措和成效) */
  aside?: (ctx: PartAsideContext) => ReactNode;
  /** the year's stored proofreading state (import findings, ignored keys) */
  proofreading?: ProofreadingState;
  /** remember (ignore=true) or forget an ignored finding for this year; resolves to the new state */
  onIgnore?: (key: string, ignore: boolean) => Promise<ProofreadingState>;
}

export interface PartAsideContext {
  partId: string;
  /** content item of the level-1 part the selected part belongs to */
  item: ContentItem | undefined;
  /** the selected part's body as it is now */
  paragraphs: string[];
  /** append paragraphs to the selected part's body, through its editor (so undo works) */
  insert: (paragraphs: string[]) => void;
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

export function ReportEditor({ year, initial, indicators, unit, save, errorText, onReloadIndicators, saveDelay = 800, actions, aside, proofreading, onIgnore }: ReportEditorProps) {
  const { message } = AntApp.useApp();
  const [report, setReport] = useState<Report>(initial);
  // a reload returns to the part being edited (kept per year in this browser/app)
  const lastPartKey = `fazhi-report-part-${year}`;
  const [selectedId, setSelectedId] = useState<string>(() => {
    const kept = sessionStorage.getItem(lastPartKey);
    if (kept && (kept === FRONT_MATTER || findPart(initial.parts, kept))) return kept;
    return initial.parts[0]?.id ?? FRONT_MATTER;
  });
  useEffect(() => sessionStorage.setItem(lastPartKey, selectedId), [lastPartKey, selectedId]);
  // a heading just added gets the cursor with its text selected, ready to be typed over
  const [focusHeading, setFocusHeading] = useState<string | null>(null);
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
  const [printing, setPrinting] = useState<false | 'print' | 'pdf'>(false);
  const stopPrint = useCallback(() => setPrinting(false), []);
  const [pdfNote, setPdfNote] = useState<string | null>(null);
  const savePdf = useCallback(async () => {
    try {
      const saved = await printToPdf(titleOneLine(initial.title) || `${year}年法治政府建设年度报告`);
      setPdfNote(saved ? `已另存为 PDF：${saved.path}` : null);
    } catch (err) {
      setPdfNote(`另存为 PDF 失败：${errorText(err)}`);
    }
  }, [errorText, initial.title, year]);

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

  // Ctrl+Z outside a text box undoes the outline's operations (add, move, indent, delete);
  // typing has the body editor's own history. Ops apply to the parts on screen now (reportRef),
  // and a no-op (the same array back) leaves no step to undo.
  const reportRef = useRef(report);
  reportRef.current = report;
  const selectedRef = useRef(selectedId);
  selectedRef.current = selectedId;
  const history = useRef(new OutlineHistory());
  const outlineOp = (fn: (parts: Part[]) => Part[]): boolean => {
    const cur = reportRef.current.parts;
    const next = fn(cur);
    if (next === cur) return false;
    history.current.record({ parts: cur, selectedId: selectedRef.current });
    reportRef.current = { ...reportRef.current, parts: next };
    // should an edit land between this render and the update, the operation applies to it
    setReport((r) => ({ ...r, parts: r.parts === cur ? next : fn(r.parts) }));
    return true;
  };
  const outlineHistoryStep = (which: 'undo' | 'redo'): boolean => {
    const now = { parts: reportRef.current.parts, selectedId: selectedRef.current };
    const back = which === 'undo' ? history.current.undo(now) : history.current.redo(now);
    if (!back) return false;
    reportRef.current = { ...reportRef.current, parts: back.parts };
    setReport((r) => ({ ...r, parts: back.parts }));
    select(back.selectedId);
    return true;
  };
  const historyRef = useRef(outlineHistoryStep);
  historyRef.current = outlineHistoryStep;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.defaultPrevented || typingTarget(e.target)) return;
      const k = e.key.toLowerCase();
      const which = k === 'z' && !e.shiftKey ? 'undo' : k === 'y' || (k === 'z' && e.shiftKey) ? 'redo' : null;
      if (which && historyRef.current(which)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const patchPart = (id: string, patch: Partial<Omit<Part, 'id' | 'children'>>) => setParts((ps) => updatePart(ps, id, patch));

  const onOp = (op: OutlineOp) => {
    const id = selectedRow?.part.id ?? null;
    switch (op) {
      case 'sibling': {
        const p = blankPart(newPartId());
        if (outlineOp((ps) => addSibling(ps, id, p))) {
          select(p.id);
          setFocusHeading(p.id);
        }
        return;
      }
      case 'child': {
        if (!id) return;
        const p = blankPart(newPartId());
        if (outlineOp((ps) => addChild(ps, id, p))) {
          select(p.id);
          setFocusHeading(p.id);
        }
        return;
      }
      case 'up':
      case 'down':
        if (id) outlineOp((ps) => movePart(ps, id, op === 'up' ? -1 : 1));
        return;
      case 'indent':
        if (id) outlineOp((ps) => indentPart(ps, id));
        return;
      case 'outdent':
        if (id) outlineOp((ps) => outdentPart(ps, id));
        return;
      case 'delete': {
        if (!id || !selectedRow) return;
        // select the row before the deleted one (or the front matter)
        const idx = rows.indexOf(selectedRow);
        const prev = rows[idx - 1]?.part.id ?? FRONT_MATTER;
        if (outlineOp((ps) => removePart(ps, id))) setSelectedId(prev);
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
  const [insertNote, setInsertNote] = useState<string | null>(null);
  const insertRef = useRef<(id: string, rounded: boolean) => void>(() => undefined);
  insertRef.current = (id, rounded) => {
    const ed = editors.current.get(selectedRow ? selectedId : FRONT_MATTER);
    const unitText = readings.get(id)?.def.measure ?? '';
    // "6件件": the unit typed after the cursor goes, since the figure brings its own
    if (ed) setInsertNote(insertPlaceholder(ed, id, rounded, unitText) ? `数值自带单位，已去掉后面重复的“${unitText}”。` : null);
  };
  const stableInsert = useCallback((id: string, rounded: boolean) => insertRef.current(id, rounded), []);

  const insertParagraphs = (paragraphs: string[]) => {
    const ed = selectedRow ? editors.current.get(selectedId) : undefined;
    if (!ed || !paragraphs.length) return;
    const nodes = paragraphsToDoc(paragraphs).content ?? [];
    if (ed.isEmpty) ed.chain().focus().setContent(paragraphsToDoc(paragraphs), { emitUpdate: true }).focus('end').run();
    else ed.chain().insertContentAt(ed.state.doc.content.size, nodes).focus('end').run();
  };
  const asideNode =
    aside && selectedRow ? aside({ partId: selectedRow.part.id, item: report.parts[selectedRow.path[0]!]?.contentItem, paragraphs: selectedRow.part.paragraphs, insert: insertParagraphs }) : null;
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
          {actions?.(flush)}
          {onReloadIndicators && (
            <Tooltip title="在其他页面改了指标或台账后，刷新这里显示的数值">
              <Button size="small" icon={<ReloadOutlined />} onClick={onReloadIndicators}>
                刷新数值
              </Button>
            </Tooltip>
          )}
          <Tooltip title="按公文格式（A4，每页22行、每行28字）打印；在打印对话框中可选择“另存为 PDF”">
            <Button size="small" icon={<PrinterOutlined />} onClick={() => setPrinting('print')} loading={printing === 'print'}>
              打印
            </Button>
          </Tooltip>
          {canPrintToPdf && (
            <Tooltip title="按公文格式保存为 PDF，供政务公开">
              <Button size="small" onClick={() => setPrinting('pdf')} loading={printing === 'pdf'}>
                另存为 PDF
              </Button>
            </Tooltip>
          )}
          {pdfNote && (
            <Typography.Text type="secondary" role="status">
              {pdfNote}
            </Typography.Text>
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
                  unitKind={unit?.kind}
                  focusHeading={focusHeading === selectedRow.part.id}
                  onHeadingFocused={() => setFocusHeading(null)}
                />
              ) : (
                <FrontMatterFields report={report} unit={unit} year={year} onChange={(patch) => setReport((r) => ({ ...r, ...patch }))} />
              )}
              {asideNode}
              <div className="fz-report-toolbar">
                <IndicatorPicker
                  rows={indicators}
                  onInsert={stableInsert}
                />
                {insertNote && (
                  <Typography.Text type="secondary" role="status" className="fz-insert-note">
                    {insertNote}
                  </Typography.Text>
                )}
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
                  每段一行，回车分段；数字请用“插入指标数值”，导出时自动填入。Ctrl+Z 撤销，Ctrl+Y 重做（在正文外按，撤销提纲的添加、移动和删除）。
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
      {printing && (
        <PrintHost css={REPORT_PRINT_CSS} onDone={stopPrint} {...(printing === 'pdf' ? { action: savePdf } : {})}>
          <ReportPrint rendered={result.rendered} />
        </PrintHost>
      )}
    </ReadingsContext.Provider>
  );
}
