import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { StudioContext } from './app/StudioContext.ts';
import { createServices } from './app/services.ts';
import { exposeForTests } from './app/window-hook.ts';
import { langStore } from './i18n/lang-store.ts';
import './styles/base.css';

document.documentElement.lang = langStore.getState().lang;

const services = await createServices();
exposeForTests(services);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StudioContext.Provider value={services}>
      <App />
    </StudioContext.Provider>
  </StrictMode>,
);
