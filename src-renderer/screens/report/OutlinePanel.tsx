/**
 * The report's outline: numbered headings, the toolbar that reshapes it, and which regulation
 * content item each level-1 part answers. State: useOutlinePanel; tree changes go through
 * src-shared/report/outline.
 */
import { memo } from 'react';
import { Button, Popconfirm, Tooltip } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, MenuFoldOutlined, MenuUnfoldOutlined, PlusOutlined, SubnodeOutlined } from '@ant-design/icons';
import { CONTENT_ITEM_LABELS } from '../../../src-shared/domain/vocabulary';
import type { Part } from '../../../src-shared/domain/report';
import { partHasText } from '../../../src-shared/report/printedReport';
import { subtreeSize } from '../../../src-shared/report/outline';
import { FRONT_MATTER, useOutlinePanel, type OutlineOp } from './useOutlinePanel';
import { OutlineItem } from './OutlineItem';

export { FRONT_MATTER, type OutlineOp } from './useOutlinePanel';

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
  const o = useOutlinePanel(parts, selectedId, onRename);
  const { selected, enabled } = o;

  const tool = (op: Exclude<OutlineOp, 'delete'>, title: string, icon: React.ReactNode) => (
    <Tooltip title={title}>
      <Button size="small" type="text" icon={icon} disabled={!enabled[op]} onClick={() => onOp(op)} aria-label={title} />
    </Tooltip>
  );

  return (
    <nav className="fz-outline" aria-label="报告提纲">
      <div className="fz-outline-tools">
        {tool('sibling', parts.length ? '在后面添加同级标题' : '添加一级标题', <PlusOutlined />)}
        {tool('child', '添加下级标题', <SubnodeOutlined />)}
        {tool('up', '上移', <ArrowUpOutlined />)}
        {tool('down', '下移', <ArrowDownOutlined />)}
        {tool('outdent', '升一级', <MenuFoldOutlined />)}
        {tool('indent', '降一级（归入上一个同级标题）', <MenuUnfoldOutlined />)}
        <Popconfirm
          title="删除这个标题？"
          description={
            selected ? `“${selected.heading || '无标题'}”${subtreeSize(selected) > 1 ? `及其下 ${subtreeSize(selected) - 1} 个下级标题` : ''}连同正文将被删除。` : ''
          }
          okText="删除"
          okButtonProps={{ danger: true }}
          cancelText="取消"
          disabled={!enabled.delete}
          onConfirm={() => onOp('delete')}
        >
          <Tooltip title="删除">
            <Button size="small" type="text" danger icon={<DeleteOutlined />} disabled={!enabled.delete} aria-label="删除" />
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
        {o.rows.map((row) => (
          <OutlineItem key={row.part.id} row={row} selected={row.part.id === selectedId} o={o} onSelect={onSelect} />
        ))}
      </ul>
      {o.renameNote && (
        <div className="fz-outline-missing" role="status">
          {o.renameNote}
        </div>
      )}
      {o.missingItems.length > 0 && (
        <div className="fz-outline-missing" role="status">
          尚无一级标题对应：{o.missingItems.map((i) => CONTENT_ITEM_LABELS[i]).join('、')}
        </div>
      )}
    </nav>
  );
}
