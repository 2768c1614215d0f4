import { useState } from 'react';
import { Alert, Button, Card, Modal, Table } from 'antd';
import type { ExportRecordFull as ExportRecord } from '../../../src-shared/domain/year';
import type { Finding } from '../../../src-shared/proofread/finding';
import { chineseDateTime } from '../../../src-shared/dates';
import { Preview } from '../report/Preview';
import { excerptNote } from '../../components/findingExcerpt';

/** 导出记录: every export of the year, each with what was printed then. */
export function ExportHistory({ records, loading, error }: { records: ExportRecord[]; loading: boolean; error: string | null }) {
  const [viewing, setViewing] = useState<ExportRecord | null>(null);
  return (
    <Card size="small" title="导出记录" style={{ marginTop: 16 }}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      <Table<ExportRecord>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={records}
        pagination={records.length > 10 ? { pageSize: 10 } : false}
        locale={{ emptyText: '尚未导出过' }}
        columns={[
          { key: 'at', title: '导出时间', width: 180, render: (_, r) => chineseDateTime(r.at) },
          // a draft's file name says （征求意见稿）
          { key: 'file', title: '文件名', render: (_, r) => r.fileName },
          {
            key: 'open',
            title: '导出时未处理',
            width: 130,
            render: (_, r) => (r.openFindings.errors || r.openFindings.reminders ? `错误${r.openFindings.errors} · 提醒${r.openFindings.reminders}` : '无'),
          },
          { key: 'font', title: '字体方案', width: 120, render: (_, r) => (r.fontPreset === 'windows' ? 'Windows 自带' : '标准') },
          {
            key: 'view',
            title: '',
            width: 110,
            render: (_, r) => (
              <Button size="small" onClick={() => setViewing(r)}>
                查看当时内容
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={viewing !== null}
        title={viewing ? `${chineseDateTime(viewing.at)} 导出的内容` : ''}
        width={860}
        footer={<Button onClick={() => setViewing(null)}>关闭</Button>}
        onCancel={() => setViewing(null)}
        styles={{ body: { maxHeight: '70vh', overflow: 'auto', background: '#f3f5f8', padding: 12 } }}
      >
        {/* what was printed: numbering and figures as they were at export, nothing missing by then */}
        {viewing && <Preview result={{ rendered: viewing.snapshot, missing: [] }} selectedId={null} testId="snapshot" />}
      </Modal>
    </Card>
  );
}

export function FindingList({ findings, max, nameOf }: { findings: readonly Finding[]; max: number; nameOf: (id: string) => string | undefined }) {
  return (
    <ul className="fz-export-findings" style={{ margin: '4px 0', paddingLeft: 18 }}>
      {findings.slice(0, max).map((f, i) => (
        <li key={i}>
          {f.where ? `${f.where}：` : ''}
          {f.message}
          {excerptNote(f, nameOf)}
        </li>
      ))}
      {findings.length > max && <li>另有{findings.length - max}处</li>}
    </ul>
  );
}
