/**
 * The report as it will print, in official-document style: 小标宋-like centred title, 黑体
 * level-1 headings, 楷体 level-2 headings, 仿宋 body with a 2em first-line indent. Figures that
 * are still missing are highlighted so the clerk sees them before exporting.
 * Behaviour: usePreview; the pieces: PreviewParts, PreviewBackMatter.
 */
import { Fragment, memo } from 'react';
import type { OmittedPart, RenderResult } from '../../../src-shared/report/printedReport';
import { recipientLine } from '../../../src-shared/report/recipient';
import { Block, Title, withMissing } from './PreviewParts';
import { AttachmentNote, AttachmentPages, Signature } from './PreviewBackMatter';
import { usePreview } from './usePreview';
import './preview.css';

function Omitted({ list }: { list: OmittedPart[] }) {
  return list.map((o) => (
    <p key={o.partId} className={`fz-doc-p fz-doc-omitted fz-doc-h${Math.min(o.level, 4)}`} data-part-id={o.partId} data-omitted="true">
      {o.heading || '（无标题）'}
      <span className="fz-doc-omitted-note">{o.required ? '（必备内容，还没有正文，导出时不印标题）' : '（没有正文，导出时略去）'}</span>
    </p>
  ));
}

export const Preview = memo(function Preview({ result, selectedId, testId }: { result: RenderResult; selectedId: string | null; testId?: string }) {
  const { rendered } = result;
  const { root, omittedAt, missingCount } = usePreview(result, selectedId);
  const attachments = rendered.attachments ?? [];
  return (
    <div className="fz-doc-scroll" ref={root} data-testid={testId}>
      {missingCount > 0 && (
        <div className="fz-doc-warning" role="status">
          有 {missingCount} 项指标尚未填报（黄色标出），导出定稿前需补齐；征求意见稿可以先导出。
        </div>
      )}

      <article className="fz-doc" aria-label="报告预览">
        <Title title={rendered.title} />
        {rendered.recipient && <p className="fz-doc-recipient">{recipientLine(rendered.recipient)}</p>}
        {rendered.preamble.map((t, i) => (
          <p key={i} className="fz-doc-p">
            {withMissing(t)}
          </p>
        ))}
        <Omitted list={omittedAt(null)} />
        {rendered.blocks.map((b) => (
          <Fragment key={b.partId}>
            <Block b={b} selected={b.partId === selectedId} />
            <Omitted list={omittedAt(b.partId)} />
          </Fragment>
        ))}
        {attachments.length > 0 && <AttachmentNote list={attachments} />}
        {rendered.signature && <Signature sig={rendered.signature} />}
      </article>
      {attachments.length > 0 && <AttachmentPages list={attachments} />}
    </div>
  );
});
