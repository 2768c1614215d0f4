import { describe, expect, it } from 'vitest';
import { wordSpans } from '../../src-main/services/import/compare';
import { chosenText, numberChanges } from '../../src-shared/import/compareChanges';

/** What 对比 would list for our sentence against the leader's: the changes, as removed → added. */
function changesOf(ours: string, theirs: string) {
  const { spans, count } = numberChanges(wordSpans(ours, theirs));
  const list = [...Array(count).keys()].map((n) => {
    const of = (kind: string) => spans.filter((s) => s.kind === kind && s.change === n).map((s) => s.text).join('');
    return `${of('removed')}→${of('added')}`;
  });
  return { spans, count, list };
}

describe('对比: one rewritten phrase is one change', () => {
  it('a phrase the leader rewrote is one change, not split around a word both happen to use', () => {
    const ours = '镇党委召开专题会议研究部署法治建设工作';
    const theirs = '镇党委多次专门研究法治建设工作';
    const { spans, list } = changesOf(ours, theirs);
    expect(list).toEqual(['召开专题会议研究部署→多次专门研究']);
    // taking it gives the leader's sentence, leaving it gives ours
    expect(chosenText(spans, () => true)).toBe(theirs);
    expect(chosenText(spans, () => false)).toBe(ours);
  });

  it('deletions with real text between them stay separate changes', () => {
    const { list } = changesOf('聘请法律顾问为镇政府的重大决策和重要合同提供法律意见', '聘请法律顾问为重大决策提供法律意见');
    expect(list).toEqual(['镇政府的→', '和重要合同→']);
  });

  it('a figure between two rewrites stays ours (it is a placeholder that follows the data), and no paragraph break is folded', () => {
    const fig = changesOf('组织讲座12场，覆盖群众', '举办培训12次，惠及居民');
    expect(fig.list).toEqual(['组织讲座→举办培训', '场，覆盖群众→次，惠及居民']);
    expect(fig.spans.filter((s) => s.kind === 'same').map((s) => s.text)).toContain('12');
    const para = changesOf('标题\n甲乙', '题目\n丙丁');
    expect(para.spans.filter((s) => s.kind === 'same').map((s) => s.text)).toContain('\n');
    expect(para.count).toBe(2);
  });
});
