/**
 * The report's front and back matter: title (line breaks where the clerk wants them, or automatic),
 * 主送机关, 落款 (single or joint, with or without a seal, date in Chinese order) and 附件.
 */
import { Button, Input, Switch, Tooltip, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Attachment, Report } from '../../../src-shared/domain/report';
import type { Unit } from '../../../src-shared/domain/unit';
import { signatureNameOf } from '../../../src-shared/domain/unitNames';
import { newId } from '../../../src-shared/ids';
import { manualTitleLines, titleLines, titleWidth, TITLE_LINE_UNITS } from '../../../src-shared/report/titleLines';
import { ChineseDateInput } from '../../components/ChineseDateInput';
import { PartTables } from './PartTables';
import { LIMITS } from '../../../src-shared/domain/limits';

/** What the title field says about the lines the title will print on. */
export function titleHint(title: string): string {
  const typed = manualTitleLines(title);
  const lines = titleLines(title);
  if (typed.length > 1) {
    const long = typed.findIndex((l) => titleWidth(l) > TITLE_LINE_UNITS);
    return long >= 0
      ? `第${long + 1}行超过一行的宽度，将在“${lines.join(' / ')}”处分行。`
      : `按输入的换行分为${typed.length}行。`;
  }
  if (lines.length > 1) return `标题较长，将自动分为${lines.length}行：${lines.join(' / ')}。要在别处分行，在标题中按回车。`;
  return '标题较长时可按回车分行；不分行时自动在词语之间分行。';
}

export function FrontMatterFields({
  report,
  unit,
  onChange,
  year,
}: {
  report: Report;
  unit: Unit | null;
  onChange: (patch: Partial<Report>) => void;
  year?: number;
}) {
  const sig = report.signature;
  const attachments = report.attachments ?? [];
  const setAttachments = (next: Attachment[]) => onChange({ attachments: next });
  const patchAttachment = (id: string, patch: Partial<Attachment>) =>
    setAttachments(attachments.map((a) => (a.id === id ? { ...a, ...patch } : a)));
  return (
    <div className="fz-part-fields">
      <label className="fz-field-block">
        <span>报告标题</span>
        <Input.TextArea
          value={report.title}
          onChange={(e) => onChange({ title: e.target.value })}
          maxLength={LIMITS.reportTitle}
          autoSize={{ minRows: 1, maxRows: 5 }}
          aria-label="报告标题"
          className="fz-title-input"
        />
      </label>
      <Typography.Text type="secondary" className="fz-front-hint" data-testid="title-hint">
        {titleHint(report.title)}
      </Typography.Text>
      <label className="fz-field-block">
        <span>主送机关</span>
        <Input
          value={report.recipient}
          onChange={(e) => onChange({ recipient: e.target.value })}
          maxLength={LIMITS.recipient}
          placeholder={unit?.recipient ? `留空则用单位设置中的“${unit.recipient}”` : '留空则不写主送机关'}
          aria-label="主送机关"
        />
      </label>
      <div className="fz-field-row">
        <label className="fz-field">
          <span>落款</span>
          <Switch size="small" checked={sig.enabled} onChange={(enabled) => onChange({ signature: { ...sig, enabled } })} aria-label="落款" />
        </label>
        <Input
          disabled={!sig.enabled}
          value={sig.name}
          onChange={(e) => onChange({ signature: { ...sig, name: e.target.value } })}
          placeholder={unit ? `留空则为“${signatureNameOf(unit)}”` : '落款单位'}
          aria-label="落款单位"
          style={{ width: 240 }}
        />
        <ChineseDateInput
          disabled={!sig.enabled}
          value={sig.date}
          onChange={(date) => onChange({ signature: { ...sig, date } })}
          title="留空则为导出当天"
          placeholder="留空则为导出当天"
          aria-label="落款日期"
          {...(year !== undefined ? { year: year + 1 } : {})}
        />
      </div>
      <div className="fz-field-row">
        <Tooltip title="联合行文：两个单位并排落款（GB/T 9704 7.3.5.2），如“中共××镇委员会”">
          <Input
            disabled={!sig.enabled}
            value={sig.jointName ?? ''}
            onChange={(e) => onChange({ signature: { ...sig, jointName: e.target.value } })}
            placeholder="联合落款单位（可选）"
            aria-label="联合落款单位"
            style={{ width: 240 }}
          />
        </Tooltip>
        <Tooltip title="加盖印章：落款上方空两行留出印章位置，印章压在单位名称和日期上；不盖章：单位名称右空二字">
          <label className="fz-field">
            <span>加盖印章</span>
            <Switch
              size="small"
              disabled={!sig.enabled}
              checked={sig.sealed !== false}
              onChange={(sealed) => onChange({ signature: { ...sig, sealed } })}
              aria-label="加盖印章"
            />
          </label>
        </Tooltip>
      </div>
      <div className="fz-attachments" aria-label="附件">
        <div className="fz-field-row">
          <span>附件</span>
          <Button
            size="small"
            icon={<PlusOutlined />}
            disabled={attachments.length >= 20}
            onClick={() => setAttachments([...attachments, { id: newId('a'), title: '', paragraphs: [] }])}
          >
            添加附件
          </Button>
          <Typography.Text type="secondary">正文后列出“附件：1. …”，每个附件另起一页。</Typography.Text>
        </div>
        {attachments.map((a, i) => (
          <div key={a.id} className="fz-attachment" data-attachment={a.id}>
            <div className="fz-field-row">
              <span>附件{attachments.length > 1 ? i + 1 : ''}</span>
              <Input
                value={a.title}
                onChange={(e) => patchAttachment(a.id, { title: e.target.value })}
                placeholder="附件名称（必填）"
                maxLength={LIMITS.attachmentTitle}
                status={a.title.trim() ? undefined : 'warning'}
                aria-label={`附件${i + 1}名称`}
                style={{ flex: 1 }}
              />
              <Tooltip title="删除这个附件">
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={`删除附件${i + 1}`}
                  onClick={() => setAttachments(attachments.filter((x) => x.id !== a.id))}
                />
              </Tooltip>
            </div>
            <Input.TextArea
              value={a.paragraphs.join('\n')}
              onChange={(e) => patchAttachment(a.id, { paragraphs: e.target.value.split('\n') })}
              autoSize={{ minRows: 2, maxRows: 8 }}
              placeholder="附件正文，每段一行"
              aria-label={`附件${i + 1}正文`}
            />
            <PartTables
              tables={a.tables ?? []}
              paragraphCount={a.paragraphs.length}
              onChange={(tables) => patchAttachment(a.id, { tables })}
              label={`附件${i + 1}表格`}
            />
          </div>
        ))}
      </div>
      <Typography.Text type="secondary" className="fz-front-hint">
        导语写在下面，排在标题、主送机关之后，第一个标题之前。
      </Typography.Text>
    </div>
  );
}
