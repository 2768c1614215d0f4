import { useCallback, useEffect, useMemo, useRef, useState, type Dispatch, type MutableRefObject, type SetStateAction } from 'react';
import { App as AntApp, Button } from 'antd';
import type { Editor } from '@tiptap/react';
import type { IndicatorRow } from '../../../src-shared/contract';
import type { Part, Report } from '../../../src-shared/domain/report';
import type { Unit } from '../../../src-shared/domain/unit';
import type { ProofreadingState } from '../../../src-shared/domain/year';
import { flattenOutline } from '../../../src-shared/report/outline';
import { findingKey, type Finding } from '../../../src-shared/proofread/finding';
import { applyFix, findingText, fixSpots, issuanceFixPatch, mergeFindings, newBodyCheckCache, proofreadReport } from '../../../src-shared/proofread';
import { useMethodMutation } from '../../api/queries';
import { maskPlaceholders } from '../../../src-shared/proofread/context';
import { figuresHeld } from '../../../src-shared/proofread/figures';
import { FRONT_MATTER } from './OutlinePanel';
import type { ProofGroup } from './ProofPanel';
import { applyFixesInEditor, markRange, rangeOf } from './proofMark';

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

/** What the proofreader needs of the editor, always the latest (read through a ref). */
export interface EditorAccess {
  select: (id: string) => void;
  patchPart: (id: string, patch: Partial<Omit<Part, 'id' | 'children'>>) => void;
  report: Report;
}

/**
 * How long typing pauses before 校对 checks the text again. The checks are not needed on every
 * keystroke, and on a 3,000-character part they were the largest piece of work after each one:
 * done while the clerk types on, they also delayed the next keystroke.
 */
export const PROOF_PAUSE_MS = 300;

interface ProofDeps {
  year: number;
  /** the deferred copy the preview follows: the checks run on it once typing pauses */
  report: Report;
  readings: ReadonlyMap<string, IndicatorRow>;
  unit: Unit | null;
  proofreading: ProofreadingState | undefined;
  onIgnore: ((key: string, ignore: boolean) => Promise<ProofreadingState>) | undefined;
  errorText: (err: unknown) => string;
  editors: MutableRefObject<Map<string, Editor>>;
  latest: MutableRefObject<EditorAccess>;
  setReport: Dispatch<SetStateAction<Report>>;
}

/** 校对 beside the editor: live findings by part, jumping to one, fixing it, ignoring it. */
export function useProofreading({ year, report, readings, unit, proofreading, onIgnore, errorText, editors, latest, setReport }: ProofDeps) {
  const { message } = AntApp.useApp();
  const { mutateAsync: saveIssuance } = useMethodMutation('report.issuance');
  const [proofState, setProofState] = useState<ProofreadingState>(proofreading ?? NO_PROOF);
  // last year's figures (the 上年 column), for text carried from last year's report
  const lastYear = useMemo(() => figuresHeld([...readings.values()].map((r) => ({ ...r, value: r.lastYear }))), [readings]);
  // a keystroke changes one body: the others' findings are kept from the run before
  const bodyCache = useRef(newBodyCheckCache());
  const check = useCallback(
    (r: Report) => proofreadReport({ report: r, year, readings, lastYear, unit: unit ? { shortName: unit.shortName, fullName: unit.fullName } : null }, bodyCache.current),
    [year, readings, lastYear, unit],
  );
  // The copy the findings are of and what the checks found in it: the text once typing has paused
  // for PROOF_PAUSE_MS, or at once when asked (a fix, the pointer on its way to the list). The
  // checks run in that timer or handler, never while React renders: a render that a keystroke
  // forces would otherwise run them inside the keystroke.
  const [checked, setChecked] = useState<{ report: Report; live: Finding[]; by: typeof check }>(() => ({ report, live: check(report), by: check }));
  let current = checked;
  if (checked.by !== check) {
    // the figures, the unit or the year changed: the same text checked again with them
    current = { report: checked.report, live: check(checked.report), by: check };
    setChecked(current);
  }
  const stale = current.report !== report;
  const checkNow = useCallback(() => setChecked({ report, live: check(report), by: check }), [report, check]);
  // after a fix the list follows at once: the finding fixed goes without waiting for a pause
  const checkNext = useRef(false);
  useEffect(() => {
    if (!stale) return;
    if (checkNext.current) {
      checkNext.current = false;
      return checkNow();
    }
    const t = window.setTimeout(checkNow, PROOF_PAUSE_MS);
    return () => window.clearTimeout(t);
  }, [stale, checkNow]);
  const findings = useMemo(() => mergeFindings(current.live, proofState, current.report), [current, proofState]);
  // the findings' groups: the outline of the same copy
  const rows = useMemo(() => flattenOutline(current.report.parts), [current.report.parts]);
  const groups = useMemo((): ProofGroup[] => {
    const front: ProofGroup = { id: '', label: '标题、导语与落款', findings: [] };
    const byPart = new Map<string, ProofGroup>(rows.map((r) => [r.part.id, { id: r.part.id, label: `${r.number}${r.part.heading || '无标题部分'}`, findings: [] }]));
    for (const f of findings) (f.partId ? byPart.get(f.partId) : undefined)?.findings.push(f) ?? front.findings.push(f);
    return [front, ...byPart.values()];
  }, [findings, rows]);
  const errorCount = findings.filter((f) => f.severity === '错误').length;

  // a click on a finding: show its part, then (once its editor is mounted) select and mark the text
  const [jumpTo, setJumpTo] = useState<{ f: Finding; n: number; fix?: boolean } | null>(null);
  const editRef = useRef<HTMLElement>(null);
  const jump = useCallback(
    (f: Finding) => {
      latest.current.select(f.partId ?? FRONT_MATTER);
      setJumpTo((j) => ({ f, n: (j?.n ?? 0) + 1 }));
    },
    [latest],
  );

  // headings and the title are inputs: without the browser's own edit (see the jump effect) the
  // fix is a state change, and the old text is kept for an explicit 撤销
  const fixByPatch = (f: Finding) => {
    if (!f.fix) return;
    const before = f.field === 'title' ? latest.current.report.title : findingText(latest.current.report, { partId: f.partId, field: 'heading', paragraph: -1 });
    if (before === null) return;
    const put = (text: string) => {
      checkNext.current = true;
      if (f.field === 'title') setReport((r) => ({ ...r, title: text }));
      else latest.current.patchPart(f.partId!, { heading: text });
    };
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
  }, [jumpTo, message, editors]);

  const fix = useCallback(
    (f: Finding) => {
      if (!f.fix) return;
      // typed on since the list was made: its places may have moved, so the list is made again
      // from the text as it is and nothing is changed (the clerk sees the fresh list and clicks again)
      if (stale) return checkNow();
      // a 报送件 field (set on the 导出 screen): changed where it is stored, and in this copy
      const patch = issuanceFixPatch(f);
      if (patch) {
        const label = f.fix.label;
        saveIssuance({ year, issuance: patch }).then(
          (issuance) => {
            checkNext.current = true;
            setReport((r) => ({ ...r, issuance }));
            message.success({ content: `已${label}`, duration: 2 });
          },
          (err: unknown) => message.error(`未能修改：${errorText(err)}`),
        );
        return;
      }
      const slot = f.partId ?? FRONT_MATTER;
      if (f.field === 'body' || f.field === 'preamble') {
        latest.current.select(slot);
        // the editor may not be mounted yet (part never opened): jump first, fix on the next click
        const ed = editors.current.get(slot);
        // a grouped finding (the half-width marks of a part) fixes every spot in one transaction
        const spots = fixSpots(f);
        const edits = ed ? spots.map((x) => ({ range: rangeOf(ed.state.doc, x.paragraph, x.offset, x.length), replacement: x.replacement })) : [];
        if (!ed || !edits.length || edits.some((e) => !e.range)) return jump(f);
        checkNext.current = true;
        applyFixesInEditor(ed, edits as Array<{ range: { from: number; to: number }; replacement: string }>);
        message.success({ content: `已${f.fix.label}（Ctrl+Z 撤销）`, duration: 2 });
        return;
      }
      if ((f.field === 'heading' || f.field === 'title') && f.spots && f.spots.length > 1) {
        // several marks in one heading: one state change, with its 撤销
        latest.current.select(slot);
        fixByPatchRef.current(f);
        return;
      }
      if (f.field === 'heading' || f.field === 'title') {
        // shown first, then edited in the field itself (the jump effect), so Ctrl+Z there undoes it
        latest.current.select(slot);
        setJumpTo((j) => ({ f, n: (j?.n ?? 0) + 1, fix: true }));
      }
    },
    [jump, message, editors, latest, year, setReport, errorText, saveIssuance, stale, checkNow],
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
  const checkedReport = current.report;
  const context = useCallback((f: Finding) => contextOf(checkedReport, f), [checkedReport]);

  // one object while nothing it holds changed: 校对 and the preview beside the editor are memoized on it
  const ignored = proofState.ignored;
  return useMemo(
    () => ({ findings, groups, errorCount, ignored, jump, fix, ignore, setIgnored, context, editRef, checkNow }),
    [findings, groups, errorCount, ignored, jump, fix, ignore, setIgnored, context, checkNow],
  );
}
