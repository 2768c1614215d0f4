/** The frame pieces shared by the import starter and the (lazily loaded) import dialog. */
import { Button, Result, Spin } from 'antd';

export function Busy({ text }: { text: string }) {
  return (
    // inline styles: shown before the dialog's stylesheet has arrived
    <div role="status" style={{ display: 'flex', alignItems: 'center', gap: 12, padding: '16px 4px' }}>
      <Spin />
      <span>{text}</span>
    </div>
  );
}

/** A file that cannot be imported: why, in Chinese, and nothing was written. */
export function ImportRefused({ message, onClose }: { message: string; onClose: () => void }) {
  return (
    <div>
      <Result status="warning" title="无法导入这个文件" subTitle={<span role="alert">{message}</span>} extra={<span className="muted">数据没有任何改动。</span>} />
      <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
        <Button type="primary" onClick={onClose}>
          知道了
        </Button>
      </div>
    </div>
  );
}

/** What the dialog frame shows around the current step. */
export interface DialogChrome {
  title: string;
  wide: boolean;
  /** the × and Esc close it (not while something is being saved) */
  closable: boolean;
}
