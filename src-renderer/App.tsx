import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { App as AntApp, Button, Dropdown, Layout, Menu, Result, Select, Space, Spin } from 'antd';
import {
  AppstoreOutlined,
  BankOutlined,
  BarChartOutlined,
  EditOutlined,
  ExportOutlined,
  FileTextOutlined,
  FormOutlined,
  MoreOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Unit } from '../src-shared/domain/unit';
import type { DamagedFile, YearSummary } from '../src-shared/contract';
import { call } from './api/client';
import { onMenu, print } from './api/platform';
import { errorText } from './components/errors';
import { ScreenBoundary } from './components/ScreenBoundary';
import { setBackgroundErrorHandler } from './components/backgroundErrors';
import { AppContext, SCREENS, isScreenKey, type AppState, type NavParams, type ScreenKey } from './state/app';
import { OverviewScreen } from './screens/overview/OverviewScreen';
import { GuideDialog, openGuide } from './screens/guide/Guide';

// Backup, restore, 关于 and the damaged-file panel (antd Table and friends) load on first use.
const backupActions = () => import('./screens/backup/backupActions');
const DamagedFilesLazy = lazy(() => import('./components/DamagedFiles').then((m) => ({ default: m.DamagedFiles })));
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
const WelcomeScreen = lazy(() => import('./screens/welcome/WelcomeScreen').then((m) => ({ default: m.WelcomeScreen })));
const NoYear = lazy(() => import('./screens/welcome/NoYear').then((m) => ({ default: m.NoYear })));

const UnitScreen = lazy(() => import('./screens/unit/UnitScreen').then((m) => ({ default: m.UnitScreen })));
const IndicatorsScreen = lazy(() => import('./screens/indicators/IndicatorsScreen').then((m) => ({ default: m.IndicatorsScreen })));
const LedgerScreen = lazy(() => import('./screens/ledger/LedgerScreen').then((m) => ({ default: m.LedgerScreen })));
const MediationScreen = lazy(() => import('./screens/mediation/MediationScreen').then((m) => ({ default: m.MediationScreen })));
const ExportScreen = lazy(() => import('./screens/export/ExportScreen').then((m) => ({ default: m.ExportScreen })));
const ReportScreen = lazy(() => import('./screens/report/index').then((m) => ({ default: m.ReportScreen })));
const ChartsScreen = lazy(() => import('./screens/charts/index').then((m) => ({ default: m.ChartsScreen })));

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

const YEAR_KEY = 'fazhi-year';

type Boot =
  | { phase: 'loading' }
  | { phase: 'failed'; message: string }
  | { phase: 'welcome' }
  | { phase: 'damaged'; damaged: DamagedFile[] }
  | { phase: 'ready'; unit: Unit; years: YearSummary[]; damaged: DamagedFile[] };

function readHash(): { screen: ScreenKey; params: NavParams } {
  const raw = window.location.hash.replace(/^#\/?/, '');
  const [key = '', query = ''] = raw.split('?');
  const params: NavParams = {};
  const q = new URLSearchParams(query);
  const categories = q.get('categories')?.split(',').filter(Boolean);
  if (categories?.length) params.categories = categories;
  if (q.get('outcome')) params.outcome = q.get('outcome')!;
  return { screen: isScreenKey(key) ? key : 'overview', params };
}

function pickYear(years: YearSummary[]): number {
  const stored = Number(localStorage.getItem(YEAR_KEY));
  if (years.some((y) => y.year === stored)) return stored;
  return years.reduce((m, y) => Math.max(m, y.year), 0);
}

export function Root() {
  const [boot, setBoot] = useState<Boot>({ phase: 'loading' });

  const start = useCallback(async () => {
    setBoot({ phase: 'loading' });
    try {
      // unreadable files are shown with their choices; the rest opens as usual
      const damaged = await call('data.damaged', {});
      if (damaged.some((d) => d.year === null)) return setBoot({ phase: 'damaged', damaged });
      const unit = await call('unit.get', {});
      if (!unit) return setBoot({ phase: 'welcome' });
      const years = await call('years.list', {});
      setBoot({ phase: 'ready', unit, years, damaged });
    } catch (err) {
      setBoot({ phase: 'failed', message: errorText(err) });
    }
  }, []);

  useEffect(() => {
    void start();
  }, [start]);

  if (boot.phase === 'loading')
    return (
      <div style={{ height: '100%', display: 'grid', placeItems: 'center' }}>
        <Spin size="large" description="正在载入…" />
      </div>
    );
  if (boot.phase === 'failed')
    return (
      <Result
        status="error"
        title="无法载入数据"
        subTitle={boot.message}
        extra={<Button type="primary" onClick={() => void start()}>重试</Button>}
      />
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
  const { message, modal } = AntApp.useApp();
  const [unit, setUnit] = useState(initialUnit);
  const [years, setYears] = useState(initialYears);
  const [year, setYearState] = useState(() => pickYear(initialYears));
  const [{ screen, params }, setNav] = useState(readHash);

  const setYear = useCallback((y: number) => {
    localStorage.setItem(YEAR_KEY, String(y));
    setYearState(y);
  }, []);

  const reloadYears = useCallback(async () => {
    try {
      setYears(await call('years.list', {}));
    } catch (err) {
      message.error(errorText(err));
    }
  }, [message]);

  const go = useCallback((s: ScreenKey, p: NavParams = {}) => {
    const q = new URLSearchParams({
      ...(p.categories?.length ? { categories: p.categories.join(',') } : {}),
      ...(p.outcome ? { outcome: p.outcome } : {}),
      ...(p.action ? { action: p.action } : {}),
    }).toString();
    window.history.replaceState(null, '', `#/${s}${q ? `?${q}` : ''}`);
    setNav({ screen: s, params: p });
  }, []);

  // failures of saves sent by a screen that has since closed (the report editor's last save)
  useEffect(() => setBackgroundErrorHandler((text) => void message.error(text, 8)), [message]);

  // Native menu (Electron only)
  useEffect(
    () =>
      onMenu((cmd) => {
        if (cmd === 'export-word') go('export');
        else if (cmd === 'new-year') go('overview', { action: 'new-year' });
        else if (cmd === 'print') void print();
        else if (cmd === 'backup') void backupActions().then((m) => m.backupNow(message));
        else if (cmd === 'restore') void backupActions().then((m) => m.restoreFromFile(message, modal));
        else if (cmd === 'about') void backupActions().then((m) => m.showAbout(modal));
      }),
    [go, message, modal],
  );

  const state: AppState = useMemo(
    () => ({ unit, setUnit, year, years, setYear, reloadYears, screen, params, go }),
    [unit, year, years, setYear, reloadYears, screen, params, go],
  );

  const label = SCREENS.find((s) => s.key === screen)?.label ?? '';
  let body: ReactNode;
  if (!years.length && screen !== 'unit')
    body = (
      <Suspense fallback={<Spin description="正在载入…" />}>
        <NoYear />
      </Suspense>
    );
  else
    body = (
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

  return (
    <AppContext.Provider value={state}>
      <Layout style={{ height: '100vh', flexDirection: 'column' }}>
        <Layout.Header
          style={{ display: 'flex', alignItems: 'center', gap: 24, background: '#1d3f72', padding: '0 20px', height: 56 }}
        >
          <span className="app-brand">法治年报</span>
          <span className="app-header-unit" data-testid="unit-name">{unit.fullName}</span>
          <div style={{ flex: 1 }} />
          <Space>
            <span className="app-header-unit">年度</span>
            <Select
              aria-label="选择年度"
              data-testid="year-picker"
              value={years.length ? year : undefined}
              placeholder="无年度"
              style={{ width: 110 }}
              options={[...years].sort((a, b) => b.year - a.year).map((y) => ({ value: y.year, label: `${y.year}年` }))}
              onChange={(v: number) => setYear(v)}
            />
            <Dropdown
              menu={{
                items: [
                  { key: 'backup', label: '备份数据…' },
                  { key: 'restore', label: '从备份恢复…' },
                  { type: 'divider' },
                  { key: 'guide', label: '使用说明' },
                  { key: 'about', label: '关于法治年报' },
                ],
                onClick: ({ key }) => {
                  if (key === 'backup') void backupActions().then((m) => m.backupNow(message));
                  else if (key === 'restore') void backupActions().then((m) => m.restoreFromFile(message, modal));
                  else if (key === 'guide') openGuide();
                  else void backupActions().then((m) => m.showAbout(modal));
                },
              }}
            >
              <Button type="text" aria-label="更多" icon={<MoreOutlined style={{ color: '#fff', fontSize: 18 }} />} />
            </Dropdown>
          </Space>
        </Layout.Header>
        <Layout style={{ flex: 1, minHeight: 0, flexDirection: 'row' }}>
          <Layout.Sider width={168} breakpoint="xl" collapsedWidth={56} collapsible theme="light" style={{ borderRight: '1px solid #e5e8ee', height: '100%', overflow: 'auto' }}>
            <Menu
              mode="inline"
              selectedKeys={[screen]}
              style={{ borderInlineEnd: 'none', paddingTop: 8 }}
              items={SCREENS.map((s) => ({ key: s.key, icon: ICONS[s.key], label: s.label }))}
              onClick={({ key }) => go(key as ScreenKey)}
            />
          </Layout.Sider>
          <Layout.Content style={{ padding: 20, overflow: 'auto', minWidth: 0 }}>
            <DamagedFiles files={damaged} onChanged={onDamagedChanged} />
            {body}
            <GuideDialog />
          </Layout.Content>
        </Layout>
      </Layout>
    </AppContext.Provider>
  );
}
