/**
 * 报送件 / 公开件 on the 导出 screen: which file to make, the 报送件's 版头 and 版记 fields, and a
 * preview of its first and last pages as they print (GB/T 9704-2012 §7.2, §7.4).
 */
import { useEffect, type ChangeEvent, type ReactNode } from 'react';
import { App as AntApp, Button, Col, Form, Input, Radio, Row, Select, Space, Switch, Typography } from 'antd';
import { EDITION_LABELS, ISSUANCE_LIMITS, URGENCIES, type Edition } from '../../../src-shared/domain/issuanceVocabulary';
import { ChineseDateInput } from '../../components/ChineseDateInput';
import { LimitedInput } from '../../components/LimitedInput';
import { errorText } from '../../components/errors';
import { IssuancePreview } from './IssuancePreview';
import type { RenderedReport } from '../../../src-shared/domain/rendered';
import type { FontPreset } from '../../../src-shared/domain/vocabulary';
import type { IssuanceState } from './useIssuance';
import type { Finding } from '../../../src-shared/proofread/finding';
import { issuanceFixPatch } from '../../../src-shared/proofread';
import { FINDING_FIELD, ISSUANCE_FIELDS as L, type IssuanceField } from './issuanceForm';

/** '' = the body alone, as every export before editions: the clerk's choice, never forced. */
export type EditionChoice = Edition | '';

export function EditionPicker({ value, onChange }: { value: EditionChoice; onChange: (e: EditionChoice) => void }) {
  return (
    <Radio.Group
      aria-label="文件版本"
      value={value}
      onChange={(e) => onChange(e.target.value as EditionChoice)}
      options={[
        { value: '', label: '正文（不含版头、版记）' },
        { value: 'submit', label: `${EDITION_LABELS.submit}（红头：版头、签发人、版记，报送上级）` },
        { value: 'public', label: `${EDITION_LABELS.public}（政府网站公开：不含版头、签发人、版记、附注）` },
      ]}
      orientation="vertical"
    />
  );
}

/**
 * `findings`: the proofreader's findings of the year; those about the 报送件 are shown under their
 * field, with the fix one click away where there is one.
 */
export function IssuanceFields({
  s,
  year,
  findings,
  body,
  fontPreset,
}: {
  s: IssuanceState;
  year: number;
  findings: readonly Finding[];
  /** the report's text as it prints, for the preview */
  body: RenderedReport | undefined;
  fontPreset: FontPreset;
}) {
  const v = s.value;
  const { message } = AntApp.useApp();
  // the date field goes with these fields (another edition chosen): so does what it held
  const { setDateProblem } = s;
  useEffect(() => () => setDateProblem(null), [setDateProblem]);
  // what was typed stays in the field; the clerk sees why it was not saved and may try again
  const fail = (err: unknown) => void message.error(`报送件设置未能保存：${errorText(err)}`, 6);
  /**
   * What is said under one field: the service's refusal of what it shows, else the proofreader's
   * word on it (as last saved: a field is saved when the cursor leaves it), with the fix one click
   * away where there is one; else `otherwise`.
   */
  const check = (key: IssuanceField, otherwise: ReactNode = undefined) => {
    const refused = s.refused[key];
    if (refused)
      return {
        validateStatus: 'error' as const,
        help: (
          <span role="alert" data-testid={`issuance-refused-${key}`}>
            {refused}
          </span>
        ),
        extra: otherwise,
      };
    const f = findings.find((x) => x.field === 'issuance' && FINDING_FIELD[x.code] === key);
    if (!f) return { extra: otherwise };
    const patch = issuanceFixPatch(f);
    return {
      validateStatus: f.severity === '错误' ? ('error' as const) : ('warning' as const),
      help: (
        <span data-testid={`issuance-check-${f.code}`}>
          {f.message}
          {patch && f.fix && (
            <Button size="small" type="link" onClick={() => void s.commit(patch).catch(fail)}>
              {f.fix.label}
            </Button>
          )}
        </span>
      ),
      extra: otherwise,
    };
  };
  const save = () => void s.save().catch(fail);
  const text = (key: 'docNumber' | 'cc' | 'printer' | 'contact' | 'copyNumber', max: number | undefined, placeholder?: string) => {
    const props = {
      'aria-label': L[key],
      'aria-invalid': s.refused[key] ? true : undefined,
      value: v[key],
      placeholder,
      onChange: (e: ChangeEvent<HTMLInputElement>) => s.change({ [key]: e.target.value }),
      onBlur: save,
      onPressEnter: save,
    };
    return max === undefined ? <Input {...props} /> : <LimitedInput {...props} maxLength={max} />;
  };
  return (
    <Row gutter={16} ref={s.root}>
      <Col span={13}>
        <Form layout="horizontal" labelCol={{ flex: '84px' }} colon={false} size="small">
          <Form.Item label={L.docNumber} {...check('docNumber', s.suggestedNumber ? `上次之后的下一个：${s.suggestedNumber}` : '如：横街府〔2025〕3号（年份用六角括号，序号不加“第”和“0”）')}>
            <Space.Compact style={{ width: '100%' }}>
              {text('docNumber', ISSUANCE_LIMITS.docNumber, s.suggestedNumber || '横街府〔2025〕3号')}
              {s.suggestedNumber && v.docNumber !== s.suggestedNumber && (
                <Button
                  onClick={() => void s.commit({ docNumber: s.suggestedNumber }).catch(fail)}
                >
                  填入建议
                </Button>
              )}
            </Space.Compact>
          </Form.Item>
          <Form.Item label={L.upward}>
            <Space>
              <Switch aria-label={L.upward} checked={v.upward} onChange={(upward) => void s.commit({ upward }).catch(fail)} />
              <Typography.Text type="secondary">报送上级的公文标注签发人</Typography.Text>
            </Space>
          </Form.Item>
          {v.upward && (
            <Form.Item label={L.signers} {...check('signers')}>
              <Select
                aria-label={L.signers}
                mode="tags"
                value={v.signers}
                open={false}
                tokenSeparators={['、', '，', ',', ' ']}
                placeholder="输入姓名后回车，可填多人"
                onChange={(signers: string[]) => void s.commit({ signers: signers.map((x) => x.trim()).filter(Boolean).slice(0, ISSUANCE_LIMITS.signers) }).catch(fail)}
              />
            </Form.Item>
          )}
          <Form.Item label={L.joint} extra={s.jointIssuer ? undefined : '在“单位设置”的“报送件”中填写联合发文机关后可选'}>
            <Space>
              <Switch aria-label={L.joint} disabled={!s.jointIssuer} checked={v.joint && !!s.jointIssuer} onChange={(joint) => void s.commit({ joint }).catch(fail)} />
              {s.jointIssuer && <Typography.Text type="secondary">与“{s.jointIssuer}”联合发文</Typography.Text>}
            </Space>
          </Form.Item>
          <Form.Item
            label={L.cc}
            {...check(
              'cc',
              s.habits.cc && v.cc !== s.habits.cc ? <a onClick={() => void s.commit({ cc: s.habits.cc }).catch(fail)}>沿用上次：{s.habits.cc}</a> : '多个机关用顿号或逗号隔开，最后加句号',
            )}
          >
            {text('cc', ISSUANCE_LIMITS.cc, s.habits.cc || '如：县委依法治县办，县司法局。')}
          </Form.Item>
          <Form.Item label={L.printer} {...check('printer')}>{text('printer', ISSUANCE_LIMITS.printer, s.habits.printer || '留空为单位全称，如：横街镇党政办公室')}</Form.Item>
          <Form.Item label={L.printDate} {...check('printDate')}>
            <Space>
              <ChineseDateInput
                aria-label={L.printDate}
                value={v.printDate}
                year={year + 1}
                onChange={(printDate) => void s.commit({ printDate }).catch(fail)}
                onProblem={s.setDateProblem}
              />
              <Typography.Text type="secondary">留空为导出当天</Typography.Text>
            </Space>
          </Form.Item>
          <Form.Item label={L.contact} {...check('contact')}>{text('contact', ISSUANCE_LIMITS.contact, '联系人：张明，电话：0571-12345678')}</Form.Item>
          <Form.Item label={L.copyNumber} {...check('copyNumber')}>
            {/* no maxLength: keys typed into a full 6-digit box were dropped without a sign; the service says why 7 digits are refused */}
            <span style={{ display: 'inline-block', width: 160 }}>{text('copyNumber', undefined, '如 000012')}</span>
          </Form.Item>
          <Form.Item label={L.urgency} {...check('urgency')}>
            <Select
              aria-label={L.urgency}
              style={{ width: 110 }}
              value={v.urgency}
              onChange={(urgency) => void s.commit({ urgency }).catch(fail)}
              options={[{ value: '', label: '不标注' }, ...URGENCIES.map((u) => ({ value: u, label: u }))]}
            />
          </Form.Item>
        </Form>
      </Col>
      <Col span={11}>
        <IssuancePreview iss={s.rendered} body={body} fontPreset={fontPreset} />
      </Col>
    </Row>
  );
}
