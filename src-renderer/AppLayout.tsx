/** The frame around every screen: header (unit, year, ⋮ menu), the screens' menu on the left, the screen. */
import type { ReactNode } from 'react';
import { App as AntApp, Button, Dropdown, Layout, Menu, Select, Space } from 'antd';
import { MoreOutlined } from '@ant-design/icons';
import { SCREENS, type AppState, type ScreenKey } from './state/app';
import { backupActions } from './state/useFrame';
import { openGuide } from './screens/guide/Guide';
import { SaveWaitNotice } from './components/SaveWaitNotice';

const MORE_ITEMS = [
  { key: 'backup', label: '备份数据…' },
  { key: 'restore', label: '从备份恢复…' },
  { type: 'divider' as const },
  { key: 'guide', label: '使用说明' },
  { key: 'about', label: '关于法治年报' },
];

function Header({ state }: { state: AppState }) {
  const { message, modal } = AntApp.useApp();
  const { unit, years, year, setYear } = state;
  return (
    <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, background: '#1d3f72', padding: '0 20px', height: 56 }}>
      <span className="app-brand">法治年报</span>
      <span className="app-header-unit" data-testid="unit-name">
        {unit.fullName}
      </span>
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
            items: MORE_ITEMS,
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
  );
}

export function AppLayout({ state, icons, children }: { state: AppState; icons: Record<ScreenKey, ReactNode>; children: ReactNode }) {
  return (
    <Layout style={{ height: '100vh', flexDirection: 'column' }}>
      <Header state={state} />
      <SaveWaitNotice />
      <Layout style={{ flex: 1, minHeight: 0, flexDirection: 'row' }}>
        <Layout.Sider width={168} breakpoint="xl" collapsedWidth={56} collapsible theme="light" style={{ borderRight: '1px solid #e5e8ee', height: '100%', overflow: 'auto' }}>
          <Menu
            mode="inline"
            selectedKeys={[state.screen]}
            style={{ borderInlineEnd: 'none', paddingTop: 8 }}
            items={SCREENS.map((s) => ({ key: s.key, icon: icons[s.key], label: s.label }))}
            onClick={({ key }) => state.go(key as ScreenKey)}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 20, overflow: 'auto', minWidth: 0 }}>{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
