import type { MessageInstance } from 'antd/es/message/interface';
import type { HookAPI } from 'antd/es/modal/useModal';
/**
 * 备份 / 从备份恢复 / 关于, reached from the menu (not hooks: plain functions the frame calls, loaded
 * on demand). They change data with `runMutation`, the TanStack mutation every change is, which
 * invalidates what the change dirtied (api/queries.ts): a restore marks every cached read stale,
 * and the years it shows are read afresh.
 */
import { Button, Typography } from 'antd';
import { FolderOpenOutlined } from '@ant-design/icons';
import { refetchMethod, runMutation } from '../../api/queries';
import { canShowInFolder, openFile, reloadApp, saveFile, showInFolder } from '../../api/platform';
import { errorText } from '../../components/errors';
import { chineseDateTime } from '../../../src-shared/dates';
import { RestorePreview } from './RestorePreview';

export async function backupNow(message: MessageInstance): Promise<void> {
  try {
    const file = await runMutation('backup.create', {});
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
    const file = await openFile('法治年报备份', ['json'], 'backup');
    if (!file) return;
    const preview = await runMutation('backup.inspect', { data: file.data });
    modal.confirm({
      title: '从备份恢复数据？',
      width: 860,
      content: <RestorePreview fileName={file.fileName} preview={preview} />,
      okText: '恢复',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await runMutation('backup.restore', { data: file.data });
          // the screen behind still shows what was there before: the dialog says what is there now
          const now = await refetchMethod('years.list', {}).catch(() => preview.years);
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
            afterClose: () => reloadApp(),
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
    const info = await refetchMethod('app.info', {});
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
