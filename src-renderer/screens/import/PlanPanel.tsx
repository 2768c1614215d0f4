/**
 * The year after an import: last year's 下一年度安排, point by point, beside this year's 举措和成效,
 * each marked 已完成 / 未完成 / 结转 (saved with the year by the service); in this year's 不足 part
 * the 未完成 points are offered as text to insert.
 */
import { memo, useState } from 'react';
import { Button, Radio, Typography } from 'antd';
import type { PlanChecklist, PlanStatus } from '../../../src-shared/import/types';
import './import.css';

const MARKS: PlanStatus[] = ['已完成', '未完成', '结转'];

export interface PlanPanelProps {
  checklist: PlanChecklist;
  /** which of this year's parts is selected */
  item: 'measures' | 'shortcomings';
  /** the selected part's body: the 未完成 text is offered once */
  paragraphs: string[];
  onMark: (key: string, status: PlanStatus) => Promise<void>;
  onInsert: (paragraphs: string[]) => void;
  errorText: (err: unknown) => string;
  /** this year's part answering 存在的不足和原因 (null: the report has none) */
  shortcomingsPart: string | null;
  /** go to a part, as a click in the outline */
  onGo: (partId: string) => void;
}

export function PlanPanel({ paragraphs, ...rest }: PlanPanelProps) {
  const { checklist, item } = rest;
  // the panel follows the part's text only through this: a keystroke does not render its buttons again
  const inserted = item === 'shortcomings' && !!checklist.unfinishedText && paragraphs.some((p) => p.includes(checklist.unfinishedText));
  return <PlanPanelView {...rest} inserted={inserted} />;
}

const PlanPanelView = memo(function PlanPanelView({ checklist, item, inserted, onMark, onInsert, errorText, shortcomingsPart, onGo }: Omit<PlanPanelProps, 'paragraphs'> & { inserted: boolean }) {
  const [saving, setSaving] = useState<string | null>(null);
  const [state, setState] = useState<{ ok: boolean; text: string } | null>(null);
  if (checklist.fromYear === null || checklist.points.length === 0) return null;

  if (item === 'shortcomings') {
    if (!checklist.unfinishedText) return null;
    return (
      <div className="fz-plan" aria-label="上年度未完成的安排" role="region">
        <h4>{checklist.fromYear}年度安排中未完成的事项</h4>
        <Typography.Paragraph className="fz-plan-text" data-testid="plan-unfinished">
          {checklist.unfinishedText}
        </Typography.Paragraph>
        <Button size="small" type="primary" ghost disabled={inserted} onClick={() => onInsert([checklist.unfinishedText])}>
          {inserted ? '已插入正文' : '插入到本部分正文末尾'}
        </Button>
      </div>
    );
  }

  const mark = async (key: string, status: PlanStatus) => {
    setSaving(key);
    try {
      await onMark(key, status);
      setState({ ok: true, text: '已保存' });
    } catch (err) {
      setState({ ok: false, text: `保存失败（${errorText(err)}）` });
    } finally {
      setSaving(null);
    }
  };
  const done = checklist.points.filter((p) => p.status !== '未标记').length;
  return (
    <div className="fz-plan" aria-label="上年度安排落实情况" role="region">
      <h4>
        {checklist.fromYear}年度“{checklist.fromHeading}”落实情况
        <span className="muted" style={{ fontWeight: 400, marginLeft: 8 }}>
          已标记 {done} / {checklist.points.length}
        </span>
        {state && (
          <Typography.Text type={state.ok ? 'success' : 'danger'} role="status" style={{ fontWeight: 400, marginLeft: 8, fontSize: 12 }}>
            {state.text}
          </Typography.Text>
        )}
      </h4>
      {checklist.points.map((p, i) => (
        <div key={p.key} className="fz-plan-point" data-testid="plan-point">
          <span className="fz-plan-text">
            {i + 1}. {p.text}
          </span>
          <span role="radiogroup" aria-label={`第${i + 1}项落实情况`}>
          <Radio.Group
            size="small"
            optionType="button"
            buttonStyle="solid"
            disabled={saving === p.key}
            value={p.status === '未标记' ? undefined : p.status}
            onChange={(e) => void mark(p.key, e.target.value as PlanStatus)}
            options={MARKS.map((m) => ({ value: m, label: m }))}
          />
          {/* kept in the layout when hidden, so the rows' buttons stay aligned */}
          <Button
            size="small"
            type="link"
            disabled={saving === p.key}
            onClick={() => void mark(p.key, '未标记')}
            aria-label={`清除第${i + 1}项的标记`}
            aria-hidden={p.status === '未标记'}
            tabIndex={p.status === '未标记' ? -1 : 0}
            style={p.status === '未标记' ? { visibility: 'hidden' } : undefined}
          >
            清除
          </Button>
          </span>
        </div>
      ))}
      <UnfinishedHint open={checklist.points.filter((p) => p.status === '未完成').length} shortcomingsPart={shortcomingsPart} onGo={onGo} />
    </div>
  );
});

/** Where the 未完成 points go: said here, so the 不足 part's insert button is no surprise (or its absence no mystery). */
function UnfinishedHint({ open, shortcomingsPart, onGo }: { open: number; shortcomingsPart: string | null; onGo: (id: string) => void }) {
  if (shortcomingsPart === null)
    return (
      <Typography.Paragraph type="secondary" className="fz-plan-hint" data-testid="plan-unfinished-hint">
        标为“未完成”的事项可一键写入本年度“存在的不足和原因”部分，但本年度报告还没有这一部分：在左侧提纲新增一个一级标题，并在其“对应内容项”中选择“存在的不足和原因”。
      </Typography.Paragraph>
    );
  return (
    <Typography.Paragraph type="secondary" className="fz-plan-hint" data-testid="plan-unfinished-hint">
      {open ? `已有${open}项标为“未完成”，可在“存在的不足和原因”部分一键写入正文。` : '标为“未完成”的事项可在“存在的不足和原因”部分一键写入正文。'}
      {open > 0 && (
        <Button type="link" size="small" onClick={() => onGo(shortcomingsPart)}>
          转到“存在的不足和原因”
        </Button>
      )}
    </Typography.Paragraph>
  );
}
