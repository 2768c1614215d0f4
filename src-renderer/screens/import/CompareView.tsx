/**
 * A revised file (the leader's edits in Word) beside the year's report, part by part: words taken
 * out are struck through on our side, words put in are marked on theirs. The word diff comes from
 * the service; here the clerk only takes or leaves each change.
 */
import { useMemo, useState } from 'react';
import { Alert, Button, Checkbox, Empty, Space, Tag, Typography } from 'antd';
import type { ComparePart, CompareResult, DiffSpan } from '../../../src-shared/import/types';

interface Props {
  result: CompareResult;
  busy: boolean;
  onBack: () => void;
  onApply: (take: string[]) => void;
}

const STATUS_LABEL: Record<ComparePart['status'], { text: string; color: string }> = {
  same: { text: '未改动', color: 'default' },
  changed: { text: '有修改', color: 'orange' },
  added: { text: '修改稿新增', color: 'green' },
  removed: { text: '修改稿删去', color: 'red' },
};

function Side({ spans, drop, mark }: { spans: DiffSpan[]; drop: DiffSpan['kind']; mark: DiffSpan['kind'] }) {
  return (
    <div className="fz-cmp-text">
      {spans
        .filter((s) => s.kind !== drop)
        .map((s, i) =>
          s.kind === mark ? (
            mark === 'removed' ? (
              <del key={i} className="fz-cmp-removed">
                {s.text}
              </del>
            ) : (
              <ins key={i} className="fz-cmp-added">
                {s.text}
              </ins>
            )
          ) : (
            <span key={i}>{s.text}</span>
          ),
        )}
    </div>
  );
}

function partTitle(p: ComparePart): string {
  if (p.key === 'title') return '报告标题';
  if (p.key === 'preamble') return '导语';
  return `${p.number}${p.heading || p.theirsHeading || '（无标题）'}`;
}

export function CompareView({ result, busy, onBack, onApply }: Props) {
  const changed = useMemo(() => result.parts.filter((p) => p.status !== 'same'), [result]);
  // the file came back to be taken: every change starts taken, the clerk leaves what she disagrees with
  const [take, setTake] = useState<Set<string>>(() => new Set(changed.map((p) => p.key)));
  const set = (key: string, on: boolean) =>
    setTake((t) => {
      const n = new Set(t);
      if (on) n.add(key);
      else n.delete(key);
      return n;
    });
  const unchanged = result.parts.length - changed.length;

  return (
    <div className="fz-cmp" data-testid="compare-view">
      <div className="fz-imp-summary" role="status">
        与{result.year}年度报告逐段对比：<b>{changed.length}</b> 处有修改，{unchanged} 处未改动。
        <span className="muted">左边是现有报告（删去的文字划线），右边是修改稿（新增的文字标出）。</span>
      </div>
      {result.warnings.map((w) => (
        <Alert key={w} type="warning" showIcon title={w} className="fz-imp-alert" />
      ))}
      <div className="fz-cmp-list">
        {changed.length === 0 && <Empty description="修改稿与现有报告相同，没有需要采纳的修改" />}
        {changed.map((p) => (
          <section key={p.key} className={`fz-cmp-part${take.has(p.key) ? ' is-taken' : ''}`} aria-label={partTitle(p)}>
            <header className="fz-cmp-head">
              <Checkbox checked={take.has(p.key)} onChange={(e) => set(p.key, e.target.checked)} aria-label={`采纳“${partTitle(p)}”的修改`}>
                采纳
              </Checkbox>
              <b>{partTitle(p)}</b>
              <Tag color={STATUS_LABEL[p.status].color}>{STATUS_LABEL[p.status].text}</Tag>
              {p.keptPlaceholders > 0 && (
                <Typography.Text type="secondary">数值未改动的 {p.keptPlaceholders} 处仍保留为指标占位符</Typography.Text>
              )}
            </header>
            <div className="fz-cmp-sides">
              <div>
                <div className="fz-cmp-label">现有报告</div>
                <Side spans={p.changes} drop="added" mark="removed" />
              </div>
              <div>
                <div className="fz-cmp-label">修改稿</div>
                <Side spans={p.changes} drop="removed" mark="added" />
              </div>
            </div>
          </section>
        ))}
      </div>
      <footer className="fz-imp-footer">
        <Space>
          <Button size="small" onClick={() => setTake(new Set(changed.map((p) => p.key)))}>
            全部采纳
          </Button>
          <Button size="small" onClick={() => setTake(new Set())}>
            全部不采纳
          </Button>
        </Space>
        <span className="fz-imp-spacer" />
        <Button onClick={onBack} disabled={busy}>
          返回预览
        </Button>
        <Button type="primary" loading={busy} disabled={changed.length === 0} onClick={() => onApply(changed.filter((p) => take.has(p.key)).map((p) => p.key))}>
          采纳所选修改（{changed.filter((p) => take.has(p.key)).length} 处）
        </Button>
      </footer>
    </div>
  );
}
