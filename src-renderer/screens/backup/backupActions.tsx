import type { MessageInstance } from 'antd/es/message/interface';
import type { HookAPI } from 'antd/es/modal/useModal';
import { Alert, Button, Table, Typography } from 'antd';
import { FolderOpenOutlined } from '@ant-design/icons';
import { call } from '../../api/client';
import { canShowInFolder, openFile, saveFile, showInFolder } from '../../api/platform';
import { errorText } from '../../components/errors';
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

function RestorePreview({ fileName, preview }: { fileName: string; preview: BackupPreview }) {
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

export async function backupNow(message: MessageInstance): Promise<void> {
  try {
    const file = await call('backup.create', {});
    const saved = await saveFile(file.fileName, file.data);
    if (saved) message.success(`备份已保存：${saved.path}`);
  } catch (err) {
    message.error(errorText(err));
  }
}

/** A refused backup stays on screen until dismissed: the clerk must read why before picking another file. */
function refuse(modal: HookAPI, err: unknown) {
  modal.error({ title: '无法从备份恢复', content: errorText(err), okText: '知道了' });
}

export async function restoreFromFile(message: MessageInstance, modal: HookAPI): Promise<void> {
  try {
    const file = await openFile('法治年报备份', ['json']);
    if (!file) return;
    const preview = await call('backup.inspect', { data: file.data });
    modal.confirm({
      title: '从备份恢复数据？',
      width: 860,
      content: <RestorePreview fileName={file.fileName} preview={preview} />,
      okText: '恢复',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await call('backup.restore', { data: file.data });
          // the screen behind still shows what was there before: the dialog says what is there now
          const now = await call('years.list', {}).catch(() => preview.years);
          // every screen holds data read before the restore: start afresh once the clerk has read this
          modal.success({
            title: '已从备份恢复',
            content: (
              <div>
                <p>数据已恢复到备份时（{chineseDateTime(preview.createdAt)}）的状态；恢复前的数据已备份在数据文件夹的 backups 文件夹中。</p>
                <ul data-testid="restored-counts" style={{ paddingLeft: 18, margin: 0 }}>
                  {[...now].sort((a, b) => a.year - b.year).map((y) => (
                    <li key={y.year}>
                      {y.year}年：活动台账 {y.ledgerCount} 条，调解案件 {y.mediationCount} 起，报告 {y.partCount} 个部分
                    </li>
                  ))}
                </ul>
                <p className="muted" style={{ marginTop: 8 }}>关闭后界面重新载入，显示恢复后的数据。</p>
              </div>
            ),
            okText: '知道了',
            afterClose: () => window.location.reload(),
          });
        } catch (err) {
          refuse(modal, err);
        }
      },
    });
  } catch (err) {
    refuse(modal, err);
  }
}

async function revealDataDir(modal: HookAPI, dataDir: string): Promise<void> {
  try {
    await showInFolder(dataDir);
  } catch (err) {
    modal.error({ title: '无法打开数据文件夹', content: errorText(err), okText: '知道了' });
  }
}

export async function showAbout(modal: HookAPI): Promise<void> {
  let body;
  try {
    const info = await call('app.info', {});
    body = (
      <>
        <p>版本 {info.version}</p>
        <div>数据文件夹（全部数据都在这里）：</div>
        <Typography.Paragraph code copyable={{ text: info.dataDir, tooltips: ['复制路径', '已复制'] }} data-testid="data-dir">
          {info.dataDir}
        </Typography.Paragraph>
        {canShowInFolder ? (
          <Button icon={<FolderOpenOutlined />} onClick={() => void revealDataDir(modal, info.dataDir)}>
            打开数据文件夹
          </Button>
        ) : (
          <p className="muted">浏览器无法直接打开文件夹：可复制上面的路径，粘贴到文件管理器的地址栏中打开。</p>
        )}
      </>
    );
  } catch (err) {
    body = <p className="muted">{errorText(err)}</p>;
  }
  modal.info({
    title: '关于法治年报',
    width: 560,
    content: (
      <div>
        <p>乡镇（街道）法治政府建设年度报告编制工具，全部数据保存在本机。</p>
        {body}
      </div>
    ),
    okText: '知道了',
  });
}
