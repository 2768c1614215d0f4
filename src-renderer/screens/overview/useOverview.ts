import { useEffect, useState } from 'react';
import { App as AntApp } from 'antd';
import type { NewYearStart } from '../../../src-shared/domain/vocabulary';
import { errorText } from '../../components/errors';
import { failureText, prefetchMethod, useMethodMutation, useMethodQuery } from '../../api/queries';
import { useApp } from '../../state/app';

/**
 * 概览's reads, asked for by start-up as soon as it knows the year (the app opens here): they are
 * answered while the frame is drawn instead of after it. The same inputs as the hooks below.
 */
export function prefetchOverview(year: number): void {
  prefetchMethod('overview.get', { year });
  // the names its warnings show (OverviewChecks → useIndicatorNames)
  prefetchMethod('indicators.list', { year });
}

/** 概览's data and actions: the year's overview (fresh after any change anywhere) and new years. */
export function useOverview() {
  const app = useApp();
  const { message, modal } = AntApp.useApp();
  const overview = useMethodQuery('overview.get', { year: app.year });
  const next = useMethodMutation('years.createNext');
  const previous = useMethodMutation('years.createPrevious');

  // the year after the one shown (issue 13); the clerk stays here unless they choose to go
  const nextYear = app.year + 1;
  const nextExists = app.years.some((y) => y.year === nextYear);
  const earliest = Math.min(...app.years.map((y) => y.year));

  const [asking, setAsking] = useState(false);
  const [start, setStart] = useState<NewYearStart>('draft');
  const createNext = async () => {
    try {
      const created = await next.mutateAsync({ after: app.year, start });
      setAsking(false);
      await app.reloadYears();
      // the lasting way there is the header's 转到 button, which replaces 新建 once the year exists
      message.success(`已新建${created.year}年度（单位与报告结构沿用${created.year - 1}年度）`, 6);
    } catch (err) {
      message.error(errorText(err));
    }
  };
  const createPrevious = async () => {
    try {
      const created = await previous.mutateAsync({});
      await app.reloadYears();
      app.setYear(created.year);
      app.go('indicators');
      message.success(`已新建${created.year}年度：只需填写当年的指标数值，供同比和“上年”一栏使用`, 6);
    } catch (err) {
      message.error(errorText(err));
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
  const askNext = () => setAsking(true);

  // arriving from the native menu's 新建年度
  useEffect(() => {
    if (app.params.action === 'new-year') {
      askNext();
      app.go('overview');
    }
    // only when the requested action changes: `app` is a new object every render
  }, [app.params.action]);

  return {
    year: app.year,
    go: app.go,
    data: overview.data,
    error: failureText(overview),
    loading: overview.isPending,
    creating: next.isPending || previous.isPending,
    nextYear,
    nextExists,
    earliest,
    askNext,
    askPrevious,
    goNext: () => app.setYear(nextYear),
    newYear: {
      open: asking,
      from: app.year,
      start,
      onStart: setStart,
      creating: next.isPending,
      onOk: () => void createNext(),
      onCancel: () => setAsking(false),
    },
  };
}
