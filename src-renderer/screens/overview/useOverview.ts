import { createElement, useEffect } from 'react';
import { App as AntApp, Button } from 'antd';
import { errorText } from '../../components/errors';
import { failureText, useMethodMutation, useMethodQuery } from '../../api/queries';
import { useApp } from '../../state/app';

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

  const createNext = async () => {
    try {
      const created = await next.mutateAsync({ after: app.year });
      await app.reloadYears();
      message.success(
        createElement(
          'span',
          null,
          `已新建${created.year}年度（单位与报告结构沿用${created.year - 1}年度）`,
          createElement(Button, { type: 'link', size: 'small', onClick: () => app.setYear(created.year) }, `转到${created.year}年度`),
        ),
        6,
      );
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
  const askNext = () =>
    modal.confirm({
      title: `新建${nextYear}年度？`,
      content: `单位信息和${app.year}年度报告的提纲会沿用到新年度；指标数值、台账和报告正文从空白开始。`,
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
  };
}
