/**
 * The text box of every date field (活动台账, 调解案件, 落款). A date is replaced far more often than
 * edited, so a click into a filled date field selects what it shows, as Tab does, and the next
 * keys replace it; a second click places the caret to edit. There is no maxLength: the browser
 * drops the keys typed into a full box without a sign, and a clerk who typed "8-8" into
 * "2024-06-01" saw the old date kept and saved (issue 17). Too much text is refused by the
 * date check instead, with a message at the field.
 */
import { Input, type InputProps, type InputRef } from 'antd';
import type { MouseEvent, Ref } from 'react';

/**
 * The first mouse press into a field selects its text; a later one places the caret. "First"
 * counts from when the field got the cursor, also when the app put it there (after a save the
 * cursor is back in 日期 by itself; the clerk who then clicks into it means to replace the date).
 */
function selectAllOnFirstClick(e: MouseEvent<HTMLInputElement>) {
  const el = e.currentTarget;
  const fresh = document.activeElement !== el || el.dataset.fzFresh === '1';
  if (!fresh || el.disabled || !el.value) return void delete el.dataset.fzFresh;
  e.preventDefault();
  el.focus();
  el.select();
  delete el.dataset.fzFresh;
}

export function DateTextInput({ ref, onMouseDown, onFocus, onKeyDown, ...props }: Omit<InputProps, 'maxLength'> & { ref?: Ref<InputRef> }) {
  return (
    <Input
      autoComplete="off"
      {...props}
      ref={ref}
      onFocus={(e) => {
        e.currentTarget.dataset.fzFresh = '1';
        onFocus?.(e);
      }}
      onKeyDown={(e) => {
        delete e.currentTarget.dataset.fzFresh;
        onKeyDown?.(e);
      }}
      onMouseDown={(e) => {
        selectAllOnFirstClick(e);
        onMouseDown?.(e);
      }}
    />
  );
}
