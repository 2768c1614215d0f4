/** Steps 2 and 3 of 从Excel导入: the values the app does not know, the rows checked (step 1: SheetColumnsStep). */
import { Alert, Button, Checkbox, Select, Space, Table, Tag, Typography } from 'antd';
import { TARGETS_BY_KIND, type SheetKind, type SheetPreview, type SheetRow, type UnknownValue } from '../../../src-shared/sheet/targets';
import type { SheetImportState } from './useSheetImport';

const FIELD_LABEL: Record<UnknownValue['field'], string> = { category: '类别', village: '村（社区）', kind: '纠纷类型', outcome: '调解结果' };
const STATUS: Record<SheetRow['status'], { color: string; label: string }> = {
  ok: { color: 'green', label: '可导入' },
  problem: { color: 'red', label: '有问题' },
  duplicate: { color: 'orange', label: '重复' },
};

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

/** The rows the commit will write, each field as it will be stored (the date as read, names not codes). */
function ChosenRows({ kind, preview, s }: { kind: SheetKind; preview: SheetPreview; s: SheetImportState }) {
  if (!s.chosen.length) return null;
  const mapped = new Set(preview.columns.map((c) => c.target));
  const fields = TARGETS_BY_KIND[kind].filter((t) => mapped.has(t.target));
  return (
    <div data-testid="sheet-chosen">
      <Typography.Text strong style={{ display: 'block', marginTop: 12 }}>
        将导入的{kind === 'ledger' ? '记录' : '案件'}（按本软件读取的结果，导入后即为这样）
      </Typography.Text>
      <Table<SheetRow>
        size="small"
        rowKey="row"
        style={{ marginTop: 4 }}
        aria-label="将导入的记录"
        dataSource={s.chosen}
        pagination={s.chosen.length > 8 ? { pageSize: 8, showSizeChanger: false } : false}
        columns={[
          { key: 'row', title: '行', width: 64, render: (_, r) => `第${r.row}行` },
          ...fields.map((f) => ({
            key: f.target,
            title: f.label,
            ellipsis: f.target === 'note' || f.target === 'title',
            render: (_: unknown, r: SheetRow) => s.storedOf(r)[f.target] ?? '',
          })),
        ]}
      />
    </div>
  );
}

/** 逐行检查结果: the counts, the notes, the rows as they will be stored and the rows that will not be imported as they are */
export function RowsStep({ kind, preview, s }: { kind: SheetKind; preview: SheetPreview; s: SheetImportState }) {
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
      <ChosenRows kind={kind} preview={preview} s={s} />
    </>
  );
}
