/**
 * The editor side of a proofreading finding: where its stored offsets fall in the TipTap document
 * (placeholders are one atom in the editor but `{{id}}` in the stored text), a highlight that
 * marks the text a finding points at, and the one-click fix as an ordinary, undoable edit.
 */
import { Extension, type Editor } from '@tiptap/core';
import type { JSONContent } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { placeholderToken, splitSegments } from '../../../src-shared/report/placeholders';
import { PLACEHOLDER_NODE } from './doc';

export const proofMarkKey = new PluginKey<DecorationSet>('proofMark');

/** Highlights one range (the finding clicked last) until the text is edited or another is clicked. */
export const ProofMark = Extension.create({
  name: 'proofMark',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: proofMarkKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, set) {
            const meta = tr.getMeta(proofMarkKey) as { from: number; to: number } | null | undefined;
            if (meta === null) return DecorationSet.empty;
            if (meta) {
              const to = Math.max(meta.to, meta.from + 1);
              return DecorationSet.create(tr.doc, [Decoration.inline(meta.from, to, { class: 'fz-proof-mark' })]);
            }
            return tr.docChanged ? DecorationSet.empty : set.map(tr.mapping, tr.doc);
          },
        },
        props: {
          decorations(state) {
            return proofMarkKey.getState(state);
          },
        },
      }),
    ];
  },
});

/** Editor positions of stored-text offsets [offset, offset+length) in paragraph `paragraph`. */
export function rangeOf(doc: PMNode, paragraph: number, offset: number, length: number): { from: number; to: number } | null {
  if (paragraph < 0 || paragraph >= doc.childCount) return null;
  let start = 0;
  for (let i = 0; i < paragraph; i++) start += doc.child(i).nodeSize;
  const para = doc.child(paragraph);
  const inner = start + 1;
  const map = (target: number, isEnd: boolean): number => {
    let stored = 0;
    let pos = inner;
    let found: number | null = null;
    para.forEach((node) => {
      if (found !== null) return;
      const len = node.isText ? node.text!.length : node.type.name === PLACEHOLDER_NODE ? placeholderToken(String(node.attrs.id), Boolean(node.attrs.rounded)).length : 1;
      const size = node.isText ? len : node.nodeSize;
      if (target < stored + len || (isEnd && target === stored + len)) {
        if (node.isText) found = pos + (target - stored);
        else found = target === stored ? pos : pos + size;
        return;
      }
      stored += len;
      pos += size;
    });
    return found ?? pos;
  };
  const from = map(offset, false);
  const to = length ? map(offset + length, true) : from;
  return { from, to };
}

/** Select the range, scroll it into view and mark it. */
export function markRange(editor: Editor, range: { from: number; to: number }): void {
  editor.chain().focus().setTextSelection(range).scrollIntoView().run();
  editor.view.dispatch(editor.state.tr.setMeta(proofMarkKey, range));
  // the browser's own scroll too: the editor may sit in a scrolled panel
  const dom = editor.view.domAtPos(range.from).node as globalThis.Node;
  const el = dom.nodeType === 1 ? (dom as HTMLElement) : dom.parentElement;
  el?.scrollIntoView?.({ block: 'center' });
}

/** The stored replacement as editor content: text, and placeholders as chips. */
export function replacementContent(replacement: string): JSONContent[] {
  return splitSegments(replacement).flatMap((s): JSONContent[] =>
    s.type === 'text' ? (s.text ? [{ type: 'text', text: s.text }] : []) : [{ type: PLACEHOLDER_NODE, attrs: { id: s.id, rounded: s.rounded } }],
  );
}

/** Apply a fix (one edit, or every spot of a grouped finding) as one editor transaction, so Ctrl+Z takes it back. */
export function applyFixesInEditor(editor: Editor, edits: ReadonlyArray<{ range: { from: number; to: number }; replacement: string }>): boolean {
  // last first, so the positions of the earlier ones stay valid
  const sorted = [...edits].sort((a, b) => b.range.from - a.range.from);
  let chain = editor.chain().focus();
  for (const e of sorted) {
    const content = replacementContent(e.replacement);
    chain = content.length ? chain.insertContentAt(e.range, content) : chain.deleteRange(e.range);
  }
  return chain.run();
}
