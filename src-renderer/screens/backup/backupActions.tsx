import type { MessageInstance } from 'antd/es/message/interface';
import type { HookAPI } from 'antd/es/modal/useModal';
import { call } from '../../api/client';
import { openFile, saveFile } from '../../api/platform';
import { errorText } from '../../components/errors';
import type { YearSummary } from '../../../src-shared/contract';

function yearsText(years: YearSummary[]): string {
  return years.length ? years.map((y) => `${y.year}年（台账${y.ledgerCount}条）`).join('、') : '无';
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

export async function restoreFromFile(message: MessageInstance, modal: HookAPI): Promise<void> {
  try {
    const file = await openFile('法治年报备份', ['json']);
    if (!file) return;
    const preview = await call('backup.inspect', { data: file.data });
    modal.confirm({
      title: '从备份恢复数据？',
      content: (
        <div>
          <p>
            备份时间：{preview.createdAt}，单位：{preview.unitName}
          </p>
          <p>备份中的年度：{yearsText(preview.years)}</p>
          <p>
            当前数据（将被替换）：{preview.current.unitName ?? '无单位'}，{yearsText(preview.current.years)}
          </p>
        </div>
      ),
      okText: '恢复',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await call('backup.restore', { data: file.data });
          message.success('已从备份恢复');
          window.location.reload();
        } catch (err) {
          message.error(errorText(err));
        }
      },
    });
  } catch (err) {
    message.error(errorText(err));
  }
}

export async function showAbout(modal: HookAPI): Promise<void> {
  let detail = '';
  try {
    const info = await call('app.info', {});
    detail = `版本 ${info.version}，数据文件夹：${info.dataDir}`;
  } catch (err) {
    detail = errorText(err);
  }
  modal.info({
    title: '关于法治年报',
    content: (
      <div>
        <p>乡镇（街道）法治政府建设年度报告编制工具，全部数据保存在本机。</p>
        <p className="muted">{detail}</p>
      </div>
    ),
    okText: '知道了',
  });
}
