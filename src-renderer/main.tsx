import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { Root } from './App';
// antd's own stylesheet (CSS variables carry the theme below), made while building with only the
// components this renderer imports (scripts/antdStyles.mjs, vite.config.ts): with zeroRuntime no
// component generates and injects its styles while rendering, which was the largest part of
// drawing a screen for the first time (about 40% of 概览's render in a CPU profile). Imported
// before styles.css so the app's rules still win at equal specificity.
import 'virtual:antd.css';
import './styles.css';
import { installImeGuard } from './components/ime';
import { QueryProvider } from './api/queries';
import { startBootEarly } from './state/useBoot';

installImeGuard();
// the data folder's first reads go out now, while React and antd draw the first frame
startBootEarly();

// System fonts only: nothing is fetched from the network, and a Chinese office machine has these.
const FONT_STACK =
  '"Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider
      locale={zhCN}
      theme={{ zeroRuntime: true, token: { colorPrimary: '#1d5bbf', borderRadius: 4, fontFamily: FONT_STACK } }}
    >
      <AntApp>
        <QueryProvider>
          <Root />
        </QueryProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
