/**
 * 校对: the findings of the report as the clerk types, grouped by part in outline order. A click
 * jumps to the text and marks it; a fix is one click (and Ctrl+Z takes it back); a finding can be
 * ignored for this year and brought back.
 */
import { memo } from 'react';
import { Button, Empty, Tag, Tooltip, Typography } from 'antd';
import type { Finding } from '../../../src-shared/proofread/finding';
import { findingKey, type FindingCode } from '../../../src-shared/proofread/finding';
import { FINDING_CODE_LABELS } from '../../../src-shared/proofread/labels';

export interface ProofGroup {
  /** partId, or '' for the title, preamble, 落款 and the report as a whole */
  id: string;
  label: string;
  findings: Finding[];
}

export interface ProofPanelProps {
  groups: ProofGroup[];
  ignoredCount: number;
  onJump: (f: Finding) => void;
  onFix: (f: Finding) => void;
  onIgnore: (f: Finding) => void;
  onShowIgnored?: () => void;
  /** the text of a finding with a little context, for the list */
  context: (f: Finding) => string;
}

export const ProofPanel = memo(function ProofPanel({ groups, ignoredCount, onJump, onFix, onIgnore, onShowIgnored, context }: ProofPanelProps) {
  const total = groups.reduce((n, g) => n + g.findings.length, 0);
  const errors = groups.reduce((n, g) => n + g.findings.filter((f) => f.severity === '错误').length, 0);
  return (
    <div className="fz-proof" data-testid="proof-panel">
      <div className="fz-proof-summary" role="status">
        {total === 0 ? '未发现问题' : `错误 ${errors} · 提醒 ${total - errors}`}
        {ignoredCount > 0 && (
          <Button type="link" size="small" onClick={onShowIgnored}>
            已忽略 {ignoredCount} 项
          </Button>
        )}
      </div>
      {total === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="正文、数字、年份、序号和标点都没有发现问题" />
      ) : (
        groups.map((g) =>
          g.findings.length ? (
            <section key={g.id || 'front'} className="fz-proof-group" aria-label={g.label}>
              <h4 className="fz-proof-part">{g.label}</h4>
              {g.findings.map((f, i) => (
                <FindingRow key={`${findingKey(f)}|${f.paragraph}|${f.offset}|${i}`} f={f} context={context(f)} onJump={onJump} onFix={onFix} onIgnore={onIgnore} />
              ))}
            </section>
          ) : null,
        )
      )}
    </div>
  );
});

function FindingRow({ f, context, onJump, onFix, onIgnore }: { f: Finding; context: string; onJump: (f: Finding) => void; onFix: (f: Finding) => void; onIgnore: (f: Finding) => void }) {
  return (
    <div className={`fz-proof-item fz-proof-${f.severity === '错误' ? 'error' : 'hint'}`} data-code={f.code}>
      <button type="button" className="fz-proof-jump" onClick={() => onJump(f)} title="转到正文中的位置">
        <Tag color={f.severity === '错误' ? 'red' : 'orange'} title={FINDING_CODE_LABELS[f.code]}>
          {f.severity}
        </Tag>
        <span className="fz-proof-msg">{f.message}</span>
        {context && <span className="fz-proof-excerpt">{context}</span>}
      </button>
      <div className="fz-proof-actions">
        {f.fix && (
          <Button size="small" type="primary" ghost onClick={() => onFix(f)}>
            {f.fix.label}
          </Button>
        )}
        <Tooltip title="本年度不再提示这一项（可在“已忽略”中恢复）">
          <Button size="small" type="text" onClick={() => onIgnore(f)}>
            忽略
          </Button>
        </Tooltip>
      </div>
    </div>
  );
}

/** The ignored keys, each with a button to bring it back. */
export function IgnoredList({ keys, onRestore }: { keys: readonly string[]; onRestore: (key: string) => void }) {
  if (!keys.length) return null;
  return (
    <div className="fz-proof-ignored">
      {keys.map((k) => {
        const [code = '', , ...rest] = k.split('|');
        const label = FINDING_CODE_LABELS[code as FindingCode] ?? code;
        return (
          <div key={k} className="fz-proof-ignored-row">
            <Typography.Text type="secondary">
              {label}：“{rest.join('|')}”
            </Typography.Text>
            <Button size="small" type="link" onClick={() => onRestore(k)}>
              恢复
            </Button>
          </div>
        );
      })}
    </div>
  );
}
