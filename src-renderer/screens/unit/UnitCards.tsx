/** The cards of 单位设置: basic information, leaders, villages. */
import { Button, Card, Col, Form, Input, Radio, Row, Select, Space, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { FONT_PRESETS, FONT_PRESET_LABELS, UNIT_KINDS, VILLAGE_KINDS } from '../../../src-shared/domain/vocabulary';
import { LIMITS } from '../../../src-shared/domain/limits';
import type { UnitScreenState } from './useUnitScreen';

type S = { s: UnitScreenState };

export function BasicsCard({ s }: S) {
  const { draft, patch, step } = s;
  return (
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
              <Radio.Group value={draft.kind} options={UNIT_KINDS.map((k) => ({ value: k, label: k }))} onChange={(e) => step({ kind: e.target.value })} />
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
  );
}

export function LeadersCard({ s }: S) {
  const { draft, patch, step } = s;
  return (
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
  );
}

export function VillagesCard({ s }: S) {
  const { draft, patch, savedIds } = s;
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
              onChange={(k) => s.setVillages(draft.villages.map((x) => (x.id === v.id ? { ...x, kind: k } : x)))}
            />
            <Button type="text" size="small" icon={<ArrowUpOutlined />} aria-label="上移" disabled={i === 0} onClick={() => s.move(i, -1)} />
            <Button type="text" size="small" icon={<ArrowDownOutlined />} aria-label="下移" disabled={i === draft.villages.length - 1} onClick={() => s.move(i, 1)} />
            <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={`删除${v.name}`} onClick={() => s.askRemove(v)} />
          </div>
        ))}
      </div>
    </Card>
  );
}
