import { Alert, App as AntApp, Button, Spin } from 'antd';
import { ImportOutlined } from '@ant-design/icons';
import { PlanPanel } from '../import/PlanPanel';
import { DraftPanel } from './draft/DraftPanel';
import { errorText } from '../../components/errors';
import { ReportEditor } from './ReportEditor';
import { useReportScreen } from './useReportScreen';
import './report.css';

/** 报告编辑: the year's report, edited part by part with a live preview. */
export function ReportScreen({ year }: { year: number }) {
  const d = useReportScreen(year);
  const { message } = AntApp.useApp();
  if (d.error && !d.ready) {
    return (
      <Alert
        type="error"
        showIcon
        title="报告读取失败"
        description={d.error}
        action={
          <Button size="small" onClick={d.retry}>
            重试
          </Button>
        }
      />
    );
  }
  if (!d.ready || !d.report) return <Spin description="正在读取报告…" size="large" className="fz-loading" />;
  return (
    <>
      {/* figures are read again after every change; a failed read leaves the last ones on screen */}
      {d.error && <Alert type="warning" showIcon title={`未能读取最新的指标数值（${d.error}），页面上是上次读取的数值`} className="fz-inline-error" />}
      {d.importDialog}
      <ReportEditor
        key={`${year}-${d.generation}`}
        year={year}
        initial={d.report}
        indicators={d.indicators}
        unit={d.unit}
        save={d.save}
        proofreading={d.proofreading}
        onIgnore={d.onIgnore}
        errorText={errorText}
        actions={(settle) => (
          <Button
            size="small"
            icon={<ImportOutlined />}
            // what is typed is saved first, so nothing pending can overwrite the imported report; if
            // that save fails the import does not start (the editor's last save on leaving would
            // otherwise put the old text over the imported report)
            onClick={() =>
              void settle().then((ok) => {
                if (ok) d.startImport();
                else void message.error('报告的最新修改未能保存，请先点“重试”保存成功后再导入');
              })
            }
          >
            导入
          </Button>
        )}
        aside={({ partId, item, insert, paragraphs, partFor, select }) => (
          <>
            {d.plan && (item === 'measures' || item === 'shortcomings') ? (
              <PlanPanel
                checklist={d.plan}
                item={item}
                paragraphs={paragraphs}
                errorText={errorText}
                onInsert={insert}
                onMark={d.markPlan}
                shortcomingsPart={partFor('shortcomings')}
                onGo={select}
              />
            ) : null}
            <DraftPanel year={year} partId={partId} item={item} paragraphs={paragraphs} insert={insert} errorText={errorText} />
          </>
        )}
      />
    </>
  );
}

export default ReportScreen;
