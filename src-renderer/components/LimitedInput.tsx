/**
 * A one-line text field with a length bound that says so. The browser's `maxLength` drops the keys
 * typed into a full box, and cuts a paste, without a sign: the field still shows what is saved, but
 * the clerk does not know that the end of a pasted 抄送 list or a long 活动名称 never went in
 * (issue 17: nothing typed is dropped without a word). This field keeps the bound (the stored
 * limits in `domain/limits.ts` stay the one rule) and says it: the count appears as the text nears
 * the bound, and a key or paste that did not fit is named at the field until the next edit that fits.
 *
 * The count sits in antd's `showCount` slot, which is always set: antd rebuilds the input's DOM
 * when a suffix comes or goes, and the clerk would lose the cursor mid-word.
 */
import { Input, type InputProps, type InputRef } from 'antd';
import { useState, type Ref } from 'react';

/** How near the bound the count starts to show: the last tenth, at least 5 characters. */
const nearFrom = (max: number) => max - Math.max(5, Math.ceil(max / 10));

/** Characters of `incoming` that do not fit into `el` at its selection. */
function overflow(el: HTMLInputElement, incoming: string, max: number): number {
  const selected = Math.abs((el.selectionEnd ?? 0) - (el.selectionStart ?? 0));
  // UTF-16 units, as the browser's maxLength counts them
  return Math.max(0, incoming.replace(/\r?\n/g, '').length - (max - el.value.length + selected));
}

export type LimitedInputProps = Omit<InputProps, 'maxLength' | 'showCount' | 'count'> & { maxLength: number; ref?: Ref<InputRef> };

export function LimitedInput({ ref, maxLength, onBeforeInput, onPaste, status, value, ...props }: LimitedInputProps) {
  const [lastCut, setCut] = useState(0);
  const length = typeof value === 'string' ? value.length : 0;
  // the sign stays until the text no longer fills the field (edited, saved and cleared, or reset)
  const cut = length >= maxLength ? lastCut : 0;
  return (
    <Input
      {...props}
      ref={ref}
      value={value}
      maxLength={maxLength}
      status={cut ? 'warning' : status}
      aria-description={cut ? `最多${maxLength}字，${cut}字未能输入` : undefined}
      showCount={{
        formatter: ({ count }) =>
          cut ? (
            <span className="fz-limit-cut" role="status">
              已满{maxLength}字，{cut}字未能输入
            </span>
          ) : Math.max(count, length) >= nearFrom(maxLength) ? (
            `${count}/${maxLength}`
          ) : (
            ''
          ),
      }}
      onBeforeInput={(e) => {
        onBeforeInput?.(e);
        // React's beforeinput carries the typed text; a paste may come here too, the paste handler has it in every browser
        const data = (e.nativeEvent as InputEvent).data;
        if (data && !e.defaultPrevented) setCut(overflow(e.currentTarget, data, maxLength));
      }}
      onPaste={(e) => {
        onPaste?.(e);
        // a field that takes the paste itself (a column of 附件 names becomes one per line) has its own say
        setCut(e.defaultPrevented ? 0 : overflow(e.currentTarget, e.clipboardData.getData('text'), maxLength));
      }}
    />
  );
}
