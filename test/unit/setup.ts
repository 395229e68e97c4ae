// Every unit test gets an in-memory IndexedDB; the webextension API is never loaded in Node.
import 'fake-indexeddb/auto';
