/** The three steps of 从Excel导入 as shown: the column mapping, the unknown values, the rows checked. */
import { Alert, Button, Checkbox, Select, Space, Table, Tag, Typography } from 'antd';
import { TARGETS_BY_KIND, targetLabel, type SheetColumn, type SheetKind, type SheetPreview, type SheetRow, type SheetTarget, type UnknownValue } from '../../../src-shared/sheet/targets';
import type { SheetImportState } from './useSheetImport';

const NOT_IMPORTED = '__none__';

const FIELD_LABEL: Record<UnknownValue['field'], string> = { category: '类别', village: '村（社区）', kind: '纠纷类型', outcome: '调解结果' };
const STATUS: Record<SheetRow['status'], { color: string; label: string }> = {
  ok: { color: 'green', label: '可导入' },
  problem: { color: 'red', label: '有问题' },
  duplicate: { color: 'orange', label: '重复' },
};

interface StepProps {
  kind: SheetKind;
  preview: SheetPreview;
  s: SheetImportState;
}

/** 1. 核对列的对应关系 */
export function ColumnsStep({ kind, preview, s }: StepProps) {
  const targetOptions = [
    { value: NOT_IMPORTED, label: '不导入' },
    ...TARGETS_BY_KIND[kind].map((t) => ({ value: t.target, label: `${t.label}${t.required ? '（必填）' : ''}` })),
  ];
  return (
    <>
      <Typography.Title level={5}>1. 核对列的对应关系</Typography.Title>
      <Table<SheetColumn>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={preview.columns}
        aria-label="列的对应关系"
        columns={[
          { key: 'letter', title: '列', width: 48, render: (_, c) => c.letter },
          {
            key: 'key',
            title: '表头',
            width: 200,
            render: (_, c) => (
              <span>
                {c.key}
                {c.personal && (
                  <Tag color="purple" style={{ marginLeft: 6 }}>
                    个人信息
                  </Tag>
                )}
              </span>
            ),
          },
          { key: 'samples', title: '示例', render: (_, c) => <Typography.Text type="secondary">{c.personal ? '（个人信息，不显示）' : c.samples.join('；')}</Typography.Text> },
          {
            key: 'target',
            title: '导入为',
            width: 180,
            render: (_, c) => (
              <Select
                aria-label={`“${c.key}”导入为`}
                style={{ width: 170 }}
                value={c.target ?? NOT_IMPORTED}
                options={targetOptions}
                onChange={(v: string) => s.setColumn(c.key, v === NOT_IMPORTED ? null : (v as SheetTarget))}
              />
            ),
          },
        ]}
      />
      {preview.missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          title={`请为“${preview.missing.map((t) => targetLabel(kind, t)).join('”“')}”选择对应的列，否则无法导入`}
        />
      )}
      {preview.leftOut.length > 0 && (
        <Typography.Paragraph style={{ marginTop: 8 }} data-testid="sheet-left-out">
          不导入的列：{preview.leftOut.join('、')}
          {s.personalLeftOut.length > 0 && `（其中${s.personalLeftOut.join('、')}是个人信息，不会保存到本软件）`}
        </Typography.Paragraph>
      )}
    </>
  );
}

/** 2. 表格中有本软件不认识的内容 (only when there is some) */
export function ValuesStep({ s }: { s: SheetImportState }) {
  if (!s.valueItems.length) return null;
  return (
    <>
      <Typography.Title level={5}>2. 表格中有本软件不认识的内容</Typography.Title>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {s.valueItems.map((u) => (
          <Space key={`${u.field}-${u.text}`} wrap>
            <span>
              {FIELD_LABEL[u.field]}“<b>{u.text}</b>”{u.count !== null ? `（${u.count} 行）` : ''}对应到
            </span>
            <Select
              aria-label={`${FIELD_LABEL[u.field]}“${u.text}”对应到`}
              placeholder={`选择${FIELD_LABEL[u.field]}`}
              value={u.chosen}
              style={{ width: 180 }}
              showSearch={{ optionFilterProp: 'label' }}
              options={s.choicesFor(u.field)}
              onChange={(v: string) => s.setValue(u.field, u.text, v)}
            />
            {u.field === 'village' && !u.chosen && (
              <Button size="small" onClick={() => void s.addVillage(u.text)}>
                添加为新村（社区）
              </Button>
            )}
          </Space>
        ))}
      </Space>
    </>
  );
}

/** 逐行检查结果: the counts, the notes and the rows that will not be imported as they are */
export function RowsStep({ preview, s }: Omit<StepProps, 'kind'>) {
  const { problemRows } = s;
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {s.valueItems.length ? '3' : '2'}. 逐行检查结果
      </Typography.Title>
      <Space wrap style={{ marginBottom: 8 }} data-testid="sheet-counts">
        <Tag color="green">可导入 {preview.counts.ok}</Tag>
        <Tag color="red">有问题 {preview.counts.problem}</Tag>
        <Tag color="orange">与已有记录重复 {preview.counts.duplicate}</Tag>
        {preview.counts.blank > 0 && <Tag>空行 {preview.counts.blank}</Tag>}
        {preview.counts.duplicate > 0 && (
          <Checkbox checked={s.withDuplicates} onChange={(e) => s.setWithDuplicates(e.target.checked)}>
            重复的行也导入
          </Checkbox>
        )}
      </Space>
      {preview.notes.map((n) => (
        <div key={n}>
          <Typography.Text type="secondary">{n}</Typography.Text>
        </div>
      ))}
      {problemRows.length > 0 ? (
        <Table<SheetRow>
          size="small"
          rowKey="row"
          style={{ marginTop: 8 }}
          aria-label="有问题的行"
          dataSource={problemRows}
          pagination={problemRows.length > 8 ? { pageSize: 8, showSizeChanger: false } : false}
          columns={[
            { key: 'row', title: '行', width: 56, render: (_, r) => `第${r.row}行` },
            { key: 'status', title: '', width: 72, render: (_, r) => <Tag color={STATUS[r.status].color}>{STATUS[r.status].label}</Tag> },
            {
              key: 'cells',
              title: '内容',
              width: 300,
              render: (_, r) => <Typography.Text type="secondary">{Object.values(r.cells).join(' · ').slice(0, 80)}</Typography.Text>,
            },
            { key: 'problems', title: '原因', render: (_, r) => r.problems.join('；') },
          ]}
        />
      ) : (
        <Alert type="success" showIcon style={{ marginTop: 8 }} title={`全部 ${preview.counts.ok} 行都可以导入`} />
      )}
    </>
  );
}
