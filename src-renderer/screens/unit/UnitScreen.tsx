/** 单位设置. State and actions: useUnitScreen; the cards: UnitCards. */
import { useRef } from 'react';
import { Alert, Button, Col, Modal, Row, Select, Spin, Typography } from 'antd';
import type { UnitDrafts } from '../../../src-shared/domain/unit';
import { useMethodQuery } from '../../api/queries';
import { BasicsCard, LeadersCard, VillagesCard } from './UnitCards';
import { IssuingCard } from './IssuingCard';
import { CLEAR, useUnitScreen, type UnitScreenState } from './useUnitScreen';

/** The incomplete rows kept from the last visit are read (fresh) before the form starts from them. */
export function UnitScreen() {
  const drafts = useMethodQuery('unit.drafts', {});
  // read once when the screen opens; the form's own draft saves refresh the cache, not the form
  const started = useRef(false);
  if (!started.current && drafts.isFetching && !drafts.isError) return <Spin style={{ margin: 48 }} />;
  started.current = true;
  return <UnitForm drafts={drafts.data ?? null} />;
}

function UnitForm({ drafts }: { drafts: UnitDrafts | null }) {
  const s = useUnitScreen(drafts);
  const { saveState, savedAt } = s;
  return (
    <div style={{ maxWidth: 1080 }}>
      <h2 className="screen-title">单位设置</h2>
      <Row gutter={16}>
        <Col span={12}>
          <BasicsCard s={s} />
          <LeadersCard s={s} />
        </Col>
        <Col span={12}>
          <VillagesCard s={s} />
          <IssuingCard s={s} />
        </Col>
      </Row>
      <div style={{ marginTop: 16, display: 'flex', alignItems: 'center', gap: 16 }}>
        <Button type="primary" size="large" loading={saveState.kind === 'saving'} onClick={() => void s.flush()}>
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
      <RemoveVillageDialog s={s} />
    </div>
  );
}

/** A saved village goes only once the clerk says where its records go. */
function RemoveVillageDialog({ s }: { s: UnitScreenState }) {
  const { removing } = s;
  return (
    <Modal
      open={removing !== null}
      title={`删除“${removing?.name ?? ''}”`}
      okText="删除"
      okButtonProps={{ danger: true }}
      confirmLoading={s.removePending}
      cancelText="取消"
      onOk={() => void s.confirmRemove()}
      onCancel={s.cancelRemove}
    >
      <p>该村（社区）已有的台账和调解案件记录如何处理？</p>
      <Select
        aria-label="记录转入"
        style={{ width: '100%' }}
        value={s.reassignTo}
        onChange={s.setReassignTo}
        options={[{ value: CLEAR, label: '保留记录，改为“未指定村（社区）”' }, ...s.otherVillages.map((v) => ({ value: v.id, label: `转入：${v.name}` }))]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        删除会立即生效。
      </Typography.Paragraph>
      {s.removeError && <Alert type="error" showIcon title={`未能删除：${s.removeError}`} role="alert" />}
    </Modal>
  );
}
