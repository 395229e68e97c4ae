import { render } from 'preact';
import { t } from '../platform/i18n';

// Placeholder until the options issue lands: the page exists so the manifest's options_ui is valid.
render(<h1>{t('optionsTitle')}</h1>, document.getElementById('app')!);
