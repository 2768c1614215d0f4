/** One heading of the report outline. */
import { Input, Tag, Tooltip } from 'antd';
import { CONTENT_ITEM_LABELS } from '../../../src-shared/domain/vocabulary';
import { partHasText } from '../../../src-shared/report/printedReport';
import type { OutlineRow } from '../../../src-shared/report/outline';
import { PART_STATUS_COLOR } from '../../components/partStatus';
import type { OutlinePanelState } from './useOutlinePanel';

const SHORT: Record<string, string> = {
  measures: '举措成效',
  shortcomings: '不足原因',
  firstResponsible: '第一责任人',
  nextYear: '下年安排',
  other: '其他',
};

/** One heading of the outline: number, heading (double-click renames), content item, text and status marks. */
export function OutlineItem({ row, selected, o, onSelect }: { row: OutlineRow; selected: boolean; o: OutlinePanelState; onSelect: (id: string) => void }) {
  const { part, level, number } = row;
  return (
    <li
      role="treeitem"
      aria-level={level}
      aria-selected={selected}
      data-part-id={part.id}
      className={`fz-outline-row fz-level-${level}${selected ? ' is-selected' : ''}`}
      style={{ paddingLeft: 8 + (level - 1) * 16 }}
      onClick={() => onSelect(part.id)}
      onDoubleClick={() => o.startRename(part.id)}
    >
      <span className="fz-outline-number">{number}</span>
      {o.renaming === part.id ? (
        <Input
          size="small"
          autoFocus
          defaultValue={part.heading}
          aria-label="标题"
          onClick={(e) => e.stopPropagation()}
          // as in the heading field: a typed or pasted number comes off (the outline numbers itself)
          onBlur={(e) => o.finishRename(part.id, e.target.value, number)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
            if (e.key === 'Escape') o.cancelRename();
          }}
        />
      ) : (
        <span className="fz-outline-heading" title="双击改名">
          {part.heading || <span className="muted">（无标题）</span>}
        </span>
      )}
      <span className="fz-outline-meta">
        {level === 1 && part.contentItem && (
          <Tooltip title={`对应内容项：${CONTENT_ITEM_LABELS[part.contentItem]}`}>
            <Tag color="blue" className="fz-outline-item">
              {SHORT[part.contentItem] ?? part.contentItem}
            </Tag>
          </Tooltip>
        )}
        {!partHasText(part) && (
          <Tooltip title="还没有正文：导出时不印这个标题">
            <Tag className="fz-outline-empty">无正文</Tag>
          </Tooltip>
        )}
        <Tag color={PART_STATUS_COLOR[part.status]} className="fz-outline-status">
          {part.status}
        </Tag>
      </span>
    </li>
  );
}
