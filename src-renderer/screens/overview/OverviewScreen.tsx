import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Col, Progress, Row, Space, Spin, Statistic, Tag, Typography } from 'antd';
import { CheckCircleFilled, ExclamationCircleOutlined, HistoryOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { FirstRunGuide } from '../guide/Guide';
import { PART_STATUSES } from '../../../src-shared/domain/vocabulary';
import { chineseDate } from '../../../src-shared/report/render';
import { call } from '../../api/client';
import { errorText } from '../../components/errors';
import { useApp } from '../../state/app';
import { useLoad } from '../../state/useLoad';
import { PART_STATUS_COLOR } from '../../components/partStatus';


export function OverviewScreen() {
  const app = useApp();
  const { message, modal } = AntApp.useApp();
  const { data, error, loading } = useLoad(() => call('overview.get', { year: app.year }), [app.year]);
  const [creating, setCreating] = useState(false);

  // the year after the one shown (issue 13); the clerk stays here unless they choose to go
  const latest = app.year;
  const nextYear = latest + 1;
  const nextExists = app.years.some((y) => y.year === nextYear);
  const earliest = Math.min(...app.years.map((y) => y.year));
  const createNext = async () => {
    setCreating(true);
    try {
      const created = await call('years.createNext', { after: app.year });
      await app.reloadYears();
      message.success(
        <span>
          已新建{created.year}年度（单位与报告结构沿用{created.year - 1}年度）
          <Button type="link" size="small" onClick={() => app.setYear(created.year)}>
            转到{created.year}年度
          </Button>
        </span>,
        6,
      );
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setCreating(false);
    }
  };
  const createPrevious = async () => {
    setCreating(true);
    try {
      const created = await call('years.createPrevious', {});
      await app.reloadYears();
      app.setYear(created.year);
      app.go('indicators');
      message.success(`已新建${created.year}年度：只需填写当年的指标数值，供同比和“上年”一栏使用`, 6);
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setCreating(false);
    }
  };
  const askPrevious = () =>
    modal.confirm({
      title: `录入${earliest - 1}年度数据？`,
      content: `新建${earliest - 1}年度，只填写当年的指标数值（包括平时由台账汇总的数字），图表的同比和指标录入的“上年”一栏即可使用。`,
      okText: '新建并填写',
      cancelText: '取消',
      onOk: createPrevious,
    });
  const askNext = () =>
    modal.confirm({
      title: `新建${nextYear}年度？`,
      content: `单位信息和${latest}年度报告的提纲会沿用到新年度；指标数值、台账和报告正文从空白开始。`,
      okText: '新建',
      cancelText: '取消',
      onOk: createNext,
    });

  // arriving from the native menu's 新建年度
  useEffect(() => {
    if (app.params.action === 'new-year') {
      askNext();
      app.go('overview');
    }
    // only when the requested action changes: `app` is a new object every render
  }, [app.params.action]);

  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
        <h2 className="screen-title" style={{ margin: 0 }}>
          {app.year}年度概览
        </h2>
        <Space wrap>
          {app.year === earliest && (
            <Button icon={<HistoryOutlined />} loading={creating} onClick={askPrevious}>
              录入上一年度数据（{earliest - 1}年）
            </Button>
          )}
          <Button icon={<PlusOutlined />} loading={creating} disabled={nextExists} onClick={askNext}>
            新建下一年度（{nextYear}年）
          </Button>
        </Space>
      </Space>
      <FirstRunGuide />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {loading && !data ? (
        <Spin description="正在载入…" />
      ) : data ? (
        <>
          <Row gutter={16}>
            <Col span={8}>
              <Card title="报送期限" size="small" style={{ height: '100%' }}>
                <Statistic
                  title={data.deadline.daysLeft >= 0 ? '距报送截止' : '已超过截止日期'}
                  value={Math.abs(data.deadline.daysLeft)}
                  suffix="天"
                  styles={{ content: { color: data.deadline.daysLeft < 0 ? '#cf1322' : data.deadline.daysLeft <= 30 ? '#d46b08' : '#1d5bbf' } }}
                />
                <div className="muted" style={{ marginTop: 8 }}>
                  报送截止：{chineseDate(data.deadline.due)}（{data.deadline.dueRule}）
                  <br />
                  向社会公开：{chineseDate(data.deadline.publishBy)}前
                </div>
              </Card>
            </Col>
            <Col span={8}>
              <Card title="指标填报" size="small" style={{ height: '100%' }}>
                <Progress
                  type="circle"
                  size={96}
                  percent={data.indicators.total ? Math.round((data.indicators.filled / data.indicators.total) * 100) : 0}
                />
                <div style={{ marginTop: 8 }}>
                  已填 <b data-testid="indicators-filled">{data.indicators.filled}</b> / {data.indicators.total} 项
                  <Button type="link" size="small" onClick={() => app.go('indicators')}>
                    去填报
                  </Button>
                </div>
              </Card>
            </Col>
            <Col span={8}>
              <Card title="报告进度" size="small" style={{ height: '100%' }}>
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
                <Button type="link" size="small" style={{ paddingLeft: 0 }} onClick={() => app.go('report')}>
                  去编辑报告
                </Button>
              </Card>
            </Col>
          </Row>
          <Row gutter={16} style={{ marginTop: 16 }}>
            <Col span={12}>
              <Card title="报告应包含的内容" size="small">
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
                      {c.hasText ? (
                        <Typography.Text type="success">已写</Typography.Text>
                      ) : c.present ? (
                        <Typography.Text type="secondary">尚未写正文</Typography.Text>
                      ) : (
                        <Typography.Text type="warning">尚未对应</Typography.Text>
                      )}
                    </Space>
                  </div>
                ))}
              </Card>
            </Col>
            <Col span={12}>
              <Card title={`提醒（${data.warnings.length + data.notices.length}）`} size="small">
                {data.warnings.length + data.notices.length === 0 ? (
                  <Typography.Text type="success">暂无需要处理的问题</Typography.Text>
                ) : (
                  <div data-testid="warnings">
                    {data.warnings.slice(0, 50).map((w, i) => (
                      <div key={i} className="check-row">
                        <Typography.Text type={w.severity === '错误' ? 'danger' : 'warning'}>
                          <ExclamationCircleOutlined /> {w.where ? `${w.where}：` : ''}
                          {w.message}
                          {w.length > 0 && w.excerpt && !w.message.includes(w.excerpt) ? `（“${w.excerpt}”）` : ''}
                        </Typography.Text>
                      </div>
                    ))}
                    {data.warnings.length > 50 && (
                      <Typography.Text type="secondary">另有{data.warnings.length - 50}项，请在“报告编辑”的校对面板中查看</Typography.Text>
                    )}
                    {data.notices.map((w, i) => (
                      <div key={`n${i}`} className="check-row">
                        <Typography.Text type="warning">
                          <ExclamationCircleOutlined /> {w}
                        </Typography.Text>
                      </div>
                    ))}
                  </div>
                )}
              </Card>
            </Col>
          </Row>
        </>
      ) : null}
    </div>
  );
}
