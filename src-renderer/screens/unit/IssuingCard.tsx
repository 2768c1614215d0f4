/**
 * 单位设置 → 报送件: the 联合发文机关 of a joint 报送件 and which of the two leads (GB/T 9704 §10: the
 * 主办机关 first), and the 发文机关标志 when it is a standard short name. The 导出 screen offers 联合行文
 * once a joint issuer is set here; the last 发文字号 and 抄送 are remembered on export, not typed.
 */
import { Card, Form, Input, Radio } from 'antd';
import { ISSUANCE_LIMITS, ISSUING_DEFAULTS } from '../../../src-shared/domain/issuanceVocabulary';
import type { UnitScreenState } from './useUnitScreen';
import { LimitedInput } from '../../components/LimitedInput';

export function IssuingCard({ s }: { s: UnitScreenState }) {
  const { draft, patch, step } = s;
  const habits = { ...ISSUING_DEFAULTS, ...(draft.issuing ?? {}) };
  return (
    <Card title="报送件（红头文件）" size="small" style={{ marginTop: 16 }}>
      <Form layout="vertical" requiredMark={false}>
        <Form.Item label="发文机关标志" extra="留空时使用单位全称；可用规范化简称">
          <LimitedInput
            aria-label="发文机关标志"
            value={habits.issuerMark}
            maxLength={ISSUANCE_LIMITS.issuerMark}
            placeholder={draft.fullName}
            onChange={(e) => patch({ issuing: { ...habits, issuerMark: e.target.value } })}
          />
        </Form.Item>
        <Form.Item label="联合发文机关" extra="如党委、政府联合报送时填写，如：中共横街镇委员会">
          <LimitedInput
            aria-label="联合发文机关"
            value={habits.jointIssuer}
            maxLength={ISSUANCE_LIMITS.printer}
            onChange={(e) => patch({ issuing: { ...habits, jointIssuer: e.target.value } })}
          />
        </Form.Item>
        {habits.jointIssuer.trim() && (
          <Form.Item label="主办机关（排列在前）">
            <Radio.Group
              aria-label="主办机关"
              value={habits.jointLeads}
              onChange={(e) => step({ issuing: { ...habits, jointLeads: e.target.value as boolean } })}
              options={[
                { value: true, label: habits.jointIssuer },
                { value: false, label: habits.issuerMark || draft.fullName },
              ]}
            />
          </Form.Item>
        )}
      </Form>
    </Card>
  );
}
