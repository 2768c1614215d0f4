/**
 * A titled panel that looks like antd's small Card, for the first screen (概览 and its first-run
 * guide): antd's Card brings its Tabs (for tabbed cards) with it, about 12 KB of the first
 * screen's JS budget (bench/ui.ts) for nothing shown there. Styles: `.fz-panel` in styles.css.
 */
import type { CSSProperties, ReactNode } from 'react';

export function Panel({ title, extra, style, children, ...rest }: { title: ReactNode; extra?: ReactNode; style?: CSSProperties; children: ReactNode; 'data-testid'?: string }) {
  return (
    <div className="fz-panel" style={style} data-testid={rest['data-testid']}>
      <div className="fz-panel-head">
        <div className="fz-panel-title">{title}</div>
        {extra && <div className="fz-panel-extra">{extra}</div>}
      </div>
      <div className="fz-panel-body">{children}</div>
    </div>
  );
}
