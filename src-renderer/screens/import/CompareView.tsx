/**
 * A revised file (the leader's edits in Word) beside the year's report, part by part: words taken
 * out are struck through on our side, words put in are marked on theirs, and each change (a run of
 * struck and marked words) is taken or left on its own, as the README promises (逐处). Under each
 * part, 采纳后 shows the text that will be stored; Ctrl+Z takes back the last choice. The word diff
 * and the numbering of changes come from the service; composing the chosen text is the shared rule
 * in src-shared/import/compareChanges.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Checkbox, Empty, Radio, Space, Tag, Typography } from 'antd';
import type { ComparePart, CompareResult, DiffSpan } from '../../../src-shared/import/types';
import { changeKey, chosenText } from '../../../src-shared/import/compareChanges';
import { typingTarget } from '../../components/typingTarget';

interface Props {
  result: CompareResult;
  busy: boolean;
  onBack: () => void;
  /** the take keys of import.applyCompare, and how many changes they take */
  onApply: (take: string[], changes: number) => void;
}

const STATUS_LABEL: Record<ComparePart['status'], { text: string; color: string }> = {
  same: { text: '未改动', color: 'default' },
  changed: { text: '有修改', color: 'orange' },
  added: { text: '修改稿新增', color: 'green' },
  removed: { text: '修改稿删去', color: 'red' },
};

/** ①…⑳ for the first twenty changes of a part, then (21)… */
const mark = (n: number) => (n < 20 ? String.fromCharCode(0x2460 + n) : `(${n + 1})`);

function Side({ spans, drop, kind, taken }: { spans: DiffSpan[]; drop: DiffSpan['kind']; kind: 'removed' | 'added'; taken: (n: number) => boolean }) {
  let last = -1;
  return (
    <div className="fz-cmp-text">
      {spans
        .filter((s) => s.kind !== drop)
        .map((s, i) => {
          if (s.kind !== kind) return <span key={i}>{s.text}</span>;
          const n = s.change ?? 0;
          const first = n !== last;
          last = n;
          const cls = `${kind === 'removed' ? 'fz-cmp-removed' : 'fz-cmp-added'}${taken(n) ? '' : ' is-left'}`;
          const body = (
            <>
              {first && <sup className="fz-cmp-mark">{mark(n)}</sup>}
              {s.text}
            </>
          );
          return kind === 'removed' ? (
            <del key={i} className={cls}>
              {body}
            </del>
          ) : (
            <ins key={i} className={cls}>
              {body}
            </ins>
          );
        })}
    </div>
  );
}

function partTitle(p: ComparePart): string {
  if (p.key === 'title') return '报告标题';
  if (p.key === 'preamble') return '导语';
  return `${p.number}${p.heading || p.theirsHeading || '（无标题）'}`;
}

/** One change in words: what goes, what comes. */
function changeWords(p: ComparePart, n: number): string {
  const of = (kind: DiffSpan['kind']) =>
    p.changes
      .filter((s) => s.kind === kind && s.change === n)
      .map((s) => s.text)
      .join('')
      .replace(/\n/g, '↵');
  const cut = (t: string) => (t.length > 40 ? `${t.slice(0, 38)}…` : t);
  const out = of('removed');
  const inn = of('added');
  if (p.status === 'removed') return '删去这一部分';
  if (p.status === 'added') return '加入这一部分';
  if (out && inn) return `“${cut(out)}”改为“${cut(inn)}”`;
  return out ? `删去“${cut(out)}”` : `加入“${cut(inn)}”`;
}

/** What the part will read once the chosen changes are taken (printed, figures as shown). */
function Result({ p, taken }: { p: ComparePart; taken: (n: number) => boolean }) {
  const text = chosenText(p.changes, taken);
  const at = text.indexOf('\n');
  const heading = at < 0 ? text : text.slice(0, at);
  const paragraphs = at < 0 ? [] : text.slice(at + 1).split('\n').filter((t) => t.trim() !== '');
  const empty = !heading && !paragraphs.length;
  return (
    <div className="fz-cmp-result" data-testid="compare-result">
      <div className="fz-cmp-label">采纳后</div>
      <div className="fz-cmp-text">
        {empty ? (
          <Typography.Text type="secondary">{p.status === 'added' ? '（不加入这一部分）' : '（这一部分将删去）'}</Typography.Text>
        ) : (
          <>
            {heading && <div className="fz-cmp-result-heading">{heading}</div>}
            {paragraphs.map((t, i) => (
              <p key={i}>{t}</p>
            ))}
          </>
        )}
      </div>
    </div>
  );
}

type Taken = ReadonlySet<string>;

export function CompareView({ result, busy, onBack, onApply }: Props) {
  const changed = useMemo(() => result.parts.filter((p) => p.status !== 'same'), [result]);
  const allKeys = useMemo(() => changed.flatMap((p) => Array.from({ length: p.changeCount }, (_, n) => changeKey(p.key, n))), [changed]);
  // the file came back to be taken: every change starts taken, the clerk leaves what she disagrees with
  const [take, setTakeState] = useState<Taken>(() => new Set(allKeys));
  const history = useRef<Taken[]>([]);
  const takeRef = useRef(take);
  takeRef.current = take;
  /** every choice is a step Ctrl+Z takes back */
  const choose = useCallback((next: Taken) => {
    history.current.push(takeRef.current);
    setTakeState(next);
  }, []);
  const setChanges = (keys: string[], on: boolean) => {
    const n = new Set(take);
    for (const k of keys) {
      if (on) n.add(k);
      else n.delete(k);
    }
    choose(n);
  };
  const keysOf = (p: ComparePart) => Array.from({ length: p.changeCount }, (_, n) => changeKey(p.key, n));

  // Ctrl+Z while the comparison is open is its own: captured before the report editor beneath
  // (its outline undo) can take it
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || typingTarget(e.target)) return;
      const k = e.key.toLowerCase();
      if (k !== 'z' && k !== 'y') return;
      e.preventDefault();
      e.stopImmediatePropagation();
      if (k === 'z' && !e.shiftKey) {
        const prev = history.current.pop();
        if (prev) setTakeState(prev);
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  const unchanged = result.parts.length - changed.length;
  const takenKeys = allKeys.filter((k) => take.has(k));
  const apply = () => {
    const keys = changed.flatMap((p) => {
      const mine = keysOf(p).filter((k) => take.has(k));
      return mine.length === p.changeCount ? [p.key] : mine;
    });
    onApply(keys, takenKeys.length);
  };

  return (
    <div className="fz-cmp" data-testid="compare-view">
      <div className="fz-imp-summary" role="status">
        与{result.year}年度报告逐段对比：<b>{changed.length}</b> 个部分有修改，共 <b>{allKeys.length}</b> 处；{unchanged} 个部分未改动。
        <span className="muted">左边是现有报告（删去的文字划线），右边是修改稿（新增的文字标出）；逐处选择是否采纳，Ctrl+Z 撤销上一次选择。</span>
      </div>
      {result.warnings.map((w) => (
        <Alert key={w} type="warning" showIcon title={w} className="fz-imp-alert" />
      ))}
      <div className="fz-cmp-list">
        {changed.length === 0 && <Empty description="修改稿与现有报告相同，没有需要采纳的修改" />}
        {changed.map((p) => {
          const keys = keysOf(p);
          const on = keys.filter((k) => take.has(k)).length;
          const taken = (n: number) => take.has(changeKey(p.key, n));
          const title = partTitle(p);
          return (
            <section key={p.key} className={`fz-cmp-part${on ? ' is-taken' : ''}`} aria-label={title}>
              <header className="fz-cmp-head">
                <Checkbox
                  checked={on === keys.length}
                  indeterminate={on > 0 && on < keys.length}
                  onChange={(e) => setChanges(keys, e.target.checked)}
                  aria-label={`采纳“${title}”的修改`}
                >
                  采纳
                </Checkbox>
                <b>{title}</b>
                <Tag color={STATUS_LABEL[p.status].color}>{STATUS_LABEL[p.status].text}</Tag>
                {keys.length > 1 && (
                  <Typography.Text type="secondary">
                    {keys.length} 处，已采纳 {on} 处
                  </Typography.Text>
                )}
                {p.keptPlaceholders > 0 && <Typography.Text type="secondary">数值未改动的 {p.keptPlaceholders} 处仍保留为指标占位符</Typography.Text>}
              </header>
              <div className="fz-cmp-sides">
                <div>
                  <div className="fz-cmp-label">现有报告</div>
                  <Side spans={p.changes} drop="added" kind="removed" taken={taken} />
                </div>
                <div>
                  <div className="fz-cmp-label">修改稿</div>
                  <Side spans={p.changes} drop="removed" kind="added" taken={taken} />
                </div>
              </div>
              <ol className="fz-cmp-changes" aria-label={`“${title}”的各处修改`}>
                {keys.map((k, n) => (
                  <li key={k} className={take.has(k) ? 'is-taken' : 'is-left'}>
                    <span className="fz-cmp-mark">{mark(n)}</span>
                    <span className="fz-cmp-words">{changeWords(p, n)}</span>
                    <Radio.Group
                      size="small"
                      optionType="button"
                      aria-label={`第${n + 1}处：${changeWords(p, n)}`}
                      value={take.has(k)}
                      onChange={(e) => setChanges([k], e.target.value as boolean)}
                      options={[
                        { value: true, label: '采纳' },
                        { value: false, label: '不采纳' },
                      ]}
                    />
                  </li>
                ))}
              </ol>
              <Result p={p} taken={taken} />
            </section>
          );
        })}
      </div>
      <footer className="fz-imp-footer">
        <Space>
          <Button size="small" onClick={() => choose(new Set(allKeys))}>
            全部采纳
          </Button>
          <Button size="small" onClick={() => choose(new Set())}>
            全部不采纳
          </Button>
        </Space>
        <span className="fz-imp-spacer" />
        <Button onClick={onBack} disabled={busy}>
          返回预览
        </Button>
        <Button type="primary" loading={busy} disabled={changed.length === 0} onClick={apply}>
          采纳所选修改（{takenKeys.length} 处）
        </Button>
      </footer>
    </div>
  );
}
