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

// A phone opening /join asks for the live meeting now, while React renders the form, not after (its chunk is the
// one thing between pressing Join and the card box). If this fails, the join page tries again.
if (/^\/join(\/|$)/.test(window.location.pathname)) loadMeeting().catch(() => {});

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

registerServiceWorker();
