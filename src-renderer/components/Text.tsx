/**
 * Text in antd Typography's colours and spacing, for the first screen (概览 and its first-run
 * guide): antd's Typography carries ellipsis measuring, editing and copying (about 16 KB of the
 * first screen's JS budget, bench/ui.ts) where only colours are used. Styles: `.fz-text` in styles.css.
 */
import { useEffect, useState, type CSSProperties, type ReactNode } from 'react';
import { CheckOutlined, CopyOutlined } from '@ant-design/icons';

type Tone = 'secondary' | 'success' | 'warning' | 'danger';

const cls = (base: string, type?: Tone, strong?: boolean) => [base, type && `fz-text-${type}`, strong && 'fz-text-strong'].filter(Boolean).join(' ');

/** Typography.Text */
export function Txt({ type, strong, children }: { type?: Tone | undefined; strong?: boolean; children: ReactNode }) {
  return <span className={cls('fz-text', type, strong)}>{children}</span>;
}

/** Typography.Paragraph */
export function Para({ type, style, children }: { type?: Tone; style?: CSSProperties; children: ReactNode }) {
  return (
    <div className={cls('fz-text fz-para', type)} style={style}>
      {children}
    </div>
  );
}

/** Typography.Title level 5 */
export function H5({ style, children }: { style?: CSSProperties; children: ReactNode }) {
  return (
    <h5 className="fz-text fz-h5" style={style}>
      {children}
    </h5>
  );
}

/** Typography.Text code copyable: the text as code, and a button that copies it. */
export function CopyableCode({ text, copyable, ...rest }: { text: string; copyable: boolean; 'data-testid'?: string }) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const t = setTimeout(() => setCopied(false), 3000);
    return () => clearTimeout(t);
  }, [copied]);
  const copy = () =>
    void navigator.clipboard?.writeText(text).then(
      () => setCopied(true),
      () => undefined,
    );
  return (
    <span className="fz-text" data-testid={rest['data-testid']}>
      <code className="fz-code">{text}</code>
      {copyable && (
        <button type="button" className="fz-copy" aria-label={copied ? '复制成功' : '复制'} title={copied ? '复制成功' : '复制'} onClick={copy}>
          {copied ? <CheckOutlined /> : <CopyOutlined />}
        </button>
      )}
    </span>
  );
}
