import { useRef, useState } from 'react';
import { Button, Card, Space, Typography } from 'antd';
import { useMethodMutation } from '../../api/queries';
import { errorText } from '../../components/errors';
import { useApp } from '../../state/app';
import { reportYearFor } from '../../../src-shared/dates';
import { useImport } from '../import/useImport';
import { YearField, type YearFieldHandle } from '../../components/YearField';

/** A unit exists but no year yet (e.g. all years were removed by a restore). */
export function NoYear() {
  const app = useApp();
  // null while the text typed does not read as a year: 新建年度 is then refused at the field
  const [year, setYear] = useState<number | null>(reportYearFor());
  const yearField = useRef<YearFieldHandle>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { mutateAsync: createYear } = useMethodMutation('years.create');
  const imp = useImport({
    fallbackYear: year ?? reportYearFor(),
    onDone: (y) => {
      void app.reloadYears().then(() => app.setYear(y));
    },
  });
  const create = async () => {
    if (yearField.current?.refuse() || year === null) return;
    setError(null);
    setBusy(true);
    try {
      await createYear({ year });
      await app.reloadYears();
      app.setYear(year);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="尚无年度数据" style={{ maxWidth: 520 }}>
      <Typography.Paragraph>请先新建一个报告年度，之后即可录入指标、台账和报告。</Typography.Paragraph>
      <Space align="start">
        <YearField fieldRef={yearField} value={year} onChange={setYear} aria-label="报告年度" />
        <Button type="primary" loading={busy} onClick={() => void create()}>
          新建年度
        </Button>
        <Button disabled={busy} onClick={() => void imp.start()}>
          从去年的报告开始…
        </Button>
      </Space>
      {imp.dialog}
      {error && <Typography.Paragraph type="danger" style={{ marginTop: 12 }}>{error}</Typography.Paragraph>}
    </Card>
  );
}
