// @vitest-environment jsdom
/**
 * The editor side of 校对: a finding's stored offsets (placeholders count as `{{id}}` there, one
 * atom in the editor) land on the right characters, and a fix is an undoable edit.
 */
import { describe, expect, it } from 'vitest';
import { Editor } from '@tiptap/core';
import { bodyExtensions } from '../../src-renderer/screens/report/BodyEditor';
import { docToParagraphs, paragraphsToDoc } from '../../src-renderer/screens/report/doc';
import { applyFixesInEditor, proofMarkKey, rangeOf } from '../../src-renderer/screens/report/proofMark';
import { fixSpots, proofreadReport } from '../../src-shared/proofread';
import type { IndicatorReading } from '../../src-shared/domain/wording';
import { BUILT_IN_INDICATORS } from '../../src-shared/catalog/builtInIndicators';

const reading = (id: string, value: number): IndicatorReading => ({ def: BUILT_IN_INDICATORS.find((d) => d.id === id)!, value, wording: '', origin: '手工填报', computed: false });
const readings = new Map([['open-total', reading('open-total', 55)], ['pufa-events', reading('pufa-events', 18)]]);

const paragraphs = ['第一段。', '公开政务信息{{open-total}}，坚持依法依法行政，全年开展各类普法宣传活动20次。'];
const report = {
  title: '横街镇2024年法治政府建设年度报告',
  preamble: [],
  parts: [{ id: 'p1', heading: '主要举措', runIn: false, paragraphs, status: '草稿' as const, contentItem: 'measures' as const, children: [] }],
  signature: { enabled: false, name: '', date: '' },
};
const findings = proofreadReport({ report, year: 2024, readings });
const byCode = (code: string) => findings.find((f) => f.code === code)!;

describe('校对 in the editor', () => {
  it('maps stored offsets past a placeholder onto the editor text', () => {
    const editor = new Editor({ extensions: bodyExtensions, content: paragraphsToDoc(paragraphs) });
    const dup = byCode('duplicate-phrase');
    const r = rangeOf(editor.state.doc, dup.paragraph, dup.offset, dup.length)!;
    expect(editor.state.doc.textBetween(r.from, r.to)).toBe('依法依法');
    const fig = byCode('text-vs-data');
    const r2 = rangeOf(editor.state.doc, fig.paragraph, fig.offset, fig.length)!;
    expect(editor.state.doc.textBetween(r2.from, r2.to)).toBe('20次');
    // the mark sits on exactly those characters
    editor.view.dispatch(editor.state.tr.setMeta(proofMarkKey, r));
    const [deco] = proofMarkKey.getState(editor.state)!.find();
    expect([deco!.from, deco!.to]).toEqual([r.from, r.to]);
    editor.destroy();
  });

  it('a fix is one edit: the placeholder goes in as a chip, and undo takes it back', () => {
    const editor = new Editor({ extensions: bodyExtensions, content: paragraphsToDoc(paragraphs) });
    const fig = byCode('text-vs-data');
    expect(fig.fix?.replacement).toBe('{{pufa-events}}');
    applyFixesInEditor(editor, [{ range: rangeOf(editor.state.doc, fig.paragraph, fig.offset, fig.length)!, replacement: fig.fix!.replacement }]);
    expect(docToParagraphs(editor.getJSON())[1]).toBe('公开政务信息{{open-total}}，坚持依法依法行政，全年开展各类普法宣传活动{{pufa-events}}。');
    const dup = byCode('duplicate-phrase');
    applyFixesInEditor(editor, [{ range: rangeOf(editor.state.doc, dup.paragraph, dup.offset, dup.length)!, replacement: dup.fix!.replacement }]);
    expect(docToParagraphs(editor.getJSON())[1]).toBe('公开政务信息{{open-total}}，坚持依法行政，全年开展各类普法宣传活动{{pufa-events}}。');
    editor.commands.undo();
    editor.commands.undo();
    expect(docToParagraphs(editor.getJSON())).toEqual(paragraphs);
    editor.destroy();
  });

  it('a grouped half-width finding fixes every mark of the part in one edit, around placeholders too', () => {
    const text = ['推进法治建设,加强培训;公开政务信息{{open-total}},成立顾问团(3人)。', '落实责任,狠抓执行。'];
    const r = { ...report, parts: [{ ...report.parts[0]!, paragraphs: text }] };
    const hw = proofreadReport({ report: r, year: 2024, readings }).filter((f) => f.code === 'half-width');
    expect(hw).toHaveLength(1);
    const editor = new Editor({ extensions: bodyExtensions, content: paragraphsToDoc(text) });
    const edits = fixSpots(hw[0]!).map((s) => ({ range: rangeOf(editor.state.doc, s.paragraph, s.offset, s.length)!, replacement: s.replacement }));
    expect(edits).toHaveLength(6);
    applyFixesInEditor(editor, edits);
    expect(docToParagraphs(editor.getJSON())).toEqual(['推进法治建设，加强培训；公开政务信息{{open-total}}，成立顾问团（3人）。', '落实责任，狠抓执行。']);
    editor.commands.undo();
    expect(docToParagraphs(editor.getJSON())).toEqual(text);
    editor.destroy();
  });
});
