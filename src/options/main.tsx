import { render } from 'preact';
import { t } from '../platform/i18n';
import { App } from './App';
import { realBackend } from './real-backend';

document.title = t('optionsTitle');
render(<App backend={realBackend()} />, document.getElementById('app')!);
