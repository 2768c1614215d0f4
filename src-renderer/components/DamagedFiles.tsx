import { useState } from 'react';
import { Alert, App as AntApp, Button, Space, Typography } from 'antd';
import type { DamagedFile } from '../../src-shared/contract';
import { useMethodMutation } from '../api/queries';
import { errorText } from './errors';
import { restoreFromFile } from '../screens/backup/backupActions';

/**
 * Files the app cannot read (no usable automatic backup), each with where it is and the two ways
 * on: restore from a backup file, or start that part afresh keeping the damaged copy. Shown above
 * the screens (a damaged year) or alone (a damaged unit.json); everything else stays usable.
 */
export function DamagedFiles({ files, onChanged }: { files: DamagedFile[]; onChanged: () => void }) {
  const { message, modal } = AntApp.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const { mutateAsync: startAfresh } = useMethodMutation('data.startEmpty');
  if (!files.length) return null;

  const startEmpty = (f: DamagedFile) =>
    modal.confirm({
      title: f.year === null ? '重新填写单位信息？' : `以空白的${f.year}年度重新开始？`,
      content: `损坏的文件会改名保留在数据文件夹中（不会删除），${f.year === null ? '然后重新填写单位信息' : `然后新建一个空白的${f.year}年度`}。`,
      okText: '重新开始',
      cancelText: '取消',
      onOk: async () => {
        setBusy(f.fileName);
        try {
          const r = await startAfresh({ year: f.year });
          message.success(`已重新开始；损坏的文件保留为：${r.keptAs}`, 8);
          onChanged();
        } catch (err) {
          modal.error({ title: '无法重新开始', content: errorText(err), okText: '知道了' });
        } finally {
          setBusy(null);
        }
      },
    });

  return (
    <div data-testid="damaged-files" style={{ marginBottom: 16 }}>
      {files.map((f) => (
        <Alert
          key={f.fileName}
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          title={f.year === null ? '单位信息文件已损坏，无法读取' : `${f.year}年度的数据文件已损坏，无法读取`}
          description={
            <>
              <div>{f.message}</div>
              <div>
                文件位置：<Typography.Text code copyable>{f.path}</Typography.Text>
              </div>
              <Space style={{ marginTop: 8 }}>
                <Button type="primary" onClick={() => void restoreFromFile(message, modal)}>
                  从备份文件恢复…
                </Button>
                <Button loading={busy === f.fileName} onClick={() => startEmpty(f)}>
                  {f.year === null ? '重新填写单位信息（保留损坏的文件）' : `以空白的${f.year}年度重新开始（保留损坏的文件）`}
                </Button>
              </Space>
            </>
          }
        />
      ))}
    </div>
  );
}
