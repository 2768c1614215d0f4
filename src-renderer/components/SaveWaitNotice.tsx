/**
 * A bar above every screen while a save waits for a file another program holds (or for another
 * 法治年报 saving): the clerk reads that it is waiting, not broken, and that nothing is lost.
 * It goes away by itself when the save goes through.
 */
import { Alert, Spin } from 'antd';
import { useSaveWait } from '../api/saveWait';

export function SaveWaitNotice() {
  const wait = useSaveWait();
  if (!wait) return null;
  return (
    <Alert
      role="status"
      data-testid="save-wait"
      type="warning"
      showIcon
      icon={<Spin size="small" />}
      banner
      message={wait.message}
      description="保存尚未完成，请不要关闭程序；文件释放后会自动保存。若长时间没有完成，请关闭正在打开该文件的程序（如 WPS、杀毒软件）。"
    />
  );
}
