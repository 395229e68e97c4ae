/**
 * Everything the options page needs from the outside world, as one object: the database, reader preferences,
 * file parsing, network, downloads. The real one lives in real-backend.ts; unit tests build a fake with
 * fake-indexeddb and in-memory settings, so every component runs without the extension.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Repository } from '../core/db/repository';
import type { ImportUndo } from '../core/db/import-export';
import type { Analysis } from './import/parse';
import type { Settings } from '../core/settings';

/** Progress of a long step, 0–1, or null when it cannot be measured (JSON parsing). */
export type Progress = (fraction: number | null) => void;

export interface OptionsBackend {
  repo: Repository;
  /** Resolves once the bundled data is in the database. */
  ready: Promise<unknown>;
  loadSettings(): Promise<Settings>;
  updateSettings(change: (s: Settings) => Settings): Promise<Settings>;
  onSettingsChanged(callback: (s: Settings) => void, signal: AbortSignal): void;
  /**
   * Parses a file's text and compares it with the database (nothing written), off the main thread where possible.
   * Never throws for bad input: problems are in the plan's and the preview's errors. Call once `ready` resolved.
   */
  analyse(text: string, fileName: string): Promise<Analysis>;
  /** Asks for the address's host permission; call first thing in a click handler. */
  requestOrigin(url: string): Promise<boolean>;
  /** Downloads a text file from an address the reader gave (after requestOrigin). */
  fetchText(url: string, onProgress: Progress, signal: AbortSignal): Promise<string>;
  /** Saves text as a file the reader downloads. */
  download(fileName: string, text: string, type: string): void;
  /** The undo record of the last import, kept across page loads. */
  lastUndo: {
    get(): Promise<ImportUndo | undefined>;
    set(undo: ImportUndo): Promise<void>;
    remove(): Promise<void>;
  };
  now(): Date;
}

export const BackendContext = createContext<OptionsBackend | null>(null);

export function useBackend(): OptionsBackend {
  const backend = useContext(BackendContext);
  if (!backend) throw new Error('OptionsBackend missing: wrap the page in <BackendContext.Provider>.');
  return backend;
}
