import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Col, Form, Input, Modal, Radio, Row, Select, Space, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { FONT_PRESETS, FONT_PRESET_LABELS, UNIT_KINDS, VILLAGE_KINDS } from '../../../src-shared/domain/vocabulary';
import type { Unit, Village } from '../../../src-shared/domain/unit';
import { call } from '../../api/client';
import { errorText } from '../../components/errors';
import { useApp } from '../../state/app';
import { newId } from '../../../src-shared/ids';
import { useAutosave } from '../report/useAutosave';
import { typingTarget } from '../../components/typingTarget';
import { LIMITS } from '../../../src-shared/domain/limits';

const CLEAR = '__clear__';

/**
 * The unit being saved right now. Leaving the screen sends the last edits as it unmounts; coming
 * back before that save has answered must show them, not the shell's older copy.
 */
let sending: Unit | null = null;

export function UnitScreen() {
  const app = useApp();
  const { message } = AntApp.useApp();
  const [draft, setDraft] = useState<Unit>(() => sending ?? app.unit);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Village | null>(null);
  const [reassignTo, setReassignTo] = useState<string>(CLEAR);
  const savedIds = new Set(app.unit.villages.map((v) => v.id));
  const { setUnit } = app;

  // What autosave sends: the draft without the rows just added and still blank (a new village
  // or leader row the clerk has not typed into yet is not a change). Its identity changes only
  // with its content, so a save that refreshes app.unit does not trigger another one.
  const sendableJson = JSON.stringify({
    ...draft,
    villages: draft.villages.filter((v) => v.name.trim() || savedIds.has(v.id)),
    leaders: draft.leaders.filter((l) => l.role.trim() || l.name.trim()),
  });
  const sendable = useMemo(() => JSON.parse(sendableJson) as Unit, [sendableJson]);
  const saveUnit = useCallback(
    async (u: Unit) => {
      sending = u;
      let unit: Unit;
      try {
        unit = await call('unit.save', { unit: u });
      } finally {
        if (sending === u) sending = null;
      }
      // the shell's copy (names in the ledger, the header); the draft stays as typed
      setUnit(unit);
      setSavedAt(new Date().toLocaleTimeString('zh-CN'));
    },
    [setUnit],
  );
  // 单位设置 saves itself like every other screen: a rename is never lost by going elsewhere
  const { state: saveState, flush } = useAutosave(sendable, saveUnit, errorText, 800, '单位设置');

  const patch = (p: Partial<Unit>) => setDraft((d) => ({ ...d, ...p }));

  // Changes made with the mouse (a row added, deleted or moved, a choice) are saved at once, so
  // Ctrl+Z outside a text box takes them back; typing has each box's own undo.
  const past = useRef<Unit[]>([]);
  const draftRef = useRef(draft);
  draftRef.current = draft;
  const step = (p: Partial<Unit>) => {
    past.current.push(draftRef.current);
    if (past.current.length > 100) past.current.shift();
    patch(p);
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'z') return;
      if (e.defaultPrevented || typingTarget(e.target)) return;
      const prev = past.current.pop();
      if (!prev) return;
      e.preventDefault();
      setDraft(prev);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const setVillages = (villages: Village[]) => step({ villages });
  const move = (i: number, by: -1 | 1) => {
    const vs = draft.villages.slice();
    const j = i + by;
    if (j < 0 || j >= vs.length) return;
    [vs[i], vs[j]] = [vs[j]!, vs[i]!];
    setVillages(vs);
  };


  const askRemove = (v: Village) => {
    if (!savedIds.has(v.id)) {
      // never saved: nothing refers to it yet
      setVillages(draft.villages.filter((x) => x.id !== v.id));
      return;
    }
    setReassignTo(CLEAR);
    setRemoving(v);
  };

  const confirmRemove = async () => {
    if (!removing) return;
    try {
      const r = await call('unit.removeVillage', { villageId: removing.id, reassignTo: reassignTo === CLEAR ? null : reassignTo });
      app.setUnit(r.unit);
      // keep the clerk's other unsaved edits; only the village goes
      setDraft((d) => ({ ...d, villages: d.villages.filter((x) => x.id !== removing.id) }));
      // its records have moved: an undo must not bring the village back without them
      past.current = [];
      message.success(`已删除“${removing.name}”，${r.moved} 条记录已${reassignTo === CLEAR ? '改为未指定村（社区）' : '转入所选村（社区）'}`);
      setRemoving(null);
    } catch (err) {
      message.error(errorText(err));
    }
  };

  return (
    <div style={{ maxWidth: 1080 }}>
      <h2 className="screen-title">单位设置</h2>
      <Row gutter={16}>
        <Col span={12}>
          <Card title="基本信息" size="small">
            <Form layout="vertical" requiredMark={false}>
              <Row gutter={12}>
                <Col span={10}>
                  <Form.Item label="单位简称">
                    <Input aria-label="单位简称" value={draft.shortName} maxLength={LIMITS.unitShortName} onChange={(e) => patch({ shortName: e.target.value })} />
                  </Form.Item>
                </Col>
                <Col span={14}>
                  <Form.Item label="类型">
                    <Radio.Group
                      value={draft.kind}
                      options={UNIT_KINDS.map((k) => ({ value: k, label: k }))}
                      onChange={(e) => step({ kind: e.target.value })}
                    />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item label="单位全称">
                <Input aria-label="单位全称" value={draft.fullName} maxLength={LIMITS.unitFullName} onChange={(e) => patch({ fullName: e.target.value })} />
              </Form.Item>
              <Form.Item label="主送机关" extra="印在正文上方；不需要时留空">
                <Input aria-label="主送机关" value={draft.recipient} maxLength={LIMITS.recipient} placeholder="如：区委全面依法治区委员会办公室" onChange={(e) => patch({ recipient: e.target.value })} />
              </Form.Item>
              <Form.Item label="落款单位" extra="留空时使用单位全称">
                <Input aria-label="落款单位" value={draft.signatureName} maxLength={LIMITS.signatureName} placeholder={draft.fullName} onChange={(e) => patch({ signatureName: e.target.value })} />
              </Form.Item>
              <Form.Item label="字体方案">
                <Radio.Group
                  orientation="vertical"
                  value={draft.fontPreset}
                  options={FONT_PRESETS.map((p) => ({ value: p, label: FONT_PRESET_LABELS[p] }))}
                  onChange={(e) => step({ fontPreset: e.target.value })}
                />
              </Form.Item>
            </Form>
          </Card>
          <Card
            title="主要负责人"
            size="small"
            style={{ marginTop: 16 }}
            extra={
              <Button size="small" icon={<PlusOutlined />} onClick={() => step({ leaders: [...draft.leaders, { role: '', name: '' }] })}>
                添加
              </Button>
            }
          >
            {draft.leaders.length === 0 && <Typography.Text type="secondary">尚未填写（如：党委书记、镇长）</Typography.Text>}
            {draft.leaders.map((l, i) => (
              <Space key={i} style={{ display: 'flex', marginBottom: 8 }}>
                <Input
                  aria-label={`第${i + 1}位负责人职务`}
                  placeholder="职务，如：党委书记"
                  value={l.role}
                  style={{ width: 200 }}
                  onChange={(e) => patch({ leaders: draft.leaders.map((x, j) => (j === i ? { ...x, role: e.target.value } : x)) })}
                />
                <Input
                  aria-label={`第${i + 1}位负责人姓名`}
                  placeholder="姓名"
                  value={l.name}
                  style={{ width: 140 }}
                  onChange={(e) => patch({ leaders: draft.leaders.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)) })}
                />
                <Button type="text" danger icon={<DeleteOutlined />} aria-label="删除负责人" onClick={() => step({ leaders: draft.leaders.filter((_, j) => j !== i) })} />
              </Space>
            ))}
          </Card>
        </Col>
        <Col span={12}>
          <Card
            title={`村（社区）（${draft.villages.length}个）`}
            size="small"
            extra={
              <Button
                size="small"
                icon={<PlusOutlined />}
                onClick={() => setVillages([...draft.villages, { id: newId('v'), name: '', kind: '村' }])}
              >
                添加村（社区）
              </Button>
            }
          >
            <div style={{ maxHeight: 560, overflow: 'auto' }}>
              {draft.villages.length === 0 && <Typography.Text type="secondary">尚无村（社区）</Typography.Text>}
              {draft.villages.map((v, i) => (
                <div key={v.id} className="village-row">
                  <span className="muted" style={{ width: 24, textAlign: 'right' }}>
                    {i + 1}
                  </span>
                  <Input
                    aria-label={`第${i + 1}个村（社区）名称`}
                    value={v.name}
                    maxLength={LIMITS.villageName}
                    placeholder="名称"
                    autoFocus={!v.name && !savedIds.has(v.id)}
                    onChange={(e) => patch({ villages: draft.villages.map((x) => (x.id === v.id ? { ...x, name: e.target.value } : x)) })}
                    style={{ flex: 1 }}
                  />
                  <Select
                    aria-label={`第${i + 1}个村（社区）类型`}
                    value={v.kind}
                    style={{ width: 80 }}
                    options={VILLAGE_KINDS.map((k) => ({ value: k, label: k }))}
                    onChange={(k) => setVillages(draft.villages.map((x) => (x.id === v.id ? { ...x, kind: k } : x)))}
                  />
                  <Button type="text" size="small" icon={<ArrowUpOutlined />} aria-label="上移" disabled={i === 0} onClick={() => move(i, -1)} />
                  <Button type="text" size="small" icon={<ArrowDownOutlined />} aria-label="下移" disabled={i === draft.villages.length - 1} onClick={() => move(i, 1)} />
                  <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={`删除${v.name}`} onClick={() => askRemove(v)} />
                </div>
              ))}
            </div>
          </Card>
        </Col>
      </Row>
      <div style={{ marginTop: 16, display: 'flex', alignItems: 'center', gap: 16 }}>
        <Button type="primary" size="large" loading={saveState.kind === 'saving'} onClick={() => void flush()}>
          保存单位设置
        </Button>
        {saveState.kind === 'saving' && (
          <Typography.Text type="secondary" role="status">
            保存中…
          </Typography.Text>
        )}
        {saveState.kind === 'saved' && (
          <Typography.Text type={savedAt ? 'success' : 'secondary'} role="status">
            {savedAt ? `已保存（${savedAt}）` : '修改会自动保存'}
          </Typography.Text>
        )}
        {saveState.kind === 'error' && <Alert type="error" showIcon title={`未能保存：${saveState.message}`} role="alert" />}
      </div>
      <Modal
        open={removing !== null}
        title={`删除“${removing?.name ?? ''}”`}
        okText="删除"
        okButtonProps={{ danger: true }}
        cancelText="取消"
        onOk={() => void confirmRemove()}
        onCancel={() => setRemoving(null)}
      >
        <p>该村（社区）已有的台账和调解案件记录如何处理？</p>
        <Select
          aria-label="记录转入"
          style={{ width: '100%' }}
          value={reassignTo}
          onChange={setReassignTo}
          options={[
            { value: CLEAR, label: '保留记录，改为“未指定村（社区）”' },
            ...app.unit.villages.filter((v) => v.id !== removing?.id).map((v) => ({ value: v.id, label: `转入：${v.name}` })),
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          删除会立即生效。
        </Typography.Paragraph>
      </Modal>
    </div>
  );
}
