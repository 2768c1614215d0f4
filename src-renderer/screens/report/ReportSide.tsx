import { memo, useMemo, useState } from 'react';
import { Segmented } from 'antd';
import type { RenderResult } from '../../../src-shared/report/printedReport';
import { Preview } from './Preview';
import { IgnoredList, ProofPanel } from './ProofPanel';
import type { useProofreading } from './useProofreading';

/** Beside the editor: the live preview, or 校对 with its findings. memo: both follow the deferred render, not each keystroke. */
export const ReportSide = memo(function ReportSide({ result, selectedId, proof }: { result: RenderResult; selectedId: string | null; proof: ReturnType<typeof useProofreading> }) {
  const [side, setSide] = useState<'preview' | 'proof'>('preview');
  const [showIgnored, setShowIgnored] = useState(false);
  const { findings, errorCount } = proof;
  const count = findings.length;
  // the switch changes with the counts of findings, not with each render of the preview beside it
  const bar = useMemo(
    () => (
      <Segmented
        size="small"
        value={side}
        onChange={(v) => setSide(v as 'preview' | 'proof')}
        options={[
          { value: 'preview', label: '预览' },
          { value: 'proof', label: <span data-testid="proof-tab">校对{count ? `（${errorCount ? `${errorCount}错误 · ` : ''}${count}项）` : ''}</span> },
        ]}
      />
    ),
    [side, count, errorCount],
  );
  return (
    <section className="fz-report-preview fz-report-side" aria-label={side === 'proof' ? '校对' : '预览'}>
      <div className="fz-side-bar">{bar}</div>
      <div className="fz-side-body">
        {side === 'preview' ? (
          <Preview result={result} selectedId={selectedId} />
        ) : (
          // the pointer on its way to a finding: the list is made of the latest text before the click
          <div className="fz-proof-scroll" onPointerEnter={proof.checkNow} onFocusCapture={proof.checkNow}>
            <ProofPanel
              groups={proof.groups}
              ignoredCount={proof.ignored.length}
              onJump={proof.jump}
              onFix={proof.fix}
              onIgnore={proof.ignore}
              onShowIgnored={() => setShowIgnored((v) => !v)}
              context={proof.context}
            />
            {showIgnored && <IgnoredList keys={proof.ignored} onRestore={(k) => proof.setIgnored(k, false)} />}
          </div>
        )}
      </div>
    </section>
  );
});
