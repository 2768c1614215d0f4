import { useEffect, useRef, useState } from 'react';
import { Button, Input, Popconfirm, Tag, Tooltip, Typography } from 'antd';
import { CheckOutlined, CloseCircleOutlined, DeleteOutlined, LinkOutlined, LoadingOutlined } from '@ant-design/icons';
import type { IndicatorRow } from '../../../src-shared/contract';
import { formatNumber } from '../../../src-shared/report/render';
import { errorText } from '../../components/errors';
import { checkIndicatorInput, formatIndicatorValue } from './validate';
import { LIMITS } from '../../../src-shared/domain/limits';

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string };

interface Props {
  row: IndicatorRow;
  /** persists; resolves with the service's view of the row */
  save: (id: string, value: number | null, wording: string) => Promise<IndicatorRow>;
  /** where a computed figure comes from, when it can be opened */
  openOrigin?: () => void;
  /** custom indicators only: removes the definition; throws the service's refusal */
  onRemove?: () => Promise<void>;
}

/** One indicator: figure (or its computed value), wording, last year, save state. Saves on blur/Enter. */
export function IndicatorField({ row, save, openOrigin, onRemove }: Props) {
  const { def } = row;
  const [text, setText] = useState(formatIndicatorValue(row.value));
  const [wording, setWording] = useState(row.wording);
  const [invalid, setInvalid] = useState<string | null>(null);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [removeError, setRemoveError] = useState<string | null>(null);
  const editing = useRef(false);

  // a reload (another field changed a rate, or the year changed) refreshes what is not being typed
  useEffect(() => {
    if (!editing.current) {
      setText(formatIndicatorValue(row.value));
      setWording(row.wording);
    }
  }, [row.value, row.wording]);

  // a refusal (“a rate uses it”) may no longer hold once the list is reloaded after any change
  useEffect(() => setRemoveError(null), [row]);

  const commit = async () => {
    editing.current = false;
    let value: number | null = null;
    if (!row.computed) {
      const c = checkIndicatorInput(text, def.measure);
      if (!c.ok) {
        setInvalid(c.error);
        return;
      }
      value = c.value;
      setText(formatIndicatorValue(c.value));
    }
    setInvalid(null);
    const w = wording.trim();
    if ((row.computed || value === row.value) && w === row.wording) return;
    setState({ kind: 'saving' });
    try {
      await save(def.id, row.computed ? null : value, w);
      setState({ kind: 'saved' });
    } catch (err) {
      setState({ kind: 'failed', message: errorText(err) });
    }
  };

  // Enter saves (through blur) and moves on to the next figure to type, as the ledger does
  const onKey = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const here = e.target as HTMLInputElement;
    const next = [...document.querySelectorAll<HTMLInputElement>('input[data-ind-value]')].find(
      (el) => here.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING,
    );
    if (next) {
      next.focus();
      next.select();
      next.scrollIntoView({ block: 'nearest' });
    } else here.blur();
  };

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
            onConfirm={async () => {
              setRemoveError(null);
              try {
                await onRemove();
              } catch (err) {
                setRemoveError(errorText(err));
              }
            }}
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
            value={text}
            status={invalid ? 'error' : undefined}
            suffix={<span className="muted">{def.measure}</span>}
            inputMode="decimal"
            data-ind-value=""
            onChange={(e) => {
              editing.current = true;
              setText(e.target.value);
              if (invalid) setInvalid(null);
            }}
            onBlur={() => void commit()}
            onKeyDown={onKey}
          />
        )}
        {invalid && (
          <Typography.Text type="danger" className="ind-error" role="alert">
            {invalid}
          </Typography.Text>
        )}
      </div>
      <div className="ind-wording">
        <Input
          aria-label={`${def.name}的表述`}
          placeholder="表述，如“40余”"
          value={wording}
          maxLength={LIMITS.indicatorWording}
          onChange={(e) => {
            editing.current = true;
            setWording(e.target.value);
          }}
          onBlur={() => void commit()}
          onKeyDown={onKey}
        />
      </div>
      <div className="ind-last muted">
        {row.lastYear === null ? '—' : `${formatNumber(row.lastYear)}${def.measure}`}
      </div>
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
      </div>
      {(row.problem || state.kind === 'failed') && (
        <div className="ind-problem">
          <Typography.Text type={state.kind === 'failed' ? 'danger' : 'warning'}>
            {state.kind === 'failed' ? state.message : row.problem}
          </Typography.Text>
        </div>
      )}
      {removeError && (
        <div className="ind-problem" role="alert">
          <Typography.Text type="danger">未能删除：{removeError}</Typography.Text>
        </div>
      )}
    </div>
  );
}
