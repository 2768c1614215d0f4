/**
 * One indicator: figure (or its computed value), wording, last year, save state. Saves on blur/Enter.
 * State and actions: useIndicatorField.
 */
import { Button, Input, Popconfirm, Tag, Tooltip, Typography } from 'antd';
import { CheckOutlined, CloseCircleOutlined, DeleteOutlined, LinkOutlined, LoadingOutlined } from '@ant-design/icons';
import { formatNumber } from '../../../src-shared/report/printedReport';
import { LIMITS } from '../../../src-shared/domain/limits';
import { useIndicatorField, type IndicatorFieldProps, type SaveState } from './useIndicatorField';
import { LimitedInput } from '../../components/LimitedInput';

export function IndicatorField(props: IndicatorFieldProps) {
  const { row, openOrigin, onRemove } = props;
  const { def } = row;
  const f = useIndicatorField(props);
  const { state } = f;

  return (
    <div className="ind-row" data-testid={`indicator-${def.id}`}>
      <div className="ind-name">
        {def.name}
        {/* inside the 自定义 group the group says it already */}
        {!def.builtIn && def.area !== '自定义' && (
          <Tag style={{ marginLeft: 6 }} color="purple">
            自定义
          </Tag>
        )}
        {onRemove && (
          <Popconfirm
            title={`删除自定义指标：${def.name}？`}
            description="删除后各年度都不再显示这项指标。"
            okText="删除"
            okButtonProps={{ danger: true }}
            onConfirm={f.remove}
          >
            {/* no tooltip: it would sit on top of the confirmation's buttons */}
            <Button type="text" size="small" aria-label={`删除${def.name}`} icon={<DeleteOutlined />} className="muted" style={{ marginLeft: 4 }} />
          </Popconfirm>
        )}
      </div>
      <div className="ind-value">
        {row.computed ? (
          <div className="ind-computed" aria-label={`${def.name}（自动计算）`}>
            <b>{row.value === null ? '—' : formatNumber(row.value)}</b> <span className="muted">{def.measure}</span>
          </div>
        ) : (
          <Input
            aria-label={def.name}
            value={f.text}
            status={f.invalid ? 'error' : undefined}
            aria-invalid={f.invalid ? true : undefined}
            suffix={<span className="muted">{def.measure}</span>}
            inputMode="decimal"
            data-ind-value=""
            onChange={(e) => f.typeValue(e.target.value)}
            onBlur={() => void f.commit()}
            onKeyDown={f.onKey}
          />
        )}
        {f.invalid && (
          <Typography.Text type="danger" className="ind-error" role="alert">
            {f.invalid}
          </Typography.Text>
        )}
      </div>
      <div className="ind-wording">
        <LimitedInput
          aria-label={`${def.name}的表述`}
          placeholder="表述，如“40余”"
          value={f.wording}
          maxLength={LIMITS.indicatorWording}
          onChange={(e) => f.typeWording(e.target.value)}
          onBlur={() => void f.commit()}
          onKeyDown={f.onKey}
        />
      </div>
      <div className="ind-last muted">{row.lastYear === null ? '—' : `${formatNumber(row.lastYear)}${def.measure}`}</div>
      <div className="ind-origin">
        {row.computed ? (
          openOrigin ? (
            <Tooltip title="点击查看来源记录">
              <Tag color="geekblue" style={{ cursor: 'pointer' }} onClick={openOrigin} icon={<LinkOutlined />}>
                {row.origin}
              </Tag>
            </Tooltip>
          ) : (
            <Tag color="geekblue">{row.origin}</Tag>
          )
        ) : (
          <Tag>手工填报</Tag>
        )}
        <SaveNote state={state} />
      </div>
      {(row.problem || state.kind === 'failed') && (
        <div className="ind-problem">
          <Typography.Text type={state.kind === 'failed' ? 'danger' : 'warning'}>{state.kind === 'failed' ? state.message : row.problem}</Typography.Text>
        </div>
      )}
      {f.removeError && (
        <div className="ind-problem" role="alert">
          <Typography.Text type="danger">未能删除：{f.removeError}</Typography.Text>
        </div>
      )}
    </div>
  );
}

function SaveNote({ state }: { state: SaveState }) {
  return (
    <span className="save-state" aria-live="polite">
      {state.kind === 'saving' && (
        <span className="muted">
          <LoadingOutlined /> 保存中
        </span>
      )}
      {state.kind === 'saved' && (
        <Typography.Text type="success">
          <CheckOutlined /> 已保存
        </Typography.Text>
      )}
      {state.kind === 'failed' && (
        <Tooltip title={state.message}>
          <Typography.Text type="danger">
            <CloseCircleOutlined /> 保存失败
          </Typography.Text>
        </Tooltip>
      )}
    </span>
  );
}
