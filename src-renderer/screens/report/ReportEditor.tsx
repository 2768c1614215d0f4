/**
 * The report editor: outline on the left, the selected part (fields + body) and the live preview
 * on the right. The preview is rendered here with the shared `renderReport`, so it follows every
 * keystroke without a round trip; saving is debounced.
 */
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { Button, Input, Switch, Tooltip, Typography } from 'antd';
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
import { OutlineHistory } from '../../../src-shared/report/outlineUndo';
import { BodyEditor, insertPlaceholder } from './BodyEditor';
import { IndicatorPicker } from './IndicatorPicker';
import { FRONT_MATTER, OutlinePanel, type OutlineOp } from './OutlinePanel';
import { PartFields } from './PartPanel';
import { Preview } from './Preview';
import { ReadingsContext, readingsById } from './readings';
import { useAutosave, type SaveState } from './useAutosave';
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

export function ReportEditor({ year, initial, indicators, unit, save, errorText, onReloadIndicators, saveDelay = 800 }: ReportEditorProps) {
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
        if (outlineOp((ps) => addSibling(ps, id, p))) select(p.id);
        return;
      }
      case 'child': {
        if (!id) return;
        const p = blankPart(newPartId());
        if (outlineOp((ps) => addChild(ps, id, p))) select(p.id);
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
  const latest = useRef({ onOp, patchPart, select });
  latest.current = { onOp, patchPart, select };
  const stableOp = useCallback((op: OutlineOp) => latest.current.onOp(op), []);
  const stableRename = useCallback((id: string, heading: string) => latest.current.patchPart(id, { heading }), []);
  const stablePatch = useCallback((id: string, patch: Partial<Omit<Part, 'id' | 'children'>>) => latest.current.patchPart(id, patch), []);
  const insertRef = useRef<(id: string, rounded: boolean) => void>(() => undefined);
  insertRef.current = (id, rounded) => {
    const ed = editors.current.get(selectedRow ? selectedId : FRONT_MATTER);
    if (ed) insertPlaceholder(ed, id, rounded);
  };
  const stableInsert = useCallback((id: string, rounded: boolean) => insertRef.current(id, rounded), []);

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
            <section className="fz-report-edit" aria-label="编辑">
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
                  每段一行，回车分段；数字请用“插入指标数值”，导出时自动填入。Ctrl+Z 撤销，Ctrl+Y 重做（在正文外按，撤销提纲的添加、移动和删除）。
                </Typography.Text>
              </div>
            </section>
            <section className="fz-report-preview" aria-label="预览">
              <Preview result={result} selectedId={selectedRow ? selectedId : null} />
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
