/** Popup entry: the real backend, and ?entity=<id> to open one entity directly (&link=<id>: with that link open). */
import { render } from 'preact';
import { App } from './App';
import { realBackend } from './real-backend';

const params = new URLSearchParams(location.search);
const entity = params.get('entity') ?? undefined;
const link = params.get('link') ?? undefined;
render(<App backend={realBackend()} initialEntity={entity} initialLink={link} />, document.getElementById('app')!);
