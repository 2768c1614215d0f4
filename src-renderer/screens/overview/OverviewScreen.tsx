import { Alert, Button, Space, Spin } from 'antd';
import { ArrowRightOutlined, HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import { NewYearDialog } from './NewYearDialog';
import { FirstRunGuide } from '../guide/Guide';
import { OverviewChecks, OverviewSummary } from './OverviewCards';
import { useOverview } from './useOverview';

export function OverviewScreen() {
  const o = useOverview();
  const { data } = o;
  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
        <h2 className="screen-title" style={{ margin: 0 }}>
          {o.year}年度概览
        </h2>
        <Space wrap>
          {o.year === o.earliest && (
            <Button icon={<HistoryOutlined />} loading={o.creating} onClick={o.askPrevious}>
              录入上一年度数据（{o.earliest - 1}年）
            </Button>
          )}
          {o.nextExists ? (
            <Button icon={<ArrowRightOutlined />} onClick={o.goNext}>
              转到{o.nextYear}年度
            </Button>
          ) : (
            <Button icon={<PlusOutlined />} loading={o.creating} onClick={o.askNext}>
              新建下一年度（{o.nextYear}年）
            </Button>
          )}
        </Space>
      </Space>
      <NewYearDialog {...o.newYear} />
      <FirstRunGuide />
      {o.error && <Alert type="error" showIcon title={o.error} style={{ marginBottom: 16 }} />}
      {o.loading ? (
        <Spin description="正在载入…" />
      ) : data ? (
        <>
          <OverviewSummary data={data} go={o.go} />
          <OverviewChecks data={data} />
        </>
      ) : null}
    </div>
  );
}
