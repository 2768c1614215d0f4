/**
 * The report editor: outline on the left, the selected part (fields + body) and the live preview
 * on the right. The preview is rendered here with the shared `renderReport`, so it follows every
 * keystroke without a round trip; saving is debounced. State and actions live in
 * useReportEditor (text, outline, autosave) and useProofreading (校对); this is the view.
 */
import { useMemo, type ReactNode } from 'react';
import { Typography } from 'antd';
import type { IndicatorRow } from '../../../src-shared/contract';
import type { ContentItem, Report } from '../../../src-shared/domain/report';
import type { Unit } from '../../../src-shared/domain/unit';
import type { ProofreadingState } from '../../../src-shared/domain/year';
import { titleOneLine } from '../../../src-shared/report/titleLines';
import { BodyEditor } from './BodyEditor';
import { IndicatorPicker } from './IndicatorPicker';
import { FrontMatterFields } from './FrontMatterFields';
import { FRONT_MATTER, OutlinePanel } from './OutlinePanel';
import { PartFields } from './PartPanel';
import { ReadingsContext } from './readings';
import { ReportBar } from './ReportBar';
import { ReportSide } from './ReportSide';
import { useReportEditor } from './useReportEditor';
import { useProofreading } from './useProofreading';

// one element for every render: React skips it (antd's Typography is not cheap on each keystroke)
const EDITOR_HINT = (
  <Typography.Text type="secondary" className="fz-editor-hint">
    每段一行，回车分段；数字请用“插入指标数值”，导出时自动填入。Ctrl+Z 撤销，Ctrl+Y 重做（在正文外按，撤销提纲的添加、移动和删除）。
  </Typography.Text>
);

export interface ReportEditorProps {
  year: number;
  /** the report as stored when the editor opened; the editor owns the text from then on */
  initial: Report;
  /** current figures: they may change while the editor is open, and chips and preview follow */
  indicators: IndicatorRow[];
  unit: Unit | null;
  save: (report: Report) => Promise<unknown>;
  errorText: (err: unknown) => string;
  /** debounce of the autosave, ms */
  saveDelay?: number;
  /** more buttons in the bar (e.g. 导入); `settle` saves what is pending first and says whether it could */
  actions?: (settle: () => Promise<boolean>) => ReactNode;
  /** shown above the selected part's body (e.g. last year's plan beside 举措和成效) */
  aside?: (ctx: PartAsideContext) => ReactNode;
  /** the year's stored proofreading state (import findings, ignored keys) */
  proofreading?: ProofreadingState | undefined;
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
  /** the level-1 part answering a content item, if the report has one */
  partFor: (item: ContentItem) => string | null;
  /** select a part (as a click in the outline) */
  select: (id: string) => void;
}

export function ReportEditor({ year, initial, indicators, unit, save, errorText, saveDelay = 800, actions, aside, proofreading, onIgnore }: ReportEditorProps) {
  const e = useReportEditor({ year, initial, indicators, unit, save, errorText, saveDelay });
  const { report, selectedRow, shownId } = e;
  const proof = useProofreading({
    year,
    report: e.deferredReport,
    readings: e.readings,
    unit,
    proofreading,
    onIgnore,
    errorText,
    editors: e.editors,
    latest: e.latest,
    setReport: e.setReport,
  });
  // the panels beside the body (last year's plan, 起草) read the text a moment later, with the
  // preview: made again when that copy of the part changes, not on every keystroke
  const { deferredReport, deferredRow, insertParagraphs, select } = e;
  const showsPart = selectedRow !== null;
  const asideNode = useMemo(
    () =>
      aside && deferredRow && showsPart
        ? aside({
            partId: deferredRow.part.id,
            item: deferredReport.parts[deferredRow.path[0]!]?.contentItem,
            paragraphs: deferredRow.part.paragraphs,
            insert: insertParagraphs,
            partFor: (item) => deferredReport.parts.find((p) => p.contentItem === item)?.id ?? null,
            select,
          })
        : null,
    [aside, deferredRow, deferredReport.parts, insertParagraphs, select, showsPart],
  );

  return (
    <ReadingsContext.Provider value={e.readings}>
      <div className="fz-report">
        <ReportBar
          year={year}
          title={titleOneLine(initial.title)}
          partChars={e.partChars}
          totalChars={e.totalChars}
          getRendered={e.getRendered}
          saveState={e.saveState}
          flush={e.flush}
          settle={e.settle}
          actions={actions}
          errorText={errorText}
        />
        <div className="fz-report-body">
          <OutlinePanel parts={report.parts} selectedId={shownId} onSelect={e.select} onOp={e.stableOp} onRename={e.stableRename} />
          <div className="fz-report-main">
            <div className="fz-report-split">
              <section className="fz-report-edit" aria-label="编辑" ref={proof.editRef}>
                {selectedRow ? (
                  <PartFields
                    key={selectedRow.part.id}
                    part={selectedRow.part}
                    level={selectedRow.level}
                    number={selectedRow.number}
                    onPatch={e.stablePatch}
                    unitKind={unit?.kind}
                    focusHeading={e.focusHeading === selectedRow.part.id}
                    onHeadingFocused={() => e.setFocusHeading(null)}
                  />
                ) : (
                  <FrontMatterFields report={report} unit={unit} year={year} onChange={(patch) => e.setReport((r) => ({ ...r, ...patch }))} />
                )}
                {asideNode}
                <div className="fz-report-toolbar">
                  <IndicatorPicker rows={indicators} onInsert={e.stableInsert} />
                  {e.insertNote && (
                    <Typography.Text type="secondary" role="status" className="fz-insert-note">
                      {e.insertNote}
                    </Typography.Text>
                  )}
                </div>
                <div className="fz-report-editors">
                  {e.alive.map((id) => (
                    <div key={id} className="fz-editor-slot" style={id === shownId ? undefined : { display: 'none' }} data-editor-for={id}>
                      <BodyEditor initial={e.initialBody(id)} onChange={e.onBodyChange(id)} onEditor={e.onEditor(id)} label={id === FRONT_MATTER ? '导语正文' : '正文'} />
                    </div>
                  ))}
                  {EDITOR_HINT}
                </div>
              </section>
              <ReportSide result={e.result} selectedId={selectedRow ? e.selectedId : null} proof={proof} />
            </div>
          </div>
        </div>
      </div>
    </ReadingsContext.Provider>
  );
}
