import { lazy, Suspense, useEffect, useRef } from 'react';
import { Alert, Button, Space, Spin } from 'antd';
import { ArrowRightOutlined, HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import { FirstRunGuide } from '../guide/Guide';
import { OverviewChecks, OverviewSummary } from './OverviewCards';
import { useOverview } from './useOverview';
import { loadLaterStylesWhenIdle, withLaterStyles } from '../../laterStyles';

// the dialog (antd Radio and friends) is fetched when the clerk first asks for a new year
const NewYearDialog = lazy(() => withLaterStyles(import('./NewYearDialog')).then((m) => ({ default: m.NewYearDialog })));

export function OverviewScreen() {
  const o = useOverview();
  const { data } = o;
  // mounted from the first time it is asked for on, so it closes with its animation as before
  const askedForYear = useRef(false);
  if (o.newYear.open) askedForYear.current = true;
  // 概览 drawn with its figures: the other screens' antd styles come in while the clerk reads it
  const shown = !!data;
  useEffect(() => {
    if (shown) loadLaterStylesWhenIdle();
  }, [shown]);
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
      {askedForYear.current && (
        <Suspense fallback={null}>
          <NewYearDialog {...o.newYear} />
        </Suspense>
      )}
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
