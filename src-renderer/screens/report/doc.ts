/**
 * A part's body is stored as plain paragraphs with `{{id}}` / `{{id|rounded}}` tokens; the editor
 * holds a TipTap document whose placeholders are `indicatorPlaceholder` atoms. These two functions
 * are the only bridge between the forms, so a round trip never changes what is stored.
 */
import type { JSONContent } from '@tiptap/core';
import { joinSegments, splitSegments, type Segment } from '../../../src-shared/report/placeholders';

export const PLACEHOLDER_NODE = 'indicatorPlaceholder';

export function paragraphsToDoc(paragraphs: readonly string[]): JSONContent {
  const blocks = paragraphs.length ? paragraphs : [''];
  return {
    type: 'doc',
    content: blocks.map((text) => {
      const content: JSONContent[] = splitSegments(text).map((s) =>
        s.type === 'text'
          ? { type: 'text', text: s.text }
          : { type: PLACEHOLDER_NODE, attrs: { id: s.id, rounded: s.rounded } },
      );
      return content.length ? { type: 'paragraph', content } : { type: 'paragraph' };
    }),
  };
}

function inlineSegments(nodes: readonly JSONContent[] | undefined): Segment[] {
  const segs: Segment[] = [];
  for (const n of nodes ?? []) {
    if (n.type === 'text') segs.push({ type: 'text', text: n.text ?? '' });
    else if (n.type === PLACEHOLDER_NODE && typeof n.attrs?.id === 'string') {
      segs.push({ type: 'placeholder', id: n.attrs.id, rounded: Boolean(n.attrs.rounded) });
    } else if (n.type === 'hardBreak') segs.push({ type: 'text', text: '\n' });
    else if (n.content) segs.push(...inlineSegments(n.content));
  }
  return segs;
}

/** One string per paragraph; an editor holding only an empty paragraph is an empty body. */
export function docToParagraphs(doc: JSONContent): string[] {
  const out = (doc.content ?? []).map((block) => joinSegments(inlineSegments(block.content)));
  return out.length === 1 && out[0] === '' ? [] : out;
}
