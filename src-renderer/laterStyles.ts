/**
 * The second part of antd's stylesheet: the components of the screens and dialogs after the first
 * (tables, forms, inputs…), built as a file of its own (vite.config.ts) so the first screen neither
 * downloads nor parses it. It is loaded once the first screen is up (`loadLaterStylesWhenIdle`), and
 * every other screen's or dialog's chunk waits for it (`withLaterStyles`), so nothing is ever shown
 * without its styles. A page without the file (a dev server, the renderer tests) has all of antd's
 * styles in the first part: both are then no-ops.
 */

let loading: Promise<void> | undefined;

export function loadLaterStyles(): Promise<void> {
  if (loading) return loading;
  const href = typeof document === 'undefined' ? null : document.querySelector<HTMLMetaElement>('meta[name="fazhi-antd-later"]')?.content;
  if (!href) return (loading = Promise.resolve());
  loading = new Promise<void>((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    // a file that cannot be read must not keep a screen from opening: it shows, less well styled
    link.onload = link.onerror = () => resolve();
    // before the page's first stylesheet (the entry's: antd's first part, then the app's own): the
    // app's rules stay after all of antd's, as with one antd stylesheet
    document.head.insertBefore(link, document.head.querySelector('link[rel="stylesheet"]'));
  });
  return loading;
}

/** A lazy chunk's import that resolves once the later styles are in the page too. */
export function withLaterStyles<T>(chunk: Promise<T>): Promise<T> {
  return Promise.all([chunk, loadLaterStyles()]).then(([m]) => m);
}

/** After the first screen has drawn: when the page is idle (or in 200 ms where there is no idle callback). */
export function loadLaterStylesWhenIdle(): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => void loadLaterStyles(), { timeout: 1000 });
  else setTimeout(() => void loadLaterStyles(), 200);
}
