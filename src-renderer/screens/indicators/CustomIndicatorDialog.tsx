import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Checkbox, Form, Input, Modal, Radio, Select, Typography, type InputRef } from 'antd';
import { LEDGER_CATEGORIES } from '../../../src-shared/catalog/ledgerCategories';
import type { IndicatorDef } from '../../../src-shared/domain/indicatorSchema';
import { INDICATOR_AREAS, INDICATOR_UNITS } from '../../../src-shared/domain/vocabulary';
import { SOURCE_LABELS } from '../../../src-shared/domain/wording';
import type { IndicatorRow } from '../../../src-shared/contract';
import { CUSTOM_SOURCE_TYPES, EMPTY_DRAFT, draftToDef, fieldErrors, newCustomId, type CustomDraft, type DraftField } from './customIndicator';
import { LIMITS } from '../../../src-shared/domain/limits';

const SOURCE_HINTS: Record<CustomDraft['type'], string> = {
  manual: '每年由您填写数值',
  ledgerCount: '所选类别的台账条数',
  ledgerSum: '所选类别台账的参与人数或发放资料数之和',
  ledgerVillages: '所选类别台账涉及的不同村（社区）个数',
  rate: '分子指标 ÷ 分母指标 × 100%',
};

const CATEGORY_OPTIONS = LEDGER_CATEGORIES.map((c) => ({ value: c.id, label: c.name }));

interface Props {
  open: boolean;
  /** every indicator on screen: candidates for a rate, and ids already taken */
  rows: IndicatorRow[];
  /** persists; throws the service's refusal */
  define: (def: ReturnType<typeof draftToDef>) => Promise<IndicatorDef>;
  onDone: (def: IndicatorDef) => void;
  onCancel: () => void;
}

/** 新增自定义指标: name, unit and how the figure comes about. The service judges what is sent. */
export function CustomIndicatorDialog({ open, rows, define, onDone, onCancel }: Props) {
  const [draft, setDraft] = useState<CustomDraft>(EMPTY_DRAFT);
  const [errors, setErrors] = useState<Partial<Record<DraftField, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const nameRef = useRef<InputRef>(null);

  useEffect(() => {
    if (open) {
      setDraft(EMPTY_DRAFT);
      setErrors({});
      setGeneral(null);
    }
  }, [open]);

  const indicatorOptions = useMemo(
    () =>
      INDICATOR_AREAS.map((area) => ({
        label: area,
        title: area,
        options: rows.filter((r) => r.def.area === area).map((r) => ({ value: r.def.id, label: `${r.def.name}（${r.def.unit}）` })),
      })).filter((g) => g.options.length),
    [rows],
  );

  const change = <K extends keyof CustomDraft>(key: K, value: CustomDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
    setGeneral(null);
  };

  const submit = async () => {
    setSaving(true);
    try {
      const def = await define(draftToDef(draft, newCustomId(new Set(rows.map((r) => r.def.id)))));
      onDone(def);
    } catch (err) {
      const routed = fieldErrors(err);
      setErrors(routed.fields);
      setGeneral(routed.general);
    } finally {
      setSaving(false);
    }
  };

  const item = (key: DraftField) => ({
    validateStatus: errors[key] ? ('error' as const) : undefined,
    help: errors[key],
  });
  const needsCategories = draft.type === 'ledgerCount' || draft.type === 'ledgerSum' || draft.type === 'ledgerVillages';

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
        <Form.Item label="指标名称" htmlFor="custom-ind-name" {...item('name')}>
          <Input
            id="custom-ind-name"
            ref={nameRef}
            value={draft.name}
            maxLength={LIMITS.indicatorName}
            placeholder="如：“法律明白人”入户走访"
            onChange={(e) => change('name', e.target.value)}
            onPressEnter={() => void submit()}
          />
        </Form.Item>
        <Form.Item label="计量单位" {...item('unit')}>
          <Radio.Group
            aria-label="计量单位"
            optionType="button"
            value={draft.unit}
            onChange={(e) => change('unit', e.target.value)}
            options={INDICATOR_UNITS.map((u) => ({ value: u, label: u }))}
          />
        </Form.Item>
        <Form.Item label="数值来源" {...item('type')}>
          <Radio.Group
            aria-label="数值来源"
            vertical
            value={draft.type}
            onChange={(e) => {
              change('type', e.target.value);
              // a rate is nearly always a percentage: spare the clerk a click, still changeable
              if (e.target.value === 'rate' && !draft.unit) change('unit', '%');
            }}
            options={CUSTOM_SOURCE_TYPES.map((t) => ({
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
          <Form.Item label="台账类别" {...item('categories')}>
            <Checkbox.Group
              aria-label="台账类别"
              value={draft.categories}
              onChange={(v) => change('categories', v)}
              options={CATEGORY_OPTIONS}
              style={{ display: 'grid', gridTemplateColumns: 'repeat(4, minmax(0, 1fr))', rowGap: 6 }}
            />
          </Form.Item>
        )}
        {draft.type === 'ledgerSum' && (
          <Form.Item label="合计项" {...item('field')}>
            <Radio.Group
              aria-label="合计项"
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
            <Form.Item label="分子指标" {...item('numerator')}>
              <Select
                aria-label="分子指标"
                placeholder="选择指标"
                value={draft.numerator}
                onChange={(v: string) => change('numerator', v)}
                options={indicatorOptions}
                showSearch={{ optionFilterProp: 'label' }}
                popupMatchSelectWidth={false}
              />
            </Form.Item>
            <span style={{ paddingTop: 34, color: '#8a94a6' }}>÷</span>
            <Form.Item label="分母指标" {...item('denominator')}>
              <Select
                aria-label="分母指标"
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
