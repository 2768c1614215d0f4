/**
 * 从Excel导入: the clerk's file goes to the services (sheet.preview) as bytes; this dialog only
 * shows the proposed column mapping, lets the clerk change it and say what unknown values mean,
 * lists the rows with problems, and commits the chosen rows with one addMany.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App as AntApp, Button, Checkbox, Modal, Progress, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { LEDGER_CATEGORIES } from '../../../src-shared/catalog/ledgerCategories';
import { MEDIATION_KINDS, MEDIATION_OUTCOMES } from '../../../src-shared/domain/vocabulary';
import { villageKindOf } from '../../../src-shared/domain/villageNames';
import { newId } from '../../../src-shared/ids';
import {
  SHEET_KIND_LABELS,
  TARGETS_BY_KIND,
  targetLabel,
  type AddManyResult,
  type SheetColumn,
  type SheetKind,
  type SheetMapping,
  type SheetPreview,
  type SheetRow,
  type SheetTarget,
  type SheetValueMap,
  type UnknownValue,
} from '../../../src-shared/sheet/targets';
import { call } from '../../api/client';
import type { OpenedFile } from '../../api/platform';
import { errorText } from '../../components/errors';
import { useApp } from '../../state/app';

const NOT_IMPORTED = '__none__';

const FIELD_LABEL: Record<UnknownValue['field'], string> = { category: '类别', village: '村（社区）', kind: '纠纷类型', outcome: '调解结果' };
const STATUS: Record<SheetRow['status'], { color: string; label: string }> = {
  ok: { color: 'green', label: '可导入' },
  problem: { color: 'red', label: '有问题' },
  duplicate: { color: 'orange', label: '重复' },
};

export interface SheetImportDialogProps {
  kind: SheetKind;
  file: OpenedFile | null;
  onClose: () => void;
  onImported: (r: AddManyResult) => void;
}

export function SheetImportDialog({ kind, file, onClose, onImported }: SheetImportDialogProps) {
  const app = useApp();
  const { message } = AntApp.useApp();
  const [mapping, setMapping] = useState<SheetMapping | undefined>(undefined);
  const [values, setValues] = useState<SheetValueMap>({});
  const [preview, setPreview] = useState<SheetPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [withDuplicates, setWithDuplicates] = useState(false);
  const [committing, setCommitting] = useState<{ n: number; percent: number } | null>(null);
  const seq = useRef(0);

  // a new file starts over
  useEffect(() => {
    setMapping(undefined);
    setValues({});
    setPreview(null);
    setError(null);
    setWithDuplicates(false);
  }, [file]);

  useEffect(() => {
    if (!file) return;
    const mine = ++seq.current;
    setLoading(true);
    call('sheet.preview', { kind, fileName: file.fileName, data: file.data, year: app.year, ...(mapping ? { mapping } : {}), values })
      .then((p) => {
        if (mine !== seq.current) return;
        setPreview(p);
        setError(null);
      })
      .catch((e) => mine === seq.current && setError(errorText(e)))
      .finally(() => mine === seq.current && setLoading(false));
  }, [file, kind, mapping, values, app.year]);

  const chosen = useMemo(() => (preview ? preview.rows.filter((r) => r.status === 'ok' || (withDuplicates && r.status === 'duplicate')) : []), [preview, withDuplicates]);
  const currentMapping = (): SheetMapping => Object.fromEntries((preview?.columns ?? []).map((c) => [c.key, c.target]));

  const setColumn = (key: string, target: SheetTarget | null) => {
    const next = currentMapping();
    // one column per field: the column that had it gives it up
    if (target) for (const k of Object.keys(next)) if (next[k] === target) next[k] = null;
    next[key] = target;
    setMapping(next);
  };

  const setValue = (field: UnknownValue['field'], text: string, to: string) => setValues((v) => ({ ...v, [field]: { ...(v[field] ?? {}), [text]: to } }));

  const addVillage = async (name: string) => {
    try {
      const unit = await call('unit.get', {});
      if (!unit) return;
      const v = { id: newId('v'), name, kind: villageKindOf(name) };
      const saved = await call('unit.save', { unit: { ...unit, villages: [...unit.villages, v] } });
      app.setUnit(saved);
      message.success(`已添加村（社区）：${name}`);
      setValue('village', name, v.id);
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const commit = async () => {
    if (!preview || !chosen.length) return;
    const n = chosen.length;
    // one write: the bar follows the expected time of a write of this size, and ends when it is done
    setCommitting({ n, percent: 5 });
    const timer = setInterval(() => setCommitting((c) => (c ? { ...c, percent: Math.min(95, c.percent + Math.max(1, 4000 / Math.max(n, 100))) } : c)), 100);
    try {
      const entries = chosen.map((r) => r.fields!);
      const remember = { key: preview.mappingKey, headers: preview.columns.map((c) => c.key), mapping: currentMapping(), values: preview.values };
      const r =
        kind === 'ledger'
          ? await call('ledger.addMany', { year: app.year, entries: entries as never, remember })
          : await call('mediation.addMany', { year: app.year, entries: entries as never, remember });
      setCommitting({ n, percent: 100 });
      onImported(r);
    } catch (e) {
      setError(errorText(e));
    } finally {
      clearInterval(timer);
      setCommitting(null);
    }
  };

  const targetOptions = [
    { value: NOT_IMPORTED, label: '不导入' },
    ...TARGETS_BY_KIND[kind].map((t) => ({ value: t.target, label: `${t.label}${t.required ? '（必填）' : ''}` })),
  ];
  const choicesFor = (field: UnknownValue['field']) =>
    field === 'category'
      ? LEDGER_CATEGORIES.map((c) => ({ value: c.id, label: c.name }))
      : field === 'village'
        ? app.unit.villages.map((v) => ({ value: v.id, label: v.name }))
        : field === 'kind'
          ? MEDIATION_KINDS.map((k) => ({ value: k, label: k }))
          : MEDIATION_OUTCOMES.map((k) => ({ value: k, label: k }));

  const problemRows = preview ? preview.rows.filter((r) => r.status !== 'ok') : [];
  // what the sheet uses that the app did not know, and what the clerk already said it means
  // (kept in the list, so a choice can be changed)
  const valueItems: Array<{ field: UnknownValue['field']; text: string; count: number | null; chosen?: string }> = [
    ...(preview?.unknown ?? []),
    ...(['category', 'village', 'kind', 'outcome'] as const).flatMap((field) =>
      Object.entries(values[field] ?? {})
        .filter(([text]) => !preview?.unknown.some((u) => u.field === field && u.text === text))
        .map(([text, chosen]) => ({ field, text, count: null, chosen })),
    ),
  ];
  const personalLeftOut = preview ? preview.columns.filter((c) => c.personal && !c.target).map((c) => c.key) : [];

  return (
    <Modal
      open={file !== null}
      title={`从Excel导入${SHEET_KIND_LABELS[kind]}：${file?.fileName ?? ''}`}
      width={980}
      onCancel={committing ? undefined : onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose} disabled={Boolean(committing)}>
            取消
          </Button>
          <Button type="primary" disabled={!chosen.length || loading || Boolean(committing)} loading={Boolean(committing)} onClick={() => void commit()} data-testid="sheet-commit">
            导入 {chosen.length} {kind === 'ledger' ? '条' : '起'}
          </Button>
        </Space>
      }
      styles={{ body: { maxHeight: '72vh', overflow: 'auto' } }}
    >
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} data-testid="sheet-error" />}
      {!preview && loading && <Spin description="正在读取表格…" />}
      {committing && (
        <div style={{ marginBottom: 12 }}>
          <Typography.Text>正在写入 {committing.n} 条…</Typography.Text>
          <Progress percent={Math.round(committing.percent)} status="active" />
        </div>
      )}
      {preview && (
        <Spin spinning={loading}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            工作表“{preview.sheetName}”，表头在第 {preview.headerRows.join('、')} 行。
            {preview.mappingSource === 'remembered' ? '列的对应关系沿用上次导入同样表头时的选择。' : preview.mappingSource === 'proposed' ? '已按表头自动对应，请核对。' : ''}
          </Typography.Paragraph>
          <Typography.Title level={5}>1. 核对列的对应关系</Typography.Title>
          <Table<SheetColumn>
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={preview.columns}
            aria-label="列的对应关系"
            columns={[
              { key: 'letter', title: '列', width: 48, render: (_, c) => c.letter },
              {
                key: 'key',
                title: '表头',
                width: 200,
                render: (_, c) => (
                  <span>
                    {c.key}
                    {c.personal && (
                      <Tag color="purple" style={{ marginLeft: 6 }}>
                        个人信息
                      </Tag>
                    )}
                  </span>
                ),
              },
              { key: 'samples', title: '示例', render: (_, c) => <Typography.Text type="secondary">{c.personal ? '（个人信息，不显示）' : c.samples.join('；')}</Typography.Text> },
              {
                key: 'target',
                title: '导入为',
                width: 180,
                render: (_, c) => (
                  <Select
                    aria-label={`“${c.key}”导入为`}
                    style={{ width: 170 }}
                    value={c.target ?? NOT_IMPORTED}
                    options={targetOptions}
                    onChange={(v: string) => setColumn(c.key, v === NOT_IMPORTED ? null : (v as SheetTarget))}
                  />
                ),
              },
            ]}
          />
          {preview.missing.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 8 }}
              title={`请为“${preview.missing.map((t) => targetLabel(kind, t)).join('”“')}”选择对应的列，否则无法导入`}
            />
          )}
          {preview.leftOut.length > 0 && (
            <Typography.Paragraph style={{ marginTop: 8 }} data-testid="sheet-left-out">
              不导入的列：{preview.leftOut.join('、')}
              {personalLeftOut.length > 0 && `（其中${personalLeftOut.join('、')}是个人信息，不会保存到本软件）`}
            </Typography.Paragraph>
          )}

          {valueItems.length > 0 && (
            <>
              <Typography.Title level={5}>2. 表格中有本软件不认识的内容</Typography.Title>
              <Space orientation="vertical" style={{ width: '100%' }}>
                {valueItems.map((u) => (
                  <Space key={`${u.field}-${u.text}`} wrap>
                    <span>
                      {FIELD_LABEL[u.field]}“<b>{u.text}</b>”{u.count !== null ? `（${u.count} 行）` : ''}对应到
                    </span>
                    <Select
                      aria-label={`${FIELD_LABEL[u.field]}“${u.text}”对应到`}
                      placeholder={`选择${FIELD_LABEL[u.field]}`}
                      value={u.chosen}
                      style={{ width: 180 }}
                      showSearch={{ optionFilterProp: 'label' }}
                      options={choicesFor(u.field)}
                      onChange={(v: string) => setValue(u.field, u.text, v)}
                    />
                    {u.field === 'village' && !u.chosen && (
                      <Button size="small" onClick={() => void addVillage(u.text)}>
                        添加为新村（社区）
                      </Button>
                    )}
                  </Space>
                ))}
              </Space>
            </>
          )}

          <Typography.Title level={5} style={{ marginTop: 12 }}>
            {valueItems.length ? '3' : '2'}. 逐行检查结果
          </Typography.Title>
          <Space wrap style={{ marginBottom: 8 }} data-testid="sheet-counts">
            <Tag color="green">可导入 {preview.counts.ok}</Tag>
            <Tag color="red">有问题 {preview.counts.problem}</Tag>
            <Tag color="orange">与已有记录重复 {preview.counts.duplicate}</Tag>
            {preview.counts.blank > 0 && <Tag>空行 {preview.counts.blank}</Tag>}
            {preview.counts.duplicate > 0 && (
              <Checkbox checked={withDuplicates} onChange={(e) => setWithDuplicates(e.target.checked)}>
                重复的行也导入
              </Checkbox>
            )}
          </Space>
          {preview.notes.map((n) => (
            <div key={n}>
              <Typography.Text type="secondary">{n}</Typography.Text>
            </div>
          ))}
          {problemRows.length > 0 ? (
            <Table<SheetRow>
              size="small"
              rowKey="row"
              style={{ marginTop: 8 }}
              aria-label="有问题的行"
              dataSource={problemRows}
              pagination={problemRows.length > 8 ? { pageSize: 8, showSizeChanger: false } : false}
              columns={[
                { key: 'row', title: '行', width: 56, render: (_, r) => `第${r.row}行` },
                { key: 'status', title: '', width: 72, render: (_, r) => <Tag color={STATUS[r.status].color}>{STATUS[r.status].label}</Tag> },
                {
                  key: 'cells',
                  title: '内容',
                  width: 300,
                  render: (_, r) => <Typography.Text type="secondary">{Object.values(r.cells).join(' · ').slice(0, 80)}</Typography.Text>,
                },
                { key: 'problems', title: '原因', render: (_, r) => r.problems.join('；') },
              ]}
            />
          ) : (
            <Alert type="success" showIcon style={{ marginTop: 8 }} title={`全部 ${preview.counts.ok} 行都可以导入`} />
          )}
        </Spin>
      )}
    </Modal>
  );
}
