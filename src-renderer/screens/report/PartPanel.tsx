/** The selected part's fields: heading, run-in, status, content item (level 1). The body editor sits below. */
import { memo, useEffect, useRef, useState } from 'react';
import { Input, Select, type InputRef, Space, Switch, Tooltip, Typography } from 'antd';
import { CONTENT_ITEM_LABELS, CONTENT_ITEMS, PART_STATUSES, contentItemGuidanceFor, type ContentItem, type PartStatus, type UnitKind } from '../../../src-shared/domain/vocabulary';
import type { Part } from '../../../src-shared/domain/report';
import { stripHeadingNumber, strippedNote } from '../../../src-shared/text/headingNumbers';
import { lineValue } from '../../../src-shared/domain/textRules';
import { PartTables } from './PartTables';
import { LIMITS } from '../../../src-shared/domain/limits';
import { LimitedInput } from '../../components/LimitedInput';

interface Props {
  part: Part;
  level: number;
  number: string;
  onPatch: (id: string, patch: Partial<Omit<Part, 'id' | 'children'>>) => void;
  /** the unit's kind, for guidance in its own wording */
  unitKind?: UnitKind | undefined;
  /** a heading just added: take the cursor and select its text */
  focusHeading?: boolean;
  onHeadingFocused?: () => void;
}

/** Typing in the body changes `part.paragraphs` only; these fields need no re-render for that. */
const sameFields = (a: Props, b: Props) =>
  a.level === b.level &&
  a.focusHeading === b.focusHeading &&
  a.unitKind === b.unitKind &&
  a.number === b.number &&
  a.onPatch === b.onPatch &&
  a.part.id === b.part.id &&
  a.part.heading === b.part.heading &&
  a.part.runIn === b.part.runIn &&
  a.part.status === b.part.status &&
  a.part.contentItem === b.part.contentItem &&
  a.part.tables === b.part.tables &&
  a.part.paragraphs.length === b.part.paragraphs.length;

export const PartFields = memo(function PartFields({ part, level, number, onPatch, unitKind, focusHeading, onHeadingFocused }: Props) {
  const headingRef = useRef<InputRef>(null);
  useEffect(() => {
    if (!focusHeading) return;
    headingRef.current?.focus({ cursor: 'all' });
    onHeadingFocused?.();
    // only when asked: onHeadingFocused is a new function on every render of the editor
  }, [focusHeading]);
  const onChange = (patch: Partial<Omit<Part, 'id' | 'children'>>) => onPatch(part.id, patch);
  const [note, setNote] = useState<string | null>(null);
  // a number typed or pasted at the start comes off at once: the outline numbers headings itself
  const onHeading = (value: string) => {
    const { text, removed } = stripHeadingNumber(value);
    if (removed) setNote(strippedNote(removed, number));
    onChange({ heading: text });
  };
  return (
    <div className="fz-part-fields">
      <div className="fz-part-heading">
        <span className="fz-part-number">{number}</span>
        <LimitedInput
          ref={headingRef}
          value={part.heading}
          onChange={(e) => onHeading(e.target.value)}
          // on leaving, the field shows the heading as stored (the schema trims and folds it), not a
          // trailing space the saved heading no longer has
          onBlur={() => {
            const kept = lineValue(part.heading);
            if (kept !== part.heading) onChange({ heading: kept });
          }}
          placeholder="标题"
          aria-label="标题"
          maxLength={LIMITS.heading}
          size="large"
        />
      </div>
      {note && (
        <Typography.Text type="secondary" role="status" className="fz-heading-note" data-testid="heading-note">
          {note}
        </Typography.Text>
      )}
      <Space wrap size={16} className="fz-part-meta">
        <label className="fz-field">
          <span>状态</span>
          <Select<PartStatus>
            size="small"
            value={part.status}
            onChange={(status) => onChange({ status })}
            options={PART_STATUSES.map((s) => ({ value: s, label: s }))}
            style={{ width: 88 }}
            aria-label="状态"
          />
        </label>
        {(
          <Tooltip
            title={
              level === 1
                ? '标题与第一段正文排在同一段，如“一、加强组织领导。镇党委……”（一级标题一般单独成行）'
                : '标题与第一段正文排在同一段，如“（一）加强组织领导。镇党委……”'
            }
          >
            <label className="fz-field">
              <span>标题接排</span>
              <Switch size="small" checked={part.runIn} onChange={(runIn) => onChange({ runIn })} aria-label="标题接排" />
            </label>
          </Tooltip>
        )}
        {level === 1 && (
          <label className="fz-field">
            <span>对应内容项</span>
            <Select<ContentItem | ''>
              size="small"
              value={part.contentItem ?? ''}
              onChange={(v) => onChange({ contentItem: v === '' ? undefined : v })}
              options={[
                { value: '', label: '（不对应）' },
                ...CONTENT_ITEMS.map((c) => ({ value: c, label: CONTENT_ITEM_LABELS[c] })),
              ]}
              style={{ width: 300 }}
              popupMatchSelectWidth={false}
              aria-label="对应内容项"
            />
          </label>
        )}
      </Space>
      <PartTables tables={part.tables ?? []} paragraphCount={part.paragraphs.length} onChange={(tables) => onChange({ tables })} />
      {level === 1 && part.contentItem && (
        <Typography.Paragraph type="secondary" className="fz-part-guidance">
          写作提示：{contentItemGuidanceFor(part.contentItem, unitKind)}
        </Typography.Paragraph>
      )}
    </div>
  );
}, sameFields);
