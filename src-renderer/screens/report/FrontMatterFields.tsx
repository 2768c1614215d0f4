/**
 * The report's front and back matter: title (line breaks where the clerk wants them, or automatic),
 * 主送机关, 落款 (single or joint, with or without a seal, date in Chinese order) and 附件.
 * Edits: useFrontMatter; the attachments: AttachmentsEditor.
 */
import { Input, Switch, Tooltip, Typography } from 'antd';
import type { Report } from '../../../src-shared/domain/report';
import type { Unit } from '../../../src-shared/domain/unit';
import { signatureNameOf } from '../../../src-shared/domain/unitNames';
import { LIMITS } from '../../../src-shared/domain/limits';
import { reportCalendar } from '../../../src-shared/dates';
import { ChineseDateInput } from '../../components/ChineseDateInput';
import { AttachmentsEditor } from './AttachmentsEditor';
import { titleHint, useFrontMatter } from './useFrontMatter';
import { LimitedInput } from '../../components/LimitedInput';

export { titleHint } from './useFrontMatter';

export function FrontMatterFields({ report, unit, onChange, year }: { report: Report; unit: Unit | null; onChange: (patch: Partial<Report>) => void; year?: number }) {
  const f = useFrontMatter(report, onChange);
  const { sig, setSignature } = f;
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
        <LimitedInput
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
          <Switch size="small" checked={sig.enabled} onChange={(enabled) => setSignature({ enabled })} aria-label="落款" />
        </label>
        <Input
          disabled={!sig.enabled}
          value={sig.name}
          onChange={(e) => setSignature({ name: e.target.value })}
          placeholder={unit ? `留空则为“${signatureNameOf(unit)}”` : '落款单位'}
          aria-label="落款单位"
          style={{ width: 240 }}
        />
        <ChineseDateInput
          disabled={!sig.enabled}
          value={sig.date}
          onChange={(date) => setSignature({ date })}
          title="留空则为导出当天"
          placeholder="留空则为导出当天"
          aria-label="落款日期"
          {...(year !== undefined ? { year: reportCalendar(year).writtenIn } : {})}
        />
      </div>
      <div className="fz-field-row">
        <Tooltip title="联合行文：两个单位并排落款（GB/T 9704 7.3.5.2），如“中共××镇委员会”">
          <Input
            disabled={!sig.enabled}
            value={sig.jointName ?? ''}
            onChange={(e) => setSignature({ jointName: e.target.value })}
            placeholder="联合落款单位（可选）"
            aria-label="联合落款单位"
            style={{ width: 240 }}
          />
        </Tooltip>
        <Tooltip title="加盖印章：落款上方空两行留出印章位置，印章压在单位名称和日期上；不盖章：单位名称右空二字">
          <label className="fz-field">
            <span>加盖印章</span>
            <Switch size="small" disabled={!sig.enabled} checked={sig.sealed !== false} onChange={(sealed) => setSignature({ sealed })} aria-label="加盖印章" />
          </label>
        </Tooltip>
      </div>
      <AttachmentsEditor f={f} />
      <Typography.Text type="secondary" className="fz-front-hint">
        导语写在下面，排在标题、主送机关之后，第一个标题之前。
      </Typography.Text>
    </div>
  );
}
