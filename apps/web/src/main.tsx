// Base styles first: the page styles that the app's modules bring in build on them.
import './styles.css';
import './components/components.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { registerServiceWorker } from './offline/registerServiceWorker';
import { loadMeeting } from './pages/JoinPage';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

// A phone on /join asks for the live meeting (the one chunk between pressing Join and the card box) the moment the
// page has loaded: never before, so it never competes with the first load. If this fails, the join page tries again.
if (/^\/join(\/|$)/.test(window.location.pathname)) {
  const prefetch = () => loadMeeting().catch(() => {});
  if (document.readyState === 'complete') prefetch();
  else window.addEventListener('load', prefetch, { once: true });
}

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

registerServiceWorker();
