// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { Editor } from '@tiptap/core';
import type { Editor as ReactEditor } from '@tiptap/react';
import type { IndicatorRow } from '../../src-shared/contract';
import { BUILT_IN_INDICATORS } from '../../src-shared/catalog/builtInIndicators';
import { docToParagraphs, paragraphsToDoc } from '../../src-renderer/screens/report/doc';
import { BodyEditor, bodyExtensions, insertPlaceholder } from '../../src-renderer/screens/report/BodyEditor';
import { ReadingsContext, readingsById } from '../../src-renderer/screens/report/readings';

afterEach(cleanup);

const def = (id: string) => BUILT_IN_INDICATORS.find((d) => d.id === id)!;
const row = (id: string, value: number | null, wording = ''): IndicatorRow => ({
  def: def(id),
  value,
  wording,
  origin: '手工填报',
  computed: false,
  lastYear: null,
  problem: null,
});
const readings = readingsById([row('open-total', 55), row('pufa-events', 42, '40余'), row('honors', null)]);

describe('placeholder tokens ↔ TipTap document', () => {
  const cases: string[][] = [
    [],
    ['全年主动公开政务信息{{open-total}}，开展普法活动{{pufa-events|rounded}}。', '', '第二段{{honors}}{{open-total}}'],
    ['{{open-total}}'],
    ['不是占位符的{{Bad}}和{单}括号', '换行\n保留'],
  ];
  it.each(cases.map((c) => [c]))('round-trips %j through a real editor unchanged', (paragraphs) => {
    const editor = new Editor({ extensions: bodyExtensions, content: paragraphsToDoc(paragraphs) });
    expect(docToParagraphs(editor.getJSON())).toEqual(paragraphs);
    editor.destroy();
  });

  it('parses tokens into chip nodes with id and rounded', () => {
    const doc = paragraphsToDoc(['共{{pufa-events|rounded}}，{{open-total}}']);
    const inline = doc.content![0]!.content!;
    expect(inline.map((n) => n.type)).toEqual(['text', 'indicatorPlaceholder', 'text', 'indicatorPlaceholder']);
    expect(inline[1]!.attrs).toEqual({ id: 'pufa-events', rounded: true });
    expect(inline[3]!.attrs).toEqual({ id: 'open-total', rounded: false });
  });

  it('turns a typed token into a chip', () => {
    const editor = new Editor({ extensions: bodyExtensions, content: paragraphsToDoc(['共']) });
    editor.commands.focus('end');
    // input rules run on text input; simulate what the view does when the user types "}"
    editor.commands.insertContent('{{open-total}');
    const { view } = editor;
    const { from } = view.state.selection;
    const handled = view.someProp('handleTextInput', (f) => f(view, from, from, '}', () => view.state.tr.insertText('}', from, from)));
    if (!handled) view.dispatch(view.state.tr.insertText('}', from, from));
    expect(editor.getJSON().content![0]!.content!.some((n) => n.type === 'indicatorPlaceholder')).toBe(true);
    expect(docToParagraphs(editor.getJSON())).toEqual(['共{{open-total}}']);
    editor.destroy();
  });
});

describe('body editor with chips', () => {
  it('shows the indicator name and its current figure, exact or rounded, and flags missing ones', async () => {
    render(
      <ReadingsContext.Provider value={readings}>
        <BodyEditor initial={['公开{{open-total}}，普法{{pufa-events|rounded}}，荣誉{{honors}}。']} onChange={() => {}} label="正文" />
      </ReadingsContext.Provider>,
    );
    await waitFor(() => expect(document.querySelectorAll('.fz-chip')).toHaveLength(3));
    const chips = [...document.querySelectorAll('.fz-chip')].map((c) => c.textContent);
    expect(chips).toEqual(['主动公开政务信息55条', '各类普法宣传活动40余次', '获评法治建设先进（优秀）单位未填报']);
    expect(document.querySelector('.fz-chip-missing')).not.toBeNull();
    expect(screen.getByLabelText('正文')).toBeTruthy();
  });

  it('inserts a chip at the cursor and reports the tokenised paragraphs; undo takes it out', async () => {
    let editor: ReactEditor | null = null;
    const changes: string[][] = [];
    render(
      <ReadingsContext.Provider value={readings}>
        <BodyEditor initial={['开展活动。']} onChange={(p) => changes.push(p)} onEditor={(e) => (editor = e)} label="正文" />
      </ReadingsContext.Provider>,
    );
    await waitFor(() => expect(editor).not.toBeNull());
    act(() => {
      editor!.commands.setTextSelection(5); // after "开展活动"
      insertPlaceholder(editor!, 'pufa-events', true);
    });
    expect(changes.at(-1)).toEqual(['开展活动{{pufa-events|rounded}}。']);
    await waitFor(() => expect(document.querySelector('.fz-chip')?.textContent).toBe('各类普法宣传活动40余次'));
    act(() => {
      editor!.commands.undo();
    });
    expect(changes.at(-1)).toEqual(['开展活动。']);
  });
});
