import { render } from 'preact';
import './popup.css';
import { browser } from '../platform/browser';
import { t } from '../platform/i18n';
import { readSnapshot } from '../platform/storage-snapshot';
import { drawFromSnapshot } from '../ui/use-item';
import { App } from './app';

// All of storage in one read, started now: the app's first frame is drawn from it (ui/use-item.ts).
const stored = readSnapshot();
document.title = t('popupTitle');
document.documentElement.lang = browser.i18n.getUILanguage();
const app = document.getElementById('app')!;
// Until storage answers, index.html's shell stands in: the app's own header (the product's name,
// "COR Timer" in every locale, hidden from assistive technology), painted with the stylesheets
// before any script has run. A mutation observer runs before the next paint, so shell and app
// never show together nor leave a blank frame between them.
new MutationObserver((_, observer) => {
  if (app.firstChild === null) return;
  document.getElementById('shell')?.remove();
  observer.disconnect();
}).observe(app, { childList: true });
const draw = () => render(<App />, app);
// Should the read fail, each item reads on its own (ui/use-item.ts); the failure still surfaces.
stored.then(
  (snapshot) => {
    drawFromSnapshot(snapshot);
    draw();
  },
  (error: unknown) => {
    draw();
    throw error;
  },
);
