import { useContext, useState } from 'react';
import { Alert, Button, Spin } from 'antd';
import { ImportOutlined } from '@ant-design/icons';
import { AppContext } from '../../state/app';
import { useImport } from '../import/useImport';
import { PlanPanel } from '../import/PlanPanel';
import type { PlanChecklist } from '../../../src-shared/import/types';
import { call } from '../../api/client';
import { errorText } from '../../components/errors';
import { useLoad } from '../../state/useLoad';
import { ReportEditor } from './ReportEditor';
import './report.css';

/** 报告编辑: the year's report, edited part by part with a live preview. */
export function ReportScreen({ year }: { year: number }) {
  const loaded = useLoad(
    async () => {
      const [report, indicators, unit, plan, proofreading] = await Promise.all([
        call('report.get', { year }),
        call('indicators.list', { year }),
        call('unit.get', {}),
        // last year's plan as a checklist: a help beside the editor, never a reason not to open it
        call('plan.checklist', { year }).catch((): PlanChecklist | null => null),
        call('proofread.state', { year }),
      ]);
      return { year, report, indicators, unit, plan, proofreading };
    },
    [year],
  );
  const { data, error } = loaded;
  const [reloadError, setReloadError] = useState<string | null>(null);
  const app = useContext(AppContext);
  // an import into this year replaces the editor's content: a new editor on the new report
  const [generation, setGeneration] = useState(0);
  const imp = useImport({
    fallbackYear: year,
    onDone: (y) => {
      if (y === year) {
        void loaded.reload(true).then(() => setGeneration((g) => g + 1));
      } else if (app) {
        void app.reloadYears().then(() => app.setYear(y));
      }
    },
  });
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
      {imp.dialog}
      <ReportEditor
        key={`${year}-${generation}`}
        year={year}
        initial={data.report}
        indicators={data.indicators}
        unit={data.unit}
        save={(report) => call('report.save', { year, report })}
        proofreading={data.proofreading}
        onIgnore={(key, ignore) => call(ignore ? 'proofread.ignore' : 'proofread.unignore', { year, key })}
        errorText={errorText}
        actions={(flush) => (
          <Button
            size="small"
            icon={<ImportOutlined />}
            // what is typed is saved first, so nothing pending can overwrite the imported report
            onClick={() => void flush().then(imp.start)}
          >
            导入
          </Button>
        )}
        aside={({ item, insert, paragraphs }) =>
          data.plan && (item === 'measures' || item === 'shortcomings') ? (
            <PlanPanel
              checklist={data.plan}
              item={item}
              paragraphs={paragraphs}
              errorText={errorText}
              onInsert={insert}
              onMark={async (key, status) => {
                const plan = await call('plan.setStatus', { year, key, status });
                loaded.setData((d) => ({ ...d!, plan }));
              }}
            />
          ) : null
        }
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
