/**
 * The first-run guide on the overview and the guide dialog (⋮ → 使用说明).
 * State: useGuide; what it says: GuideBody.
 */
import { Alert, Button, Modal, Space } from 'antd';
import { Panel } from '../../components/Panel';
import { useApp } from '../../state/app';
import { GuideBody } from './GuideBody';
import { openGuide, useFirstRunGuide, useGuideDialog } from './useGuide';

export { guideDismissed, openGuide } from './useGuide';

/**
 * The first-run guide: shown on the overview until dismissed (kept dismissed in this browser/app),
 * and any time from ⋮ → 使用说明. Inline rather than a dialog, so it never stands in the clerk's way.
 */
export function FirstRunGuide() {
  const app = useApp();
  const { hidden, dismiss } = useFirstRunGuide();
  if (hidden) return null;
  return (
    <Panel
      title="使用说明（第一次使用请先看这里）"
      data-testid="first-run-guide"
      style={{ marginBottom: 16 }}
      extra={
        <Space size={4}>
          <Button size="small" type="link" onClick={openGuide}>
            字体的核对方法
          </Button>
          <Button size="small" onClick={dismiss}>
            知道了，不再显示
          </Button>
        </Space>
      }
    >
      <GuideBody compact onGo={(s) => app.go(s)} />
      <Alert type="info" showIcon style={{ marginTop: 8 }} title="以后可从右上角“⋮ → 使用说明”再次打开。" />
    </Panel>
  );
}

/** The guide as a dialog, opened by openGuide() (the ⋮ menu). */
export function GuideDialog() {
  const app = useApp();
  const { open, close } = useGuideDialog();
  return (
    <Modal open={open} title="使用说明" width={640} footer={<Button type="primary" onClick={close}>知道了</Button>} onCancel={close} destroyOnHidden>
      <GuideBody
        onGo={(s) => {
          close();
          app.go(s);
        }}
      />
    </Modal>
  );
}
