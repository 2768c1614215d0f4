import { Alert, Checkbox, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { LEDGER_CATEGORIES } from '../../../src-shared/catalog/ledgerCategories';
import { INDICATOR_MEASURES } from '../../../src-shared/domain/vocabulary';
import { SOURCE_LABELS } from '../../../src-shared/domain/wording';
import { CUSTOM_INDICATOR_SOURCES } from '../../../src-shared/domain/customIndicators';
import { DRAFT_FIELDS, type CustomDraft } from './customIndicator';
import { LIMITS } from '../../../src-shared/domain/limits';
import { useCustomIndicatorDialog, type CustomIndicatorDialogProps } from './useCustomIndicatorDialog';
import { LimitedInput } from '../../components/LimitedInput';

const SOURCE_HINTS: Record<CustomDraft['type'], string> = {
  manual: '每年由您填写数值',
  ledgerCount: '所选类别的台账条数',
  ledgerSum: '所选类别台账的参与人数或发放资料数之和',
  ledgerVillages: '所选类别台账涉及的不同村（社区）个数',
  rate: '分子指标 ÷ 分母指标 × 100%',
};

const CATEGORY_OPTIONS = LEDGER_CATEGORIES.map((c) => ({ value: c.id, label: c.name }));

/** 新增自定义指标: name, measure and how the figure comes about. The service judges what is sent. */
export function CustomIndicatorDialog(props: CustomIndicatorDialogProps) {
  const { open, onCancel } = props;
  const { draft, general, saving, nameRef, indicatorOptions, change, submit, item, needsCategories } = useCustomIndicatorDialog(props);

  return (
    <Modal
      title="新增自定义指标"
      open={open}
      width={720}
      // the ledger choices make it tall: start higher than antd's 100px so 添加 stays on a laptop screen
      style={{ top: 48 }}
      okText="添加"
      onOk={() => void submit()}
      confirmLoading={saving}
      onCancel={onCancel}
      afterOpenChange={(visible) => visible && nameRef.current?.focus()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        本单位特有的工作也可以作为指标，放在“自定义”分组里，和内置指标一样可在报告中引用。
      </Typography.Paragraph>
      {general && <Alert type="error" showIcon title={general} style={{ marginBottom: 16 }} />}
      <Form layout="vertical" component="div" requiredMark={false}>
        <Form.Item label={DRAFT_FIELDS.name} htmlFor="custom-ind-name" {...item('name')}>
          <LimitedInput
            id="custom-ind-name"
            ref={nameRef}
            value={draft.name}
            maxLength={LIMITS.indicatorName}
            placeholder="如：“法律明白人”入户走访"
            onChange={(e) => change('name', e.target.value)}
            onPressEnter={() => void submit()}
          />
        </Form.Item>
        <Form.Item label={DRAFT_FIELDS.measure} {...item('measure')}>
          <Radio.Group
            aria-label={DRAFT_FIELDS.measure}
            optionType="button"
            value={draft.measure}
            onChange={(e) => change('measure', e.target.value)}
            options={INDICATOR_MEASURES.map((u) => ({ value: u, label: u }))}
          />
        </Form.Item>
        <Form.Item label={DRAFT_FIELDS.type} {...item('type')}>
          <Radio.Group
            aria-label={DRAFT_FIELDS.type}
            vertical
            value={draft.type}
            onChange={(e) => {
              change('type', e.target.value);
              // a rate is nearly always a percentage: spare the clerk a click, still changeable
              if (e.target.value === 'rate' && !draft.measure) change('measure', '%');
            }}
            options={CUSTOM_INDICATOR_SOURCES.map((t) => ({
              value: t,
              label: (
                <span>
                  {SOURCE_LABELS[t]}
                  <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                    {SOURCE_HINTS[t]}
                  </Typography.Text>
                </span>
              ),
            }))}
          />
        </Form.Item>
        {needsCategories && (
          <Form.Item label={DRAFT_FIELDS.categories} {...item('categories')}>
            <Checkbox.Group
              aria-label={DRAFT_FIELDS.categories}
              value={draft.categories}
              onChange={(v) => change('categories', v)}
              options={CATEGORY_OPTIONS}
              style={{ display: 'grid', gridTemplateColumns: 'repeat(4, minmax(0, 1fr))', rowGap: 6 }}
            />
          </Form.Item>
        )}
        {draft.type === 'ledgerSum' && (
          <Form.Item label={DRAFT_FIELDS.field} {...item('field')}>
            <Radio.Group
              aria-label={DRAFT_FIELDS.field}
              value={draft.field}
              onChange={(e) => change('field', e.target.value)}
              options={[
                { value: 'participants', label: '参与人数' },
                { value: 'materials', label: '发放资料数' },
              ]}
            />
          </Form.Item>
        )}
        {draft.type === 'rate' && (
          <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto minmax(0, 1fr)', columnGap: 8, alignItems: 'start' }}>
            <Form.Item label={DRAFT_FIELDS.numerator} {...item('numerator')}>
              <Select
                aria-label={DRAFT_FIELDS.numerator}
                placeholder="选择指标"
                value={draft.numerator}
                onChange={(v: string) => change('numerator', v)}
                options={indicatorOptions}
                showSearch={{ optionFilterProp: 'label' }}
                popupMatchSelectWidth={false}
              />
            </Form.Item>
            <span style={{ paddingTop: 34, color: '#8a94a6' }}>÷</span>
            <Form.Item label={DRAFT_FIELDS.denominator} {...item('denominator')}>
              <Select
                aria-label={DRAFT_FIELDS.denominator}
                placeholder="选择指标"
                value={draft.denominator}
                onChange={(v: string) => change('denominator', v)}
                options={indicatorOptions}
                showSearch={{ optionFilterProp: 'label' }}
                popupMatchSelectWidth={false}
              />
            </Form.Item>
          </div>
        )}
      </Form>
    </Modal>
  );
}
