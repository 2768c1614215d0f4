/**
 * 附件: listed after the body as “附件：1. …”, each printed on a page of its own. The names are
 * typed as a list is in Word or Excel: 添加附件 puts the cursor in the new name; Enter in a name
 * goes to the next one, or starts a new one after the last; a column of names pasted from Word or
 * Excel becomes one attachment per line (an <input> would run them together). A name shows what
 * is saved: on leaving it, it is folded and trimmed by the rule the report schema keeps (lineValue).
 */
import { useEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { Button, Input, Tooltip, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { LIMITS } from '../../../src-shared/domain/limits';
import { lineValue } from '../../../src-shared/domain/textRules';
import { PartTables } from './PartTables';
import type { FrontMatterState } from './useFrontMatter';
import { LimitedInput } from '../../components/LimitedInput';

export function AttachmentsEditor({ f }: { f: FrontMatterState }) {
  const { attachments } = f;
  const root = useRef<HTMLDivElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  // the name the cursor goes to once it is on screen (after 添加, Enter, a paste, a removal)
  const [focusId, setFocusId] = useState<string | null>(null);
  useEffect(() => {
    if (!focusId) return;
    const el = root.current?.querySelector<HTMLInputElement>(`[data-attachment-title="${focusId}"]`);
    if (!el) return;
    el.focus();
    el.select();
    setFocusId(null);
  }, [focusId, attachments]);

  const add = () => setFocusId(f.addAttachments());
  const onEnter = (i: number) => (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const next = attachments[i + 1];
    if (next) return setFocusId(next.id);
    // a blank last name does not pile up blank attachments
    if (attachments[i]?.title.trim()) setFocusId(f.addAttachments());
  };
  const onPaste = (id: string) => (e: ClipboardEvent<HTMLInputElement>) => {
    const lines = e.clipboardData
      .getData('text/plain')
      .split(/\r\n?|\n/)
      .map(lineValue)
      .filter(Boolean);
    if (lines.length < 2) return; // one line: the field's own paste
    e.preventDefault();
    const el = e.currentTarget;
    const first = el.value.slice(0, el.selectionStart ?? el.value.length) + lines[0] + el.value.slice(el.selectionEnd ?? el.value.length);
    setFocusId(f.addAttachments(lines.slice(1), { id, title: first }) ?? id);
  };
  const remove = (i: number) => {
    const stay = attachments[i + 1] ?? attachments[i - 1];
    f.removeAttachment(attachments[i]!.id);
    if (stay) setFocusId(stay.id);
    else addButton.current?.focus();
  };

  return (
    <div className="fz-attachments" aria-label="附件" ref={root}>
      <div className="fz-field-row">
        <span>附件</span>
        <Button ref={addButton} size="small" icon={<PlusOutlined />} disabled={!f.canAddAttachment} onClick={add}>
          添加附件
        </Button>
        <Typography.Text type="secondary">正文后列出“附件：1. …”，每个附件另起一页。名称后按回车可接着添加下一个。</Typography.Text>
      </div>
      {attachments.map((a, i) => (
        <div key={a.id} className="fz-attachment" data-attachment={a.id}>
          <div className="fz-field-row">
            <span>附件{attachments.length > 1 ? i + 1 : ''}</span>
            <LimitedInput
              value={a.title}
              data-attachment-title={a.id}
              onChange={(e) => f.patchAttachment(a.id, { title: e.target.value })}
              onBlur={() => {
                const kept = lineValue(a.title);
                if (kept !== a.title) f.patchAttachment(a.id, { title: kept });
              }}
              onKeyDown={onEnter(i)}
              onPaste={onPaste(a.id)}
              placeholder="附件名称（必填）"
              maxLength={LIMITS.attachmentTitle}
              status={a.title.trim() ? undefined : 'warning'}
              aria-label={`附件${i + 1}名称`}
              style={{ flex: 1 }}
            />
            <Tooltip title="删除这个附件">
              <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`删除附件${i + 1}`} onClick={() => remove(i)} />
            </Tooltip>
          </div>
          <Input.TextArea
            value={a.paragraphs.join('\n')}
            onChange={(e) => f.patchAttachment(a.id, { paragraphs: e.target.value.split('\n') })}
            autoSize={{ minRows: 2, maxRows: 8 }}
            placeholder="附件正文，每段一行"
            aria-label={`附件${i + 1}正文`}
          />
          <PartTables tables={a.tables ?? []} paragraphCount={a.paragraphs.length} onChange={(tables) => f.patchAttachment(a.id, { tables })} label={`附件${i + 1}表格`} />
        </div>
      ))}
    </div>
  );
}
