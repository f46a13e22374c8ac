import { render } from 'preact';
import './options.css';
import { browser } from '../platform/browser';
import { t } from '../platform/i18n';
import { Options } from './options';

document.title = t('optionsTitle');
document.documentElement.lang = browser.i18n.getUILanguage();
render(<Options />, document.getElementById('app')!);
