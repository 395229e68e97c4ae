import { render } from 'preact';
import { App } from './App';
import { realBackend } from './real-backend';

render(<App backend={realBackend()} />, document.getElementById('app')!);
