import { useState } from 'react';
import { Alert, Button, Spin } from 'antd';
import { call } from '../../api/client';
import { errorText } from '../../components/errors';
import { useLoad } from '../../state/useLoad';
import { ReportEditor } from './ReportEditor';
import './report.css';

/** 报告编辑: the year's report, edited part by part with a live preview. */
export function ReportScreen({ year }: { year: number }) {
  const loaded = useLoad(
    async () => {
      const [report, indicators, unit, proofreading] = await Promise.all([
        call('report.get', { year }),
        call('indicators.list', { year }),
        call('unit.get', {}),
        call('proofread.state', { year }),
      ]);
      return { year, report, indicators, unit, proofreading };
    },
    [year],
  );
  const { data, error } = loaded;
  const [reloadError, setReloadError] = useState<string | null>(null);
  if (error && !data) {
    return (
      <Alert
        type="error"
        showIcon
        title="报告读取失败"
        description={error}
        action={
          <Button size="small" onClick={() => void loaded.reload()}>
            重试
          </Button>
        }
      />
    );
  }
  // data of another year may still be on screen while the new year loads
  if (!data || data.year !== year) return <Spin description="正在读取报告…" size="large" className="fz-loading" />;
  return (
    <>
      {reloadError && (
        <Alert type="error" showIcon closable title={reloadError} className="fz-inline-error" onClose={() => setReloadError(null)} />
      )}
      <ReportEditor
        key={year}
        year={year}
        initial={data.report}
        indicators={data.indicators}
        unit={data.unit}
        save={(report) => call('report.save', { year, report })}
        proofreading={data.proofreading}
        onIgnore={(key, ignore) => call(ignore ? 'proofread.ignore' : 'proofread.unignore', { year, key })}
        errorText={errorText}
        onReloadIndicators={() => {
          call('indicators.list', { year }).then(
            (indicators) => {
              setReloadError(null);
              loaded.setData((d) => ({ ...d!, indicators }));
            },
            (err: unknown) => setReloadError(`刷新数值失败：${errorText(err)}`),
          );
        }}
      />
    </>
  );
}

export default ReportScreen;
