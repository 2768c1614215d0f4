/** One part of the import preview: its numbered heading with the corrections, then its paragraphs. */
import { memo } from 'react';
import { Select } from 'antd';
import { MenuFoldOutlined, MenuUnfoldOutlined, MergeCellsOutlined, ScissorOutlined } from '@ant-design/icons';
import type { Part } from '../../../src-shared/domain/report';
import { CONTENT_ITEM_LABELS, CONTENT_ITEMS, type ContentItem } from '../../../src-shared/domain/vocabulary';
import type { PartOp } from '../../../src-shared/import/previewEdits';
import { runInHeading } from '../../../src-shared/text/headingNumbers';

const ITEM_OPTIONS = [
  { value: '', label: '（不对应）' },
  ...CONTENT_ITEMS.map((c) => ({ value: c, label: CONTENT_ITEM_LABELS[c] })),
];

interface BlockProps {
  part: Part;
  level: number;
  number: string;
  canUp: boolean;
  canDown: boolean;
  canMergeUp: boolean;
  onOp: (id: string, op: PartOp) => void;
}

const sameBlock = (a: BlockProps, b: BlockProps) =>
  a.part === b.part && a.level === b.level && a.number === b.number && a.canUp === b.canUp && a.canDown === b.canDown && a.canMergeUp === b.canMergeUp && a.onOp === b.onOp;

/** One part: its numbered heading with the corrections, then its paragraphs, each of which can start a new part. */
export const PartBlock = memo(function PartBlock({ part, level, number, canUp, canDown, canMergeUp, onOp }: BlockProps) {
  const name = part.heading || '（无标题）';
  return (
    <div className={`fz-imp-part fz-imp-level-${level}`} style={{ marginLeft: (level - 1) * 20 }} data-part-id={part.id} role="group" aria-label={`${number}${name}`}>
      <div className="fz-imp-head">
        <span className="fz-imp-number">{number}</span>
        <span className={`fz-imp-heading${part.runIn ? ' fz-imp-heading-runin' : ''}`}>{name}</span>
        {part.runIn && <span className="fz-imp-level muted">接排在正文开头</span>}
        <span className="fz-imp-level muted">{level}级</span>
        <span className="fz-imp-spacer" />
        {level === 1 && (
          <Select<ContentItem | ''>
            size="small"
            value={part.contentItem ?? ''}
            onChange={(v) => onOp(part.id, { kind: 'patch', patch: { contentItem: v === '' ? undefined : v } })}
            options={ITEM_OPTIONS}
            style={{ width: 250 }}
            popupMatchSelectWidth={false}
            aria-label={`“${name}”对应内容项`}
          />
        )}
        {level > 1 && (
          <label className="fz-imp-check">
            <input
              type="checkbox"
              checked={part.runIn}
              onChange={(e) => onOp(part.id, { kind: 'patch', patch: { runIn: e.target.checked } })}
              aria-label={`“${name}”标题接排`}
            />
            接排
          </label>
        )}
        {/* plain buttons: a long report has dozens of parts and the preview must appear at once */}
        <span className="fz-imp-tools">
          <button type="button" className="fz-imp-tool" disabled={!canUp} onClick={() => onOp(part.id, { kind: 'outdent' })} aria-label={`“${name}”升一级`} title="升一级">
            <MenuFoldOutlined />
          </button>
          <button type="button" className="fz-imp-tool" disabled={!canDown} onClick={() => onOp(part.id, { kind: 'indent' })} aria-label={`“${name}”降一级`} title="降一级（归入上一个同级标题）">
            <MenuUnfoldOutlined />
          </button>
          <button type="button" className="fz-imp-tool" disabled={!canMergeUp} onClick={() => onOp(part.id, { kind: 'merge' })} aria-label={`“${name}”并入上文`} title="不是标题：并入上文作为正文">
            <MergeCellsOutlined />
          </button>
        </span>
      </div>
      {/* 接排: the heading prints at the start of the first paragraph, as the report will have it */}
      {part.runIn && !part.paragraphs.length && (
        <p className="fz-imp-para fz-imp-runin" data-testid="runin-line">
          <span className="fz-imp-runin-head">
            {number}
            {runInHeading(name)}
          </span>
        </p>
      )}
      {part.paragraphs.map((t, i) => (
        <p key={i} className={`fz-imp-para${part.runIn && i === 0 ? ' fz-imp-runin' : ''}`} data-testid={part.runIn && i === 0 ? 'runin-line' : undefined}>
          {part.runIn && i === 0 && (
            <span className="fz-imp-runin-head">
              {number}
              {runInHeading(name)}
            </span>
          )}
          {t}
          <button type="button" className="fz-imp-split" onClick={() => onOp(part.id, { kind: 'split', at: i })} title="这一段是标题：从这里拆出新的部分" aria-label={`从“${t.length > 12 ? `${t.slice(0, 12)}…` : t}”拆出新标题`}>
            <ScissorOutlined /> 拆为标题
          </button>
        </p>
      ))}
    </div>
  );
}, sameBlock);
