/** The import preview's side column: year and unit, half-width marks, figures for indicators, numbering notes. */
import { Alert, Checkbox, Input, Select, Space, Typography } from 'antd';
import { YearField } from '../../components/YearField';
import { UNIT_KINDS, type UnitKind } from '../../../src-shared/domain/vocabulary';
import type { ImportPreview } from '../../../src-shared/import/types';
import { LIMITS } from '../../../src-shared/domain/limits';
import { HalfWidthHit, Suggestion } from './PreviewHits';
import type { PreviewEditorState } from './usePreviewEditor';
import { LimitedInput } from '../../components/LimitedInput';

interface SideProps {
  preview: ImportPreview;
  s: PreviewEditorState;
}

export function PreviewSide({ preview, s }: SideProps) {
  return (
    <aside className="fz-imp-side" aria-label="导入选项">
      <YearAndUnit preview={preview} s={s} />
      <HalfWidthCard preview={preview} s={s} />
      <SuggestionsCard preview={preview} s={s} />
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
  );
}

function YearAndUnit({ preview, s }: SideProps) {
  const { unit, setUnit } = s;
  return (
    <div className="fz-imp-card">
      <h4>年度与单位</h4>
      <label className="fz-imp-field">
        <span>报告年度</span>
        <YearField value={s.year} onChange={s.setYear} aria-label="导入年度" />
        {preview.year !== null && <span className="muted fz-imp-note">从标题读出 {preview.year} 年</span>}
      </label>
      {preview.unitExists ? (
        preview.unit && <div className="muted">标题中的单位：{preview.unit.fullName}</div>
      ) : (
        <div className="fz-imp-unit">
          {preview.unit ? (
            <Typography.Text>数据文件夹中还没有单位，将按标题新建：</Typography.Text>
          ) : (
            // the title names no unit (no title, a title without the unit's name): ask, guess nothing
            <Alert type="warning" showIcon role="alert" data-testid="import-unit-ask" message="标题中读不出单位名称：请填写单位简称、全称，并选择单位类型" />
          )}
          <Space.Compact block>
            <Space.Addon>简称</Space.Addon>
            <LimitedInput value={unit.shortName} onChange={(e) => setUnit({ ...unit, shortName: e.target.value })} maxLength={LIMITS.unitShortName} aria-label="单位简称" />
          </Space.Compact>
          <Space.Compact block>
            <Space.Addon>全称</Space.Addon>
            <LimitedInput value={unit.fullName} onChange={(e) => setUnit({ ...unit, fullName: e.target.value })} maxLength={LIMITS.unitFullName} aria-label="单位全称" />
          </Space.Compact>
          <Select<UnitKind>
            value={unit.kind ?? undefined}
            onChange={(kind) => setUnit({ ...unit, kind })}
            options={UNIT_KINDS.map((k) => ({ value: k, label: k }))}
            placeholder="单位类型"
            aria-label="单位类型"
            status={unit.kind ? undefined : 'warning'}
            style={{ width: 120 }}
          />
        </div>
      )}
    </div>
  );
}

function HalfWidthCard({ preview, s }: SideProps) {
  const n = preview.halfWidth.length;
  return (
    <div className="fz-imp-card" data-testid="import-half-width">
      <h4>半角标点（{n} 处）</h4>
      {n === 0 ? (
        <span className="muted">没有发现夹在中文中的半角标点。</span>
      ) : (
        <>
          <ul className="fz-imp-list">
            {preview.halfWidth.slice(0, 8).map((f, i) => (
              <HalfWidthHit key={i} finding={f} report={preview.report} />
            ))}
            {n > 8 && <li className="muted">等共 {n} 处</li>}
          </ul>
          <Checkbox checked={s.convert} onChange={(e) => s.setConvert(e.target.checked)}>
            将这 {n} 处全部改为全角标点
          </Checkbox>
        </>
      )}
    </div>
  );
}

function SuggestionsCard({ preview, s }: SideProps) {
  const usable = preview.suggestions.some((x) => !x.computed);
  return (
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
            {preview.suggestions.map((x) => (
              <Suggestion key={x.key} s={x} checked={s.ticked.has(x.key)} onChange={s.toggle} />
            ))}
          </ul>
          <Checkbox checked={s.placeholders} disabled={!usable} onChange={(e) => s.setPlaceholders(e.target.checked)}>
            勾选句子中的数字改为指标占位符（随数据自动更新）
          </Checkbox>
        </>
      )}
    </div>
  );
}
