/** Step 1 of 从Excel导入: which column feeds which field (one column per field, personal data never proposed). */
import { Alert, Select, Table, Tag, Typography } from 'antd';
import { TARGETS_BY_KIND, targetLabel, type SheetColumn, type SheetKind, type SheetPreview, type SheetTarget } from '../../../src-shared/sheet/targets';
import type { SheetImportState } from './useSheetImport';

const NOT_IMPORTED = '__none__';

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
