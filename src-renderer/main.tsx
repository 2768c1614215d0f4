import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { Root } from './App';
import './styles.css';
import { installImeGuard } from './components/ime';
import { QueryProvider } from './api/queries';

installImeGuard();

// System fonts only: nothing is fetched from the network, and a Chinese office machine has these.
const FONT_STACK =
  '"Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider
      locale={zhCN}
      theme={{ token: { colorPrimary: '#1d5bbf', borderRadius: 4, fontFamily: FONT_STACK } }}
    >
      <AntApp>
        <QueryProvider>
          <Root />
        </QueryProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
