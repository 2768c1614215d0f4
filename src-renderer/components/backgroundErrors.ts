/**
 * Failures of work that outlives the screen that started it (the report's last save, sent as the
 * editor closes): that screen can no longer show them, so the frame does. A module-level handler
 * rather than React context because the sender is already unmounted when the failure arrives.
 */
type Show = (text: string) => void;

let show: Show | null = null;

/** The frame registers how to show such failures; returns the unregister. */
export function setBackgroundErrorHandler(fn: Show): () => void {
  show = fn;
  return () => {
    if (show === fn) show = null;
  };
}

export function showBackgroundError(text: string): void {
  // no frame (a test rendering one screen): the console still keeps it from vanishing
  if (show) show(text);
  else console.error(text);
}
