/**
 * The app: start-up (useBoot: damaged files, the welcome screen, or the frame), the frame's state
 * (useFrame) around the screens (AppLayout), and which screen shows. Every screen but the overview
 * is its own chunk.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { Button, Spin } from 'antd';
import {
  AppstoreOutlined,
  BankOutlined,
  BarChartOutlined,
  EditOutlined,
  ExportOutlined,
  FileTextOutlined,
  FormOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Unit } from '../src-shared/domain/unit';
import type { DamagedFile, YearSummary } from '../src-shared/contract';
import { ProblemResult, ScreenBoundary } from './components/ScreenBoundary';
import { AppContext, SCREENS, type ScreenKey } from './state/app';
import { useBoot } from './state/useBoot';
import { useFrame } from './state/useFrame';
import { AppLayout } from './AppLayout';
import { OverviewScreen } from './screens/overview/OverviewScreen';
import { GuideDialog } from './screens/guide/Guide';
import { withLaterStyles } from './laterStyles';

// The damaged-file panel (antd Table and friends) loads on first use.
const DamagedFilesLazy = lazy(() => withLaterStyles(import('./components/DamagedFiles')).then((m) => ({ default: m.DamagedFiles })));
function DamagedFiles(props: { files: DamagedFile[]; onChanged: () => void }) {
  // nothing damaged (the usual case): the panel's code is not even fetched
  if (!props.files.length) return null;
  return (
    <Suspense fallback={<Spin />}>
      <DamagedFilesLazy {...props} />
    </Suspense>
  );
}

// 概览, where the app opens, is in the entry chunk (one request, no waterfall); every other screen
// is its own chunk, fetched when first shown, so the first screen's JS stays within its budget
// (bench/ui.ts) however many screens and editors are added.
const WelcomeScreen = lazy(() => withLaterStyles(import('./screens/welcome/WelcomeScreen')).then((m) => ({ default: m.WelcomeScreen })));
const NoYear = lazy(() => withLaterStyles(import('./screens/welcome/NoYear')).then((m) => ({ default: m.NoYear })));

const UnitScreen = lazy(() => withLaterStyles(import('./screens/unit/UnitScreen')).then((m) => ({ default: m.UnitScreen })));
const IndicatorsScreen = lazy(() => withLaterStyles(import('./screens/indicators/IndicatorsScreen')).then((m) => ({ default: m.IndicatorsScreen })));
const LedgerScreen = lazy(() => withLaterStyles(import('./screens/ledger/LedgerScreen')).then((m) => ({ default: m.LedgerScreen })));
const MediationScreen = lazy(() => withLaterStyles(import('./screens/mediation/MediationScreen')).then((m) => ({ default: m.MediationScreen })));
const ExportScreen = lazy(() => withLaterStyles(import('./screens/export/ExportScreen')).then((m) => ({ default: m.ExportScreen })));
const ReportScreen = lazy(() => withLaterStyles(import('./screens/report/index')).then((m) => ({ default: m.ReportScreen })));
const ChartsScreen = lazy(() => withLaterStyles(import('./screens/charts/index')).then((m) => ({ default: m.ChartsScreen })));

const ICONS: Record<ScreenKey, ReactNode> = {
  overview: <AppstoreOutlined />,
  unit: <BankOutlined />,
  indicators: <FormOutlined />,
  ledger: <FileTextOutlined />,
  mediation: <TeamOutlined />,
  charts: <BarChartOutlined />,
  report: <EditOutlined />,
  export: <ExportOutlined />,
};

export function Root() {
  const { boot, start } = useBoot();

  if (boot.phase === 'loading')
    return (
      <div style={{ height: '100%', display: 'grid', placeItems: 'center' }}>
        <Spin size="large" description="正在载入…" />
      </div>
    );
  if (boot.phase === 'failed')
    return (
      <Suspense fallback={<p role="alert">无法载入数据：{boot.message}</p>}>
        <ProblemResult
          status="error"
          title="无法载入数据"
          subTitle={boot.message}
          extra={<Button type="primary" onClick={() => void start()}>重试</Button>}
        />
      </Suspense>
    );
  if (boot.phase === 'damaged')
    return (
      <div style={{ padding: 24 }}>
        <DamagedFiles files={boot.damaged} onChanged={() => void start()} />
      </div>
    );
  if (boot.phase === 'welcome')
    return (
      <Suspense fallback={<Spin size="large" description="正在载入…" />}>
        <WelcomeScreen onDone={() => void start()} />
      </Suspense>
    );
  return <Frame initialUnit={boot.unit} initialYears={boot.years} damaged={boot.damaged} onDamagedChanged={() => void start()} />;
}

function Frame({
  initialUnit,
  initialYears,
  damaged,
  onDamagedChanged,
}: {
  initialUnit: Unit;
  initialYears: YearSummary[];
  damaged: DamagedFile[];
  onDamagedChanged: () => void;
}) {
  const state = useFrame(initialUnit, initialYears);
  return (
    <AppContext.Provider value={state}>
      <AppLayout state={state} icons={ICONS}>
        <DamagedFiles files={damaged} onChanged={onDamagedChanged} />
        <ScreenBody screen={state.screen} year={state.year} hasYears={state.years.length > 0} />
        <GuideDialog />
      </AppLayout>
    </AppContext.Provider>
  );
}

function ScreenBody({ screen, year, hasYears }: { screen: ScreenKey; year: number; hasYears: boolean }) {
  const label = SCREENS.find((s) => s.key === screen)?.label ?? '';
  if (!hasYears && screen !== 'unit')
    return (
      <Suspense fallback={<Spin description="正在载入…" />}>
        <NoYear />
      </Suspense>
    );
  return (
    <ScreenBoundary key={`${screen}-${year}`} name={label}>
      <Suspense fallback={<Spin description="正在载入…" />}>
        {screen === 'overview' && <OverviewScreen />}
        {screen === 'unit' && <UnitScreen />}
        {screen === 'indicators' && <IndicatorsScreen />}
        {screen === 'ledger' && <LedgerScreen />}
        {screen === 'mediation' && <MediationScreen />}
        {screen === 'charts' && <ChartsScreen year={year} />}
        {screen === 'report' && <ReportScreen year={year} />}
        {screen === 'export' && <ExportScreen />}
      </Suspense>
    </ScreenBoundary>
  );
}
