/**
 * The preview of an import, before anything is written: the report as detected — levels,
 * run-in marks, content items and the text of every part — with the corrections a detection may
 * need (level up/down, split at a paragraph, merge into the text before, run-in on/off, content
 * item), the half-width marks with one choice to convert, the figures that could fill indicators
 * (taken only if ticked), and the year and unit read from the title. State and actions:
 * usePreviewEditor; the side column: PreviewSide; one part: PartBlock.
 */
import { Alert, Button, Input, Space, Typography } from 'antd';
import { UndoOutlined } from '@ant-design/icons';
import type { ImportPreview } from '../../../src-shared/import/types';
import { canIndent, canMerge, canOutdent } from '../../../src-shared/report/outline';
import { LIMITS } from '../../../src-shared/domain/limits';
import { PartBlock } from './PartBlock';
import { PreviewSide } from './PreviewSide';
import { usePreviewEditor, type PreviewEditorProps, type PreviewEditorState } from './usePreviewEditor';
import { LimitedInput } from '../../components/LimitedInput';

export type { CommitRequest } from './usePreviewEditor';

const FORMAT_LABEL: Record<ImportPreview['format'], string> = { docx: 'Word（.docx）', doc: 'Word 97–2003（.doc）', txt: '纯文本（.txt）' };

export function PreviewEditor(props: PreviewEditorProps) {
  const { preview } = props;
  const s = usePreviewEditor(props);
  const { report, rows } = s;
  const levelOne = rows.filter((r) => r.level === 1).length;

  return (
    <div className="fz-imp" data-testid="import-preview">
      <div className="fz-imp-summary" role="status">
        识别出 <b>{rows.length}</b> 个标题（一级 {levelOne} 个）· {preview.counts.paragraphs} 段 · {preview.counts.characters} 字 ·{' '}
        {FORMAT_LABEL[preview.format]}
        {preview.encoding && `（${preview.encoding === 'gb18030' ? 'GB18030 编码' : 'UTF-8 编码'}）`}
        {preview.styled && ' · 按文档的标题样式识别'}
        <span className="muted"> · 以下内容尚未保存，可先调整再导入</span>
      </div>
      {preview.warnings.map((w) => (
        <Alert key={w} type="warning" showIcon title={w} className="fz-imp-alert" />
      ))}
      <div className="fz-imp-body">
        <section className="fz-imp-doc" aria-label="识别结果">
          <div className="fz-imp-front">
            <label className="fz-imp-field">
              <span>标题</span>
              <LimitedInput value={report.title} onChange={(e) => s.setTitle(e.target.value)} maxLength={LIMITS.reportTitle} aria-label="报告标题" />
            </label>
            {report.recipient && <div className="fz-imp-recipient">主送：{report.recipient}</div>}
            {report.preamble.map((t, i) => (
              <p key={i} className="fz-imp-para fz-imp-preamble">
                {t}
              </p>
            ))}
          </div>
          {rows.map(({ part, level, number }) => (
            <PartBlock
              key={part.id}
              part={part}
              level={level}
              number={number}
              canUp={canOutdent(report.parts, part.id)}
              canDown={canIndent(report.parts, part.id)}
              canMergeUp={canMerge(report.parts, part.id)}
              onOp={s.onPartOp}
            />
          ))}
          {report.signature.enabled && (report.signature.name || report.signature.date) && (
            <div className="fz-imp-signature">
              落款：{report.signature.name} {report.signature.date}
            </div>
          )}
        </section>
        <PreviewSide preview={preview} s={s} />
      </div>
      <PreviewFooter {...props} s={s} />
    </div>
  );
}

function PreviewFooter({ busy, onCancel, onCompare, s }: PreviewEditorProps & { s: PreviewEditorState }) {
  const { year, existing } = s;
  const replacing = existing.hasReport && year !== null;
  return (
    <footer className="fz-imp-footer">
      {s.problem && (
        <Typography.Text type="danger" role="alert">
          {s.problem}
        </Typography.Text>
      )}
      {replacing && (
        <Typography.Text type="warning" className="fz-imp-exists">
          {year}年度已有报告：可替换为导入的内容，或与现有报告逐段对比后选择采纳。
        </Typography.Text>
      )}
      <span className="fz-imp-spacer" />
      <Button onClick={s.undoLast} disabled={busy || !s.canUndo} icon={<UndoOutlined />}>
        撤销调整
      </Button>
      <Button onClick={onCancel} disabled={busy}>
        取消
      </Button>
      {replacing ? (
        <Space>
          <Button onClick={() => onCompare(year)} disabled={busy}>
            对比…
          </Button>
          <Button type="primary" danger loading={busy} onClick={s.commitReplace}>
            替换
          </Button>
        </Space>
      ) : (
        // a year that does not read is refused at its field: 导入 waits for it
        <Button type="primary" loading={busy} disabled={year === null} onClick={s.commitNew}>
          导入
        </Button>
      )}
    </footer>
  );
}
