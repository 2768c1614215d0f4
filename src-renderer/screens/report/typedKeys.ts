/**
 * A typed character and a Backspace inside text go in as ProseMirror transactions, as ProseMirror
 * itself does when the selection is not plain text. Left to the browser, Chrome's editing changes the
 * paragraph, lays it out and moves the caret, and ProseMirror then reads the whole paragraph back
 * from the DOM, parses it and diffs it against its copy: work that grows with the paragraph (in a
 * 3,000-character paragraph, a good part of each keystroke). Input rules (a typed `{{id}}` becomes a
 * chip) run as for any typed text. Everything else keeps the browser's way: text from an input
 * method (no keypress), characters outside the Basic Multilingual Plane, and a Backspace next to
 * anything but one plain character (a joined emoji, a combining mark: the browser knows where such
 * a character ends), at the start of a paragraph or over a selection (TipTap's keymap runs first).
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

/** One UTF-16 unit that is a whole character on its own: the scripts of a Chinese report. */
const PLAIN = /[\u0020-\u007e\u00a0-\u00ff\u2010-\u2027\u2030-\u205e\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff01-\uffee]/;
/** What joins the character before it into one: combining marks, variation selectors, joiners, surrogate halves. */
const JOINS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u200b-\u200f\u20d0-\u20ff\ufe00-\ufe0f\ufe20-\ufe2f\ud800-\udfff]/;

export function typeAsTransaction(view: EditorView, event: KeyboardEvent): boolean {
  const code = event.charCode;
  if (view.composing || code < 0x20 || (code >= 0xd800 && code <= 0xdfff) || code > 0xffff) return false;
  const text = String.fromCharCode(code);
  const { from, to } = view.state.selection;
  const insert = () => view.state.tr.insertText(text).scrollIntoView();
  if (!view.someProp('handleTextInput', (f) => f(view, from, to, text, insert))) view.dispatch(insert());
  return true;
}

export function backspaceAsTransaction(view: EditorView, event: KeyboardEvent): boolean {
  if (event.key !== 'Backspace' || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey || view.composing) return false;
  const sel = view.state.selection;
  if (!(sel instanceof TextSelection) || !sel.$cursor) return false;
  const $cursor = sel.$cursor;
  const before = $cursor.nodeBefore;
  const after = $cursor.nodeAfter;
  if (!before?.isText || !before.text) return false;
  const last = before.text.charAt(before.text.length - 1);
  const next = after?.isText && after.text ? after.text.charAt(0) : '';
  const prev = before.text.length > 1 ? before.text.charAt(before.text.length - 2) : '';
  if (!PLAIN.test(last) || JOINS.test(next) || JOINS.test(prev)) return false;
  view.dispatch(view.state.tr.delete($cursor.pos - 1, $cursor.pos).scrollIntoView());
  return true;
}

export const TypedKeys = Extension.create({
  name: 'typedKeys',
  // after TipTap's own keymap (priority 100): its Backspace (undo an input rule, join paragraphs, delete a selection) comes first
  priority: 1,
  addProseMirrorPlugins() {
    return [new Plugin({ key: new PluginKey('typedKeys'), props: { handleKeyPress: typeAsTransaction, handleKeyDown: backspaceAsTransaction } })];
  },
});
