/**
 * Ctrl+Z in a text box (an input, or the report's body editor) undoes typing there; elsewhere a
 * screen may give it its own meaning (take back a deletion, an outline move).
 */
export function typingTarget(t: EventTarget | null): boolean {
  return t instanceof Element && t.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !== null;
}
