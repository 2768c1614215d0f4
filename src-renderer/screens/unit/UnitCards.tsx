/** The cards of 单位设置: basic information, leaders, villages; a row held back from the autosave says why. */
import type React from 'react';
import { Button, Card, Col, Form, Input, Radio, Row, Select, Space, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { FONT_PRESETS, FONT_PRESET_LABELS, UNIT_KINDS, VILLAGE_KINDS } from '../../../src-shared/domain/vocabulary';
import { LIMITS } from '../../../src-shared/domain/limits';
import type { Leader } from '../../../src-shared/domain/unit';
import { UNIT_TEXT_FIELDS, type UnitTextKey } from '../../../src-shared/domain/unitDraft';
import type { UnitScreenState } from './useUnitScreen';
import { LimitedInput } from '../../components/LimitedInput';

type S = { s: UnitScreenState };

/** A field whose typed value is not saved as shown: the reason under it, in the warning colour. */
const heldHelp = (reason: string | undefined) => (reason ? { validateStatus: 'warning' as const, help: reason } : {});

/** Under a row held back from the autosave: why, and that the rest of the form is saved. */
function HeldNote({ reason, id }: { reason: string | undefined; id: string }) {
  if (!reason) return null;
  return (
    <Typography.Text type="warning" id={id} className="unit-held" role="note">
      {reason}
    </Typography.Text>
  );
}

/** One of the unit's text fields, drawn from its declaration (UNIT_TEXT_FIELDS). */
function UnitTextInput({ s, k, placeholder }: S & { k: UnitTextKey; placeholder?: string }) {
  const f: { label: string; max: number; extra?: string; placeholder?: string } = UNIT_TEXT_FIELDS[k];
  const held = k === 'shortName' || k === 'fullName' ? s.held.fields[k] : undefined;
  return (
    <Form.Item label={f.label} extra={f.extra} {...heldHelp(held)}>
      <LimitedInput aria-label={f.label} value={s.draft[k]} maxLength={f.max} placeholder={placeholder ?? f.placeholder} onChange={(e) => s.patch({ [k]: e.target.value })} />
    </Form.Item>
  );
}

export function BasicsCard({ s }: S) {
  const { draft, step } = s;
  return (
    <Card title="基本信息" size="small">
      <Form layout="vertical" requiredMark={false}>
        <Row gutter={12}>
          <Col span={10}>
            <UnitTextInput s={s} k="shortName" />
          </Col>
          <Col span={14}>
            <Form.Item label="类型">
              <Radio.Group value={draft.kind} options={UNIT_KINDS.map((k) => ({ value: k, label: k }))} onChange={(e) => step({ kind: e.target.value })} />
            </Form.Item>
          </Col>
        </Row>
        <UnitTextInput s={s} k="fullName" />
        <UnitTextInput s={s} k="recipient" />
        <UnitTextInput s={s} k="signatureName" placeholder={draft.fullName} />
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
  );
}

export function LeadersCard({ s }: S) {
  const { draft, patch, step } = s;
  const setLeader = (i: number, p: Partial<Leader>) => patch({ leaders: draft.leaders.map((x, j) => (j === i ? { ...x, ...p } : x)) });
  const onEnter = (i: number, field: 'role' | 'name') => (e: React.KeyboardEvent) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    s.leaderEnter(i, field);
  };
  return (
    <Card
      title="主要负责人"
      size="small"
      style={{ marginTop: 16 }}
      extra={
        <Button size="small" icon={<PlusOutlined />} aria-label="添加负责人" onClick={s.addLeader}>
          添加
        </Button>
      }
    >
      {draft.leaders.length === 0 && <Typography.Text type="secondary">尚未填写（如：党委书记、镇长）</Typography.Text>}
      {draft.leaders.map((l, i) => {
        const reason = s.held.leaders[i];
        const note = `leader-held-${i}`;
        return (
          <div key={i} style={{ marginBottom: 8 }}>
            <Space style={{ display: 'flex' }}>
              <LimitedInput
                aria-label={`第${i + 1}位负责人职务`}
                data-unit-field={`leader-role-${i}`}
                placeholder="职务，如：党委书记"
                value={l.role}
                maxLength={LIMITS.leaderRole}
                status={reason && !l.role.trim() ? 'warning' : undefined}
                aria-describedby={reason ? note : undefined}
                style={{ width: 200 }}
                onChange={(e) => setLeader(i, { role: e.target.value })}
                onKeyDown={onEnter(i, 'role')}
              />
              <LimitedInput
                aria-label={`第${i + 1}位负责人姓名`}
                data-unit-field={`leader-name-${i}`}
                placeholder="姓名"
                value={l.name}
                maxLength={LIMITS.leaderName}
                status={reason && !l.name.trim() ? 'warning' : undefined}
                aria-describedby={reason ? note : undefined}
                style={{ width: 140 }}
                onChange={(e) => setLeader(i, { name: e.target.value })}
                onKeyDown={onEnter(i, 'name')}
              />
              <Button type="text" danger icon={<DeleteOutlined />} aria-label="删除负责人" onClick={() => step({ leaders: draft.leaders.filter((_, j) => j !== i) })} />
            </Space>
            <HeldNote reason={reason} id={note} />
          </div>
        );
      })}
    </Card>
  );
}

export function VillagesCard({ s }: S) {
  const { draft } = s;
  return (
    <Card
      title={`村（社区）（${draft.villages.length}个）`}
      size="small"
      extra={
        <Button size="small" icon={<PlusOutlined />} onClick={s.addVillage}>
          添加村（社区）
        </Button>
      }
    >
      <div style={{ maxHeight: 560, overflow: 'auto' }}>
        {draft.villages.length === 0 && <Typography.Text type="secondary">尚无村（社区）</Typography.Text>}
        {draft.villages.map((v, i) => {
          const reason = s.held.villages[v.id];
          const note = `village-held-${v.id}`;
          return (
            <div key={v.id}>
              <div className="village-row">
                <span className="muted" style={{ width: 24, textAlign: 'right' }}>
                  {i + 1}
                </span>
                <LimitedInput
                  aria-label={`第${i + 1}个村（社区）名称`}
                  data-unit-field={`village-${v.id}`}
                  value={v.name}
                  maxLength={LIMITS.villageName}
                  placeholder="名称"
                  status={reason ? 'warning' : undefined}
                  aria-describedby={reason ? note : undefined}
                  onChange={(e) => s.typeVillageName(v.id, e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key !== 'Enter') return;
                    e.preventDefault();
                    s.villageEnter(v.id);
                  }}
                  onPaste={(e) => {
                    const el = e.currentTarget;
                    const at = { start: el.selectionStart ?? el.value.length, end: el.selectionEnd ?? el.value.length };
                    if (s.pasteVillages(v.id, e.clipboardData.getData('text/plain'), at)) e.preventDefault();
                  }}
                  style={{ flex: 1 }}
                />
                <Select
                  aria-label={`第${i + 1}个村（社区）类型`}
                  value={v.kind}
                  style={{ width: 80 }}
                  options={VILLAGE_KINDS.map((k) => ({ value: k, label: k }))}
                  onChange={(k) => s.setVillages(draft.villages.map((x) => (x.id === v.id ? { ...x, kind: k } : x)))}
                />
                <Button type="text" size="small" icon={<ArrowUpOutlined />} aria-label="上移" disabled={i === 0} onClick={() => s.move(i, -1)} />
                <Button type="text" size="small" icon={<ArrowDownOutlined />} aria-label="下移" disabled={i === draft.villages.length - 1} onClick={() => s.move(i, 1)} />
                <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={`删除${v.name}`} onClick={() => s.askRemove(v)} />
              </div>
              <HeldNote reason={reason} id={note} />
            </div>
          );
        })}
      </div>
    </Card>
  );
}
