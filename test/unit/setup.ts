// Every unit test gets an in-memory IndexedDB; the webextension API is never loaded in Node.
import 'fake-indexeddb/auto';
import { loadEnglishWords } from '../../src/core/matcher/index';

// Compiling a dictionary needs the English word lists, which the background and the scripts load before compiling.
await loadEnglishWords();
