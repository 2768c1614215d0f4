/**
 * The `indicatorPlaceholder` inline atom: one indicator figure inside a paragraph. It is shown as
 * a chip with the indicator's name and its current figure, and stored as a `{{id}}` token.
 */
import { mergeAttributes, Node, nodeInputRule, nodePasteRule } from '@tiptap/core';
import { NodeViewWrapper, ReactNodeViewRenderer, type ReactNodeViewProps } from '@tiptap/react';
import { placeholderToken } from '../../../src-shared/report/placeholders';
import { PLACEHOLDER_NODE } from './doc';
import { chipText, useReadings } from './readings';

// no capture groups: TipTap's nodeInputRule would replace only the first group, not the whole token
const TOKEN_AT_END = /\{\{[a-z0-9][a-z0-9-]{0,63}(?:\|rounded)?\}\}$/;
const TOKEN_GLOBAL = /\{\{[a-z0-9][a-z0-9-]{0,63}(?:\|rounded)?\}\}/g;
const attrsOf = (m: RegExpMatchArray) => {
  const [id = '', flag] = m[0].slice(2, -2).split('|');
  return { id, rounded: flag === 'rounded' };
};

export function PlaceholderChip({ id, rounded, selected }: { id: string; rounded: boolean; selected?: boolean }) {
  const readings = useReadings();
  const t = chipText(readings, id, rounded);
  const row = readings.get(id);
  const kind = t.problem ? 'missing' : rounded ? 'rounded' : 'exact';
  const title = t.problem
    ? `${t.name}：${t.problem}`
    : `${t.name}：${t.value}（${rounded ? '约数表述' : '准确数值'}${row ? `，${row.origin}` : ''}）`;
  return (
    <span className={`fz-chip fz-chip-${kind}${selected ? ' fz-chip-selected' : ''}`} title={title} data-indicator={id}>
      <span className="fz-chip-name">{t.name}</span>
      <span className="fz-chip-value">{t.value ?? t.problem}</span>
    </span>
  );
}

function ChipView({ node, selected }: ReactNodeViewProps) {
  return (
    <NodeViewWrapper as="span" className="fz-chip-wrap">
      <PlaceholderChip id={String(node.attrs.id)} rounded={Boolean(node.attrs.rounded)} selected={selected} />
    </NodeViewWrapper>
  );
}

export const IndicatorPlaceholder = Node.create({
  name: PLACEHOLDER_NODE,
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  draggable: false,

  addAttributes() {
    return {
      id: { default: '', parseHTML: (el) => el.getAttribute('data-indicator') ?? '' },
      rounded: { default: false, parseHTML: (el) => el.getAttribute('data-rounded') === 'true' },
    };
  },

  parseHTML() {
    return [{ tag: 'span[data-indicator]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    return [
      'span',
      mergeAttributes(HTMLAttributes, {
        'data-indicator': node.attrs.id,
        'data-rounded': node.attrs.rounded ? 'true' : 'false',
      }),
      placeholderToken(String(node.attrs.id), Boolean(node.attrs.rounded)),
    ];
  },

  // copying a chip as plain text yields the token, which pastes back as a chip
  renderText({ node }) {
    return placeholderToken(String(node.attrs.id), Boolean(node.attrs.rounded));
  },

  addNodeView() {
    return ReactNodeViewRenderer(ChipView, { as: 'span' });
  },

  // typing or pasting a token turns it into a chip
  addInputRules() {
    return [nodeInputRule({ find: TOKEN_AT_END, type: this.type, getAttributes: attrsOf })];
  },
  addPasteRules() {
    return [nodePasteRule({ find: TOKEN_GLOBAL, type: this.type, getAttributes: attrsOf })];
  },
});
