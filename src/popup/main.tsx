import { render } from 'preact';
import '../ui/theme.css';
import './popup.css';
import { browser } from '../platform/browser';
import { t } from '../platform/i18n';
import { App } from './app';

document.title = t('popupTitle');
document.documentElement.lang = browser.i18n.getUILanguage();
render(<App />, document.getElementById('app')!);
