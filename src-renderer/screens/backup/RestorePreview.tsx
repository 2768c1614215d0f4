import { Alert, Table } from 'antd';
import type { BackupPreview, YearSummary } from '../../../src-shared/contract';
import { chineseDateTime } from '../../../src-shared/dates';

interface PreviewRow extends Partial<YearSummary> {
  key: string;
  side: string;
  unitName: string;
}

/** One row per year on each side, so the clerk compares what goes with what comes, count by count. */
function previewRows(preview: BackupPreview): PreviewRow[] {
  const side = (label: string, unitName: string, years: YearSummary[]): PreviewRow[] =>
    years.length
      ? [...years].sort((a, b) => a.year - b.year).map((y) => ({ key: `${label}-${y.year}`, side: label, unitName, ...y }))
      : [{ key: `${label}-none`, side: label, unitName }];
  return [
    ...side('当前数据（将被替换）', preview.current.unitName ?? '无单位信息', preview.current.years),
    ...side('备份中的数据（恢复后）', preview.unitName, preview.years),
  ];
}

const count = (n: number | undefined) => (n === undefined ? '—' : n);

export function RestorePreview({ fileName, preview }: { fileName: string; preview: BackupPreview }) {
  const kept = new Set(preview.years.map((y) => y.year));
  const dropped = preview.current.years.filter((y) => !kept.has(y.year)).map((y) => `${y.year}年`);
  return (
    <div data-testid="restore-preview">
      <p>
        备份文件：{fileName}
        <br />
        备份时间：<span data-testid="backup-time">{chineseDateTime(preview.createdAt)}</span>
      </p>
      <Table<PreviewRow>
        size="small"
        pagination={false}
        dataSource={previewRows(preview)}
        aria-label="恢复前后对比"
        columns={[
          { key: 'side', title: '', dataIndex: 'side', width: 176, onCell: () => ({ style: { whiteSpace: 'nowrap' } }) },
          { key: 'unit', title: '单位', dataIndex: 'unitName' },
          { key: 'year', title: '年度', render: (_, r) => (r.year ? `${r.year}年` : '无年度数据'), width: 96 },
          { key: 'ledger', title: '活动台账', render: (_, r) => count(r.ledgerCount), width: 80, align: 'right' },
          { key: 'mediation', title: '调解案件', render: (_, r) => count(r.mediationCount), width: 80, align: 'right' },
          { key: 'parts', title: '报告章节', render: (_, r) => count(r.partCount), width: 80, align: 'right' },
          { key: 'exports', title: '导出记录', render: (_, r) => count(r.exportCount), width: 80, align: 'right' },
        ]}
      />
      {dropped.length > 0 && (
        <p style={{ marginTop: 8 }}>备份中没有{dropped.join('、')}的数据：恢复后这些年度将不再显示（原文件移入数据文件夹的 backups 文件夹保存）。</p>
      )}
      <Alert
        style={{ marginTop: 8 }}
        type="info"
        showIcon
        title="恢复前，当前数据会先自动备份到数据文件夹的 backups 文件夹中，需要时可以找回。"
      />
    </div>
  );
}
