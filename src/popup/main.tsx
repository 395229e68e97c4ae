/** Popup entry: the real backend, and ?entity=<id> to open one entity directly. */
import { render } from 'preact';
import { App } from './App';
import { realBackend } from './real-backend';

const entity = new URLSearchParams(location.search).get('entity') ?? undefined;
render(<App backend={realBackend()} initialEntity={entity} />, document.getElementById('app')!);
