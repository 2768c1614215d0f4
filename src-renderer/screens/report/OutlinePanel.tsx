/**
 * The report's outline: numbered headings, the toolbar that reshapes it, and which regulation
 * content item each level-1 part answers. All tree changes go through src-shared/report/outline.
 */
import { memo, useMemo, useState } from 'react';
import { Button, Input, Popconfirm, Tag, Tooltip } from 'antd';
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  PlusOutlined,
  SubnodeOutlined,
} from '@ant-design/icons';
import { CONTENT_ITEM_LABELS, REQUIRED_CONTENT_ITEMS } from '../../../src-shared/domain/vocabulary';
import type { Part } from '../../../src-shared/domain/report';
import { stripHeadingNumber, strippedNote } from '../../../src-shared/report/headingNumber';
import { partHasText } from '../../../src-shared/report/render';
import {
  canAddChild,
  canIndent,
  canMove,
  canOutdent,
  findPart,
  flattenOutline,
  subtreeSize,
} from '../../../src-shared/report/outline';
import { PART_STATUS_COLOR } from '../../components/partStatus';

export const FRONT_MATTER = '__front';

export type OutlineOp = 'sibling' | 'child' | 'up' | 'down' | 'indent' | 'outdent' | 'delete';


interface Props {
  parts: Part[];
  selectedId: string;
  onSelect: (id: string) => void;
  onOp: (op: OutlineOp) => void;
  onRename: (id: string, heading: string) => void;
}

/** What the outline shows of the parts; body text is not part of it. */
function outlineKey(parts: Props['parts']): string {
  return parts
    .map((p) => `${p.id}\u0001${p.heading}\u0001${p.status}\u0001${p.contentItem ?? ''}\u0001${partHasText(p) ? 1 : 0}\u0001[${outlineKey(p.children)}]`)
    .join('\u0002');
}

// Re-render only when the outline itself changes, not on every keystroke in a body.
export const OutlinePanel = memo(
  OutlinePanelView,
  (a, b) => a.selectedId === b.selectedId && a.onSelect === b.onSelect && a.onOp === b.onOp && a.onRename === b.onRename && outlineKey(a.parts) === outlineKey(b.parts),
);

function OutlinePanelView({ parts, selectedId, onSelect, onOp, onRename }: Props) {
  const rows = useMemo(() => flattenOutline(parts), [parts]);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [renameNote, setRenameNote] = useState<string | null>(null);
  const isPart = selectedId !== FRONT_MATTER && findPart(parts, selectedId) !== null;
  const selected = isPart ? findPart(parts, selectedId) : null;
  const missingItems = REQUIRED_CONTENT_ITEMS.filter((item) => !parts.some((p) => p.contentItem === item));

  const tool = (op: OutlineOp, title: string, icon: React.ReactNode, enabled: boolean) => (
    <Tooltip title={title}>
      <Button size="small" type="text" icon={icon} disabled={!enabled} onClick={() => onOp(op)} aria-label={title} />
    </Tooltip>
  );

  return (
    <nav className="fz-outline" aria-label="报告提纲">
      <div className="fz-outline-tools">
        {tool('sibling', parts.length ? '在后面添加同级标题' : '添加一级标题', <PlusOutlined />, isPart || parts.length === 0 || selectedId === FRONT_MATTER)}
        {tool('child', '添加下级标题', <SubnodeOutlined />, isPart && canAddChild(parts, selectedId))}
        {tool('up', '上移', <ArrowUpOutlined />, isPart && canMove(parts, selectedId, -1))}
        {tool('down', '下移', <ArrowDownOutlined />, isPart && canMove(parts, selectedId, 1))}
        {tool('outdent', '升一级', <MenuFoldOutlined />, isPart && canOutdent(parts, selectedId))}
        {tool('indent', '降一级（归入上一个同级标题）', <MenuUnfoldOutlined />, isPart && canIndent(parts, selectedId))}
        <Popconfirm
          title="删除这个标题？"
          description={
            selected
              ? `“${selected.heading || '无标题'}”${subtreeSize(selected) > 1 ? `及其下 ${subtreeSize(selected) - 1} 个下级标题` : ''}连同正文将被删除。`
              : ''
          }
          okText="删除"
          okButtonProps={{ danger: true }}
          cancelText="取消"
          disabled={!isPart}
          onConfirm={() => onOp('delete')}
        >
          <Tooltip title="删除">
            <Button size="small" type="text" danger icon={<DeleteOutlined />} disabled={!isPart} aria-label="删除" />
          </Tooltip>
        </Popconfirm>
      </div>
      <ul className="fz-outline-list" role="tree">
        <li
          role="treeitem"
          aria-selected={selectedId === FRONT_MATTER}
          className={`fz-outline-row fz-outline-front${selectedId === FRONT_MATTER ? ' is-selected' : ''}`}
          onClick={() => onSelect(FRONT_MATTER)}
        >
          <span className="fz-outline-heading">标题、主送机关与导语</span>
        </li>
        {rows.map(({ part, level, number }) => (
          <li
            key={part.id}
            role="treeitem"
            aria-level={level}
            aria-selected={part.id === selectedId}
            data-part-id={part.id}
            className={`fz-outline-row fz-level-${level}${part.id === selectedId ? ' is-selected' : ''}`}
            style={{ paddingLeft: 8 + (level - 1) * 16 }}
            onClick={() => onSelect(part.id)}
            onDoubleClick={() => setRenaming(part.id)}
          >
            <span className="fz-outline-number">{number}</span>
            {renaming === part.id ? (
              <Input
                size="small"
                autoFocus
                defaultValue={part.heading}
                aria-label="标题"
                onClick={(e) => e.stopPropagation()}
                onBlur={(e) => {
                  // as in the heading field: a typed or pasted number comes off (the outline numbers itself)
                  const { text, removed } = stripHeadingNumber(e.target.value);
                  setRenameNote(removed ? strippedNote(removed, number) : null);
                  onRename(part.id, text);
                  setRenaming(null);
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
                  if (e.key === 'Escape') setRenaming(null);
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
                    {shortItem(part.contentItem)}
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
        ))}
      </ul>
      {renameNote && (
        <div className="fz-outline-missing" role="status">
          {renameNote}
        </div>
      )}
      {missingItems.length > 0 && (
        <div className="fz-outline-missing" role="status">
          尚无一级标题对应：{missingItems.map((i) => CONTENT_ITEM_LABELS[i]).join('、')}
        </div>
      )}
    </nav>
  );
}

const SHORT: Record<string, string> = {
  measures: '举措成效',
  shortcomings: '不足原因',
  firstResponsible: '第一责任人',
  nextYear: '下年安排',
  other: '其他',
};
function shortItem(item: string): string {
  return SHORT[item] ?? item;
}
