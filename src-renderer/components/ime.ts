/**
 * A Chinese input method types pinyin into the field before the clerk picks the characters; Enter
 * then confirms the pick. Nothing may be saved from that state: an Enter while composing is kept
 * from every form (indicators, ledger, mediation, unit, outline), and a debounced autosave waits.
 * Tracked from the composition events themselves, not only `isComposing`, so every browser (and a
 * test dispatching compositionstart/compositionend) is covered the same way.
 */
let active = false;
let installed = false;

export function composing(): boolean {
  return active;
}

export function installImeGuard(doc: Document = document): void {
  if (installed) return;
  installed = true;
  doc.addEventListener('compositionstart', () => (active = true), true);
  doc.addEventListener('compositionend', () => (active = false), true);
  // focus leaving the page mid-composition must not leave the flag set for good
  window.addEventListener('blur', () => (active = false));
  doc.addEventListener(
    'keydown',
    (e) => {
      if (e.key !== 'Enter') return;
      const ime = e.isComposing || e.keyCode === 229;
      if (!active && !ime) return;
      // the input method's own Enter (ime) is not a form submission; one seen only through the
      // composition events would be, so it is cancelled too
      if (!ime) e.preventDefault();
      e.stopImmediatePropagation();
    },
    true,
  );
}
