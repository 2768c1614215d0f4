/**
 * One TipTap editor for one body (a part's paragraphs, or the preamble). The editor is created
 * once from the stored paragraphs and is the source of truth afterwards; the screen keeps it
 * mounted while other parts are shown so its undo history survives switching parts.
 */
import { memo, useEffect, useRef } from 'react';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { Fragment, Slice } from '@tiptap/pm/model';
import type { EditorView } from '@tiptap/pm/view';
import { IndicatorPlaceholder } from './placeholderNode';
import { ProofMark } from './proofMark';
import { TypedKeys } from './typedKeys';
import { docToParagraphs, paragraphsToDoc, PLACEHOLDER_NODE } from './doc';
import { echoedUnitLength } from '../../../src-shared/text/figures';
import { pastedParagraphs } from '../../../src-shared/domain/textRules';

/** Official documents are plain paragraphs: no marks, lists, headings or line breaks. */
export const bodyExtensions = [
  StarterKit.configure({
    blockquote: false,
    bold: false,
    bulletList: false,
    code: false,
    codeBlock: false,
    hardBreak: false,
    heading: false,
    horizontalRule: false,
    italic: false,
    listItem: false,
    listKeymap: false,
    link: false,
    orderedList: false,
    strike: false,
    underline: false,
    trailingNode: false,
    undoRedo: { depth: 500 },
  }),
  IndicatorPlaceholder,
  ProofMark,
  TypedKeys,
];

export interface BodyEditorProps {
  initial: readonly string[];
  onChange: (paragraphs: string[]) => void;
  /** hands the editor to the screen (for inserting placeholders); null on unmount */
  onEditor?: (editor: Editor | null) => void;
  label: string;
}

// `initial` is read once, when the editor is created; later values must not re-render it.
export const BodyEditor = memo(BodyEditorView, (a, b) => a.onChange === b.onChange && a.onEditor === b.onEditor && a.label === b.label);

function BodyEditorView({ initial, onChange, onEditor, label }: BodyEditorProps) {
  const changeRef = useRef(onChange);
  changeRef.current = onChange;
  const editor = useEditor({
    extensions: bodyExtensions,
    content: paragraphsToDoc(initial),
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editorProps: { attributes: { class: 'fz-body-editor', 'aria-label': label, spellcheck: 'false' }, handlePaste: pasteAsParagraphs },
    onUpdate: ({ editor: e }) => changeRef.current(docToParagraphs(e.getJSON())),
  });
  useEffect(() => {
    onEditor?.(editor);
    return () => onEditor?.(null);
  }, [editor, onEditor]);
  return <EditorContent editor={editor} className="fz-body-editor-wrap" />;
}

/**
 * A paste from outside (Word, WPS, Excel, a web page) goes in as the plain paragraphs the body
 * stores (src-shared pastedParagraphs): Word's spacing paragraphs and soft line breaks would
 * otherwise show as empty paragraphs and stray spaces. A copy from this editor keeps its chips.
 */
function pasteAsParagraphs(view: EditorView, event: ClipboardEvent): boolean {
  const data = event.clipboardData;
  if (!data || data.getData('text/html').includes('data-pm-slice')) return false;
  const paragraphs = pastedParagraphs(data.getData('text/plain'));
  const { schema } = view.state;
  const nodes = paragraphs.map((t) => schema.nodes.paragraph!.create(null, schema.text(t)));
  // open at both ends: the first line joins the text before the cursor, the last the text after it
  if (nodes.length) view.dispatch(view.state.tr.replaceSelection(new Slice(Fragment.from(nodes), 1, 1)).scrollIntoView());
  return true;
}

/**
 * Insert a chip at the cursor (or replacing the selection) and put the cursor after it. The figure
 * prints with its unit, so a `unit` typed right after the cursor is taken out in the same step (one
 * undo brings both back). Returns whether it was.
 */
export function insertPlaceholder(editor: Editor, id: string, rounded: boolean, unit = ''): boolean {
  let removed = false;
  editor
    .chain()
    .focus()
    .insertContent({ type: PLACEHOLDER_NODE, attrs: { id, rounded } })
    .command(({ tr }) => {
      const from = tr.selection.from;
      const $pos = tr.doc.resolve(from);
      const after = $pos.parent.textBetween($pos.parentOffset, $pos.parent.content.size, undefined, '\ufffc');
      const n = echoedUnitLength(unit, after);
      if (n) {
        tr.delete(from, from + n);
        removed = true;
      }
      return true;
    })
    .run();
  return removed;
}
