/**
 * The preview of an import, before anything is written: the report as detected — levels,
 * run-in marks, content items and the text of every part — with the corrections a detection may
 * need (level up/down, split at a paragraph, merge into the text before, run-in on/off, content
 * item), the half-width marks with one choice to convert, the figures that could fill indicators
 * (taken only if ticked), and the year and unit read from the title.
 */
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App as AntApp, Button, Checkbox, Input, InputNumber, Select, Space, Typography } from 'antd';
import { MenuFoldOutlined, MenuUnfoldOutlined, MergeCellsOutlined, ScissorOutlined, UndoOutlined } from '@ant-design/icons';
import type { MethodInput } from '../../../src-shared/contract';
import type { Part, Report } from '../../../src-shared/domain/report';
import { CONTENT_ITEM_LABELS, CONTENT_ITEMS, UNIT_KINDS, type ContentItem, type UnitKind } from '../../../src-shared/domain/vocabulary';
import type { ImportPreview, IndicatorSuggestion } from '../../../src-shared/import/types';
import type { Finding } from '../../../src-shared/proofread/finding';
import {
  canIndent,
  canMerge,
  canOutdent,
  findPart,
  flattenOutline,
  indentPart,
  mergeWithPrevious,
  newPartId,
  outdentPart,
  splitPart,
  updatePart,
} from '../../../src-shared/report/outline';
import type { OpenedFile } from '../../api/platform';
import { call } from '../../api/client';
import { takenSuggestions } from '../../../src-shared/import/relocate';
import { LIMITS } from '../../../src-shared/domain/limits';
import { YEAR_MAX, YEAR_MIN } from '../../../src-shared/domain/limits';

export type CommitRequest = MethodInput<'import.commit'>;

interface Props {
  preview: ImportPreview;
  file: OpenedFile;
  busy: boolean;
  onCancel: () => void;
  onCommit: (req: CommitRequest) => void;
  onCompare: (year: number) => void;
}

const FORMAT_LABEL: Record<ImportPreview['format'], string> = { docx: 'Word（.docx）', doc: 'Word 97–2003（.doc）', txt: '纯文本（.txt）' };

type PartOp = { kind: 'outdent' | 'indent' | 'merge' } | { kind: 'split'; at: number } | { kind: 'patch'; patch: Partial<Pick<Part, 'runIn' | 'contentItem' | 'heading'>> };

const ITEM_OPTIONS = [
  { value: '', label: '（不对应）' },
  ...CONTENT_ITEMS.map((c) => ({ value: c, label: CONTENT_ITEM_LABELS[c] })),
];

export function PreviewEditor({ preview, file, busy, onCancel, onCommit, onCompare }: Props) {
  const { modal } = AntApp.useApp();
  const [report, setReport] = useState<Report>(preview.report);
  const [year, setYear] = useState<number | null>(preview.year);
  const [existing, setExisting] = useState(preview.existing);
  const [unit, setUnit] = useState<{ shortName: string; fullName: string; kind: UnitKind }>(
    () => preview.unit ?? { shortName: '', fullName: '', kind: '镇' },
  );
  const [convert, setConvert] = useState(false);
  const [ticked, setTicked] = useState<Set<string>>(() => new Set());
  const [placeholders, setPlaceholders] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    performance.mark('fz-import-preview-shown');
  }, []);

  // the year decides whether a report is already there: ask the service again, keep the edits
  const asked = useRef(preview.year);
  useEffect(() => {
    if (year === null || year === asked.current) return;
    const t = setTimeout(() => {
      asked.current = year;
      call('import.preview', { fileName: file.fileName, data: file.data, year }).then(
        (p) => setExisting(p.existing),
        () => undefined, // the commit reports a bad year in words
      );
    }, 400);
    return () => clearTimeout(t);
  }, [year, file]);

  const rows = useMemo(() => flattenOutline(report.parts), [report.parts]);
  const partIds = useMemo(() => new Set(rows.map((r) => r.part.id)), [rows]);

  // outline changes can be taken back one by one (a split or merge clicked by mistake)
  const [undo, setUndo] = useState<Report[]>([]);
  const onPartOp = (id: string, op: PartOp) => {
    const next = apply(report, id, op);
    if (next.parts === report.parts) return; // the operation did not apply
    setUndo((u) => [...u.slice(-49), report]);
    setReport(next);
  };
  const apply = (r: Report, id: string, op: PartOp): Report => {
    const parts = r.parts;
    switch (op.kind) {
      case 'outdent':
        return { ...r, parts: outdentPart(parts, id) };
      case 'indent':
        return { ...r, parts: indentPart(parts, id) };
      case 'merge':
        return { ...r, parts: mergeWithPrevious(parts, id) };
      case 'split':
        return { ...r, parts: splitPart(parts, id, op.at, newPartId()) };
      case 'patch':
        return { ...r, parts: updatePart(parts, id, op.patch) };
    }
  };
  const undoLast = () => {
    const prev = undo[undo.length - 1];
    if (!prev) return;
    setUndo((u) => u.slice(0, -1));
    setReport(prev);
  };
  const opRef = useRef(onPartOp);
  opRef.current = onPartOp;
  const stableOp = useMemo(() => (id: string, op: PartOp) => opRef.current(id, op), []);

  const usable = preview.suggestions.filter((s) => !s.computed);
  const toggle = (key: string, on: boolean) =>
    setTicked((t) => {
      const n = new Set(t);
      if (on) n.add(key);
      else n.delete(key);
      return n;
    });

  const request = (mode: 'new' | 'replace'): CommitRequest | null => {
    if (year === null) {
      setProblem('请填写报告年度');
      return null;
    }
    if (!preview.unitExists && (!unit.shortName.trim() || !unit.fullName.trim())) {
      setProblem('数据文件夹中还没有单位：请填写单位简称和全称');
      return null;
    }
    if (!report.title.trim()) {
      setProblem('请填写报告标题');
      return null;
    }
    setProblem(null);
    const chosen = preview.suggestions.filter((s) => ticked.has(s.key));
    return {
      year,
      report,
      convertHalfWidth: convert,
      take: takenSuggestions(preview.report, report, chosen, placeholders),
      findings: preview.findings.filter((f) => f.partId === null || partIds.has(f.partId)),
      mode,
      ...(preview.unitExists ? {} : { unit: { shortName: unit.shortName.trim(), fullName: unit.fullName.trim(), kind: unit.kind } }),
    };
  };

  const commitNew = () => {
    const req = request('new');
    if (req) onCommit(req);
  };
  const commitReplace = () => {
    const req = request('replace');
    if (!req) return;
    modal.confirm({
      title: `替换${year}年度现有报告？`,
      content: '现有报告的标题、提纲和正文将换成导入的内容；指标、台账和调解案件不受影响。替换前的数据会自动备份。',
      okText: '替换',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => onCommit(req),
    });
  };

  const levelOne = rows.filter((r) => r.level === 1).length;

  return (
    <div className="fz-imp" data-testid="import-preview">
      <div className="fz-imp-summary" role="status">
        识别出 <b>{rows.length}</b> 个标题（一级 {levelOne} 个）· {preview.counts.paragraphs} 段 · {preview.counts.characters} 字 ·{' '}
        {FORMAT_LABEL[preview.format]}
        {preview.encoding && `（${preview.encoding === 'gb18030' ? 'GB18030 编码' : 'UTF-8 编码'}）`}
        {preview.styled && ' · 按文档的标题样式识别'}
        <span className="muted"> · 以下内容尚未保存，可先调整再导入</span>
      </div>
      {preview.warnings.map((w) => (
        <Alert key={w} type="warning" showIcon title={w} className="fz-imp-alert" />
      ))}
      <div className="fz-imp-body">
        <section className="fz-imp-doc" aria-label="识别结果">
          <div className="fz-imp-front">
            <label className="fz-imp-field">
              <span>标题</span>
              <Input value={report.title} onChange={(e) => setReport((r) => ({ ...r, title: e.target.value }))} maxLength={LIMITS.reportTitle} aria-label="报告标题" />
            </label>
            {report.recipient && <div className="fz-imp-recipient">主送：{report.recipient}</div>}
            {report.preamble.map((t, i) => (
              <p key={i} className="fz-imp-para fz-imp-preamble">
                {t}
              </p>
            ))}
          </div>
          {rows.map(({ part, level, number }) => (
            <PartBlock
              key={part.id}
              part={part}
              level={level}
              number={number}
              canUp={canOutdent(report.parts, part.id)}
              canDown={canIndent(report.parts, part.id)}
              canMergeUp={canMerge(report.parts, part.id)}
              onOp={stableOp}
            />
          ))}
          {report.signature.enabled && (report.signature.name || report.signature.date) && (
            <div className="fz-imp-signature">
              落款：{report.signature.name} {report.signature.date}
            </div>
          )}
        </section>
        <aside className="fz-imp-side" aria-label="导入选项">
          <div className="fz-imp-card">
            <h4>年度与单位</h4>
            <label className="fz-imp-field">
              <span>报告年度</span>
              <InputNumber
                min={YEAR_MIN}
                max={YEAR_MAX}
                precision={0}
                value={year}
                onChange={(v) => setYear(typeof v === 'number' ? v : null)}
                suffix="年"
                aria-label="导入年度"
                style={{ width: 120 }}
              />
              {preview.year !== null && <span className="muted fz-imp-note">从标题读出 {preview.year} 年</span>}
            </label>
            {preview.unitExists ? (
              preview.unit && <div className="muted">标题中的单位：{preview.unit.fullName}</div>
            ) : (
              <div className="fz-imp-unit">
                <Typography.Text>数据文件夹中还没有单位，将按标题新建：</Typography.Text>
                <Input value={unit.shortName} onChange={(e) => setUnit({ ...unit, shortName: e.target.value })} maxLength={LIMITS.unitShortName} addonBefore="简称" aria-label="单位简称" />
                <Input value={unit.fullName} onChange={(e) => setUnit({ ...unit, fullName: e.target.value })} maxLength={LIMITS.unitFullName} addonBefore="全称" aria-label="单位全称" />
                <Select<UnitKind>
                  value={unit.kind}
                  onChange={(kind) => setUnit({ ...unit, kind })}
                  options={UNIT_KINDS.map((k) => ({ value: k, label: k }))}
                  aria-label="单位类型"
                  style={{ width: 120 }}
                />
              </div>
            )}
          </div>

          <div className="fz-imp-card" data-testid="import-half-width">
            <h4>半角标点（{preview.halfWidth.length} 处）</h4>
            {preview.halfWidth.length === 0 ? (
              <span className="muted">没有发现夹在中文中的半角标点。</span>
            ) : (
              <>
                <ul className="fz-imp-list">
                  {preview.halfWidth.slice(0, 8).map((f, i) => (
                    <HalfWidthHit key={i} finding={f} report={preview.report} />
                  ))}
                  {preview.halfWidth.length > 8 && <li className="muted">等共 {preview.halfWidth.length} 处</li>}
                </ul>
                <Checkbox checked={convert} onChange={(e) => setConvert(e.target.checked)}>
                  将这 {preview.halfWidth.length} 处全部改为全角标点
                </Checkbox>
              </>
            )}
          </div>

          <div className="fz-imp-card" data-testid="import-suggestions">
            <h4>可填入指标的数字（{preview.suggestions.length} 条）</h4>
            {preview.suggestions.length === 0 ? (
              <span className="muted">正文中没有与指标对应的数字。</span>
            ) : (
              <>
                <Typography.Paragraph type="secondary" className="fz-imp-hint">
                  勾选的数字导入后填入指标；不勾选则只作为正文保留。
                </Typography.Paragraph>
                <ul className="fz-imp-list fz-imp-suggestions">
                  {preview.suggestions.map((s) => (
                    <Suggestion key={s.key} s={s} checked={ticked.has(s.key)} onChange={toggle} />
                  ))}
                </ul>
                <Checkbox checked={placeholders} disabled={!usable.length} onChange={(e) => setPlaceholders(e.target.checked)}>
                  勾选句子中的数字改为指标占位符（随数据自动更新）
                </Checkbox>
              </>
            )}
          </div>

          {preview.findings.length > 0 && (
            <div className="fz-imp-card" data-testid="import-findings">
              <h4>编号提示（{preview.findings.length} 处）</h4>
              <ul className="fz-imp-list">
                {preview.findings.slice(0, 10).map((f, i) => (
                  <li key={i}>{f.message}</li>
                ))}
              </ul>
              <span className="muted">编号已改为自动编号；这些提示导入后保留在校对中。</span>
            </div>
          )}
        </aside>
      </div>
      <footer className="fz-imp-footer">
        {problem && (
          <Typography.Text type="danger" role="alert">
            {problem}
          </Typography.Text>
        )}
        {existing.hasReport && year !== null && (
          <Typography.Text type="warning" className="fz-imp-exists">
            {year}年度已有报告：可替换为导入的内容，或与现有报告逐段对比后选择采纳。
          </Typography.Text>
        )}
        <span className="fz-imp-spacer" />
        <Button onClick={undoLast} disabled={busy || undo.length === 0} icon={<UndoOutlined />}>
          撤销调整
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          取消
        </Button>
        {existing.hasReport && year !== null ? (
          <Space>
            <Button onClick={() => onCompare(year)} disabled={busy}>
              对比…
            </Button>
            <Button type="primary" danger loading={busy} onClick={commitReplace}>
              替换
            </Button>
          </Space>
        ) : (
          <Button type="primary" loading={busy} onClick={commitNew}>
            导入
          </Button>
        )}
      </footer>
    </div>
  );
}

/** Where the text of a finding stands in the report as read. */
function findingText(report: Report, f: Finding): string {
  if (f.field === 'title') return report.title;
  if (f.field === 'recipient') return report.recipient;
  if (f.field === 'preamble') return report.preamble[f.paragraph] ?? '';
  const part = f.partId ? findPart(report.parts, f.partId) : null;
  if (!part) return f.excerpt;
  return f.field === 'heading' ? part.heading : (part.paragraphs[f.paragraph] ?? '');
}

/** The mark in a few characters of its context, and what it would become. */
function HalfWidthHit({ finding: f, report }: { finding: Finding; report: Report }) {
  const text = findingText(report, f);
  const ok = text.slice(f.offset, f.offset + f.length) !== '' && f.length > 0;
  if (!ok) return <li>{f.excerpt}</li>;
  const from = Math.max(0, f.offset - 8);
  const to = Math.min(text.length, f.offset + f.length + 8);
  return (
    <li>
      {from > 0 && '…'}
      {text.slice(from, f.offset)}
      <mark className="fz-imp-mark">{text.slice(f.offset, f.offset + f.length)}</mark>
      {text.slice(f.offset + f.length, to)}
      {to < text.length && '…'}
      {f.fix && <span className="muted">　改为“{f.fix.replacement}”</span>}
    </li>
  );
}

function Suggestion({ s, checked, onChange }: { s: IndicatorSuggestion; checked: boolean; onChange: (key: string, on: boolean) => void }) {
  const before = s.excerpt.indexOf(s.text);
  return (
    <li>
      <Checkbox checked={checked} disabled={s.computed} onChange={(e) => onChange(s.key, e.target.checked)} aria-label={`采用 ${s.name} ${s.value}${s.measure}`}>
        <b>{s.name}</b>：{s.value}
        {s.measure}
        {s.computed && <span className="muted">（自动计算的指标，不能填入）</span>}
      </Checkbox>
      <div className="fz-imp-excerpt">
        {before >= 0 ? (
          <>
            {s.excerpt.slice(0, before)}
            <mark>{s.text}</mark>
            {s.excerpt.slice(before + s.text.length)}
          </>
        ) : (
          s.excerpt
        )}
      </div>
    </li>
  );
}

interface BlockProps {
  part: Part;
  level: number;
  number: string;
  canUp: boolean;
  canDown: boolean;
  canMergeUp: boolean;
  onOp: (id: string, op: PartOp) => void;
}

const sameBlock = (a: BlockProps, b: BlockProps) =>
  a.part === b.part && a.level === b.level && a.number === b.number && a.canUp === b.canUp && a.canDown === b.canDown && a.canMergeUp === b.canMergeUp && a.onOp === b.onOp;

/** One part: its numbered heading with the corrections, then its paragraphs, each of which can start a new part. */
const PartBlock = memo(function PartBlock({ part, level, number, canUp, canDown, canMergeUp, onOp }: BlockProps) {
  const name = part.heading || '（无标题）';
  return (
    <div className={`fz-imp-part fz-imp-level-${level}`} style={{ marginLeft: (level - 1) * 20 }} data-part-id={part.id} role="group" aria-label={`${number}${name}`}>
      <div className="fz-imp-head">
        <span className="fz-imp-number">{number}</span>
        <span className="fz-imp-heading">{name}</span>
        <span className="fz-imp-level muted">{level}级</span>
        <span className="fz-imp-spacer" />
        {level === 1 && (
          <Select<ContentItem | ''>
            size="small"
            value={part.contentItem ?? ''}
            onChange={(v) => onOp(part.id, { kind: 'patch', patch: { contentItem: v === '' ? undefined : v } })}
            options={ITEM_OPTIONS}
            style={{ width: 250 }}
            popupMatchSelectWidth={false}
            aria-label={`“${name}”对应内容项`}
          />
        )}
        {level > 1 && (
          <label className="fz-imp-check">
            <input
              type="checkbox"
              checked={part.runIn}
              onChange={(e) => onOp(part.id, { kind: 'patch', patch: { runIn: e.target.checked } })}
              aria-label={`“${name}”标题接排`}
            />
            接排
          </label>
        )}
        {/* plain buttons: a long report has dozens of parts and the preview must appear at once */}
        <span className="fz-imp-tools">
          <button type="button" className="fz-imp-tool" disabled={!canUp} onClick={() => onOp(part.id, { kind: 'outdent' })} aria-label={`“${name}”升一级`} title="升一级">
            <MenuFoldOutlined />
          </button>
          <button type="button" className="fz-imp-tool" disabled={!canDown} onClick={() => onOp(part.id, { kind: 'indent' })} aria-label={`“${name}”降一级`} title="降一级（归入上一个同级标题）">
            <MenuUnfoldOutlined />
          </button>
          <button type="button" className="fz-imp-tool" disabled={!canMergeUp} onClick={() => onOp(part.id, { kind: 'merge' })} aria-label={`“${name}”并入上文`} title="不是标题：并入上文作为正文">
            <MergeCellsOutlined />
          </button>
        </span>
      </div>
      {part.paragraphs.map((t, i) => (
        <p key={i} className="fz-imp-para">
          {t}
          <button type="button" className="fz-imp-split" onClick={() => onOp(part.id, { kind: 'split', at: i })} title="这一段是标题：从这里拆出新的部分" aria-label={`从“${t.length > 12 ? `${t.slice(0, 12)}…` : t}”拆出新标题`}>
            <ScissorOutlined /> 拆为标题
          </button>
        </p>
      ))}
    </div>
  );
}, sameBlock);
