import { Button, Col, Progress, Row, Space, Statistic, Tag } from 'antd';
import { CheckCircleFilled, ExclamationCircleOutlined, MinusCircleOutlined } from '@ant-design/icons';
import type { Overview } from '../../../src-shared/contract';
import { PART_STATUSES } from '../../../src-shared/domain/vocabulary';
import { chineseDate } from '../../../src-shared/report/printedReport';
import { PART_STATUS_COLOR } from '../../components/partStatus';
import type { ScreenKey } from '../../state/app';
import { excerptNote } from '../../components/findingExcerpt';
import { useIndicatorNames } from '../../components/useIndicatorNames';
import { Panel } from '../../components/Panel';
import { Txt } from '../../components/Text';

/** Deadline, indicators filled, the report's progress. */
export function OverviewSummary({ data, go }: { data: Overview; go: (s: ScreenKey) => void }) {
  return (
    <Row gutter={16}>
      <Col span={8}>
        <Panel title="报送期限" style={{ height: '100%' }}>
          <DeadlineFigure deadline={data.deadline} />
          <div className="muted" style={{ marginTop: 8 }}>
            报送截止：{chineseDate(data.deadline.due)}（{data.deadline.dueRule}）
            <br />
            向社会公开：{chineseDate(data.deadline.publishBy)}前
          </div>
        </Panel>
      </Col>
      <Col span={8}>
        <Panel title="指标填报" style={{ height: '100%' }}>
          <Progress
            type="circle"
            size={96}
            percent={data.indicators.total ? Math.round((data.indicators.filled / data.indicators.total) * 100) : 0}
          />
          <div style={{ marginTop: 8 }}>
            已填 <b data-testid="indicators-filled">{data.indicators.filled}</b> / {data.indicators.total} 项
            <Button type="link" size="small" onClick={() => go('indicators')}>
              去填报
            </Button>
          </div>
        </Panel>
      </Col>
      <Col span={8}>
        <Panel title="报告进度" style={{ height: '100%' }}>
          <Space wrap>
            {PART_STATUSES.map((s) => (
              <Tag key={s} color={PART_STATUS_COLOR[s]} style={{ fontSize: 14, padding: '4px 10px' }}>
                {s} {data.parts[s] ?? 0}
              </Tag>
            ))}
          </Space>
          <div className="muted" style={{ marginTop: 12 }}>
            活动台账 {data.ledgerCount} 条，调解案件 {data.mediationCount} 起
          </div>
          <Button type="link" size="small" style={{ paddingLeft: 0 }} onClick={() => go('report')}>
            去编辑报告
          </Button>
        </Panel>
      </Col>
    </Row>
  );
}

/** What the report must contain, and what needs attention. */
export function OverviewChecks({ data }: { data: Overview }) {
  const nameOf = useIndicatorNames(data.year);
  return (
    <Row gutter={16} style={{ marginTop: 16 }}>
      <Col span={12}>
        <Panel title="报告应包含的内容">
          {data.contentItems.map((c) => (
            <div key={c.item} className="check-row" data-testid={`content-${c.item}`}>
              <Space>
                {c.hasText ? (
                  <CheckCircleFilled style={{ color: '#389e0d' }} />
                ) : c.present ? (
                  <MinusCircleOutlined style={{ color: '#8c8c8c' }} />
                ) : (
                  <ExclamationCircleOutlined style={{ color: '#d46b08' }} />
                )}
                <span>{c.label}</span>
                {c.takenFrom && <Txt type="secondary">取自{c.takenFrom}</Txt>}
                {c.hasText ? (
                  <Txt type="success">已写</Txt>
                ) : c.present ? (
                  <Txt type="secondary">尚未写正文</Txt>
                ) : (
                  <Txt type="warning">尚未对应</Txt>
                )}
              </Space>
            </div>
          ))}
        </Panel>
      </Col>
      <Col span={12}>
        <Panel title={`提醒（${data.warnings.length + data.notices.length}）`}>
          {data.warnings.length + data.notices.length === 0 ? (
            <Txt type="success">暂无需要处理的问题</Txt>
          ) : (
            <div data-testid="warnings">
              {data.warnings.slice(0, 50).map((w, i) => (
                <div key={i} className="check-row">
                  <Txt type={w.severity === '错误' ? 'danger' : 'warning'}>
                    <ExclamationCircleOutlined /> {w.where ? `${w.where}：` : ''}
                    {w.message}
                    {excerptNote(w, nameOf)}
                  </Txt>
                </div>
              ))}
              {data.warnings.length > 50 && (
                <Txt type="secondary">另有{data.warnings.length - 50}项，请在“报告编辑”的校对面板中查看</Txt>
              )}
              {data.notices.map((w, i) => (
                <div key={`n${i}`} className="check-row">
                  <Txt type="warning">
                    <ExclamationCircleOutlined /> {w}
                  </Txt>
                </div>
              ))}
            </div>
          )}
        </Panel>
      </Col>
    </Row>
  );
}

/** The days left only while they matter; a year gone by or with nothing to send says so instead. */
function DeadlineFigure({ deadline: d }: { deadline: Overview['deadline'] }) {
  if (d.status === 'figuresOnly')
    return (
      <div data-testid="deadline-status">
        <Txt strong>只录数值的年度</Txt>
        <div className="muted">供下一年度同比，不需报送</div>
      </div>
    );
  if (d.status === 'past')
    return (
      <div data-testid="deadline-status">
        <Txt strong>往年度，报送期已过</Txt>
        <div className="muted">{d.exportedOn ? `定稿于${chineseDate(d.exportedOn)}导出` : '可查阅、补充，导出记录仍在“导出”中'}</div>
      </div>
    );
  return (
    <Statistic
      title={d.status === 'open' ? '距报送截止' : '已超过截止日期'}
      value={Math.abs(d.daysLeft)}
      suffix="天"
      styles={{ content: { color: d.status === 'overdue' ? '#cf1322' : d.daysLeft <= 30 ? '#d46b08' : '#1d5bbf' } }}
    />
  );
}
