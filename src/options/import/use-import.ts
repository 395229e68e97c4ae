/**
 * The import flow as a small state machine: read (or download) → parse and compare with the database (one
 * worker job: the preview, no writes) → the reader confirms → apply in one transaction (all or nothing) → undo offered.
 */
import { useCallback, useRef, useState } from 'preact/hooks';
import { applyImport, type ImportPreview, type ImportRecord } from '../../core/db/import-export';
import { checkSize, ImportError, type ImportIssue, type ImportPlan } from '../../core/importers/index';
import { useBackend } from '../backend';
import { jsonProblemError, jsonProblemOf, type JsonProblem } from './json-problem';
import { readFileText } from './read-file';

export type ImportState =
  | { step: 'idle' }
  | { step: 'reading'; name: string; progress: number | null; download: boolean }
  /** Parsing and comparing with the database (one worker job). */
  | { step: 'parsing'; name: string }
  /** `json`: the file is not complete, valid JSON (its one error then says so in words). */
  | { step: 'preview'; name: string; plan: ImportPlan; preview: ImportPreview; json?: JsonProblem }
  | { step: 'applying'; name: string; plan: ImportPlan; preview: ImportPreview }
  | { step: 'done'; record: ImportRecord }
  | { step: 'failed'; name: string; errors: ImportIssue[] };

export interface ImportFlow {
  state: ImportState;
  fromFile(file: File): Promise<void>;
  fromUrl(url: string, fileName: string): Promise<void>;
  apply(): Promise<void>;
  reset(): void;
}

function issueOf(error: unknown, file: string): ImportIssue {
  if (error instanceof ImportError) return error.toIssue();
  return { file, path: '', field: '', message: error instanceof Error ? error.message : String(error) };
}

export function useImport(onApplied: (record: ImportRecord) => void): ImportFlow {
  const backend = useBackend();
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const job = useRef<AbortController | undefined>(undefined);
  const stateRef = useRef(state);
  stateRef.current = state;

  const begin = () => {
    job.current?.abort();
    const controller = new AbortController();
    job.current = controller;
    return controller;
  };

  const analyse = useCallback(
    async (text: string, name: string, signal: AbortSignal) => {
      setState({ step: 'parsing', name });
      await backend.ready;
      const { plan, preview } = await backend.analyse(text, name);
      if (signal.aborted) return;
      const json = jsonProblemOf(plan, text);
      if (json) {
        const errors = [jsonProblemError(json, name)];
        setState({ step: 'preview', name, plan: { ...plan, errors }, preview: { ...preview, errors }, json });
        return;
      }
      setState({ step: 'preview', name, plan, preview });
    },
    [backend],
  );

  const fromFile = useCallback(
    async (file: File) => {
      const { signal } = begin();
      const tooBig = checkSize(file.size, file.name);
      if (tooBig) {
        setState({ step: 'failed', name: file.name, errors: [tooBig.toIssue()] });
        return;
      }
      try {
        setState({ step: 'reading', name: file.name, progress: 0, download: false });
        const text = await readFileText(file, (progress) => !signal.aborted && setState({ step: 'reading', name: file.name, progress, download: false }), signal);
        if (signal.aborted) return;
        await analyse(text, file.name, signal);
      } catch (error) {
        if (!signal.aborted) setState({ step: 'failed', name: file.name, errors: [issueOf(error, file.name)] });
      }
    },
    [analyse],
  );

  const fromUrl = useCallback(
    async (url: string, name: string) => {
      const { signal } = begin();
      try {
        setState({ step: 'reading', name, progress: null, download: true });
        const text = await backend.fetchText(url, (progress) => !signal.aborted && setState({ step: 'reading', name, progress, download: true }), signal);
        if (signal.aborted) return;
        await analyse(text, name, signal);
      } catch (error) {
        if (!signal.aborted) setState({ step: 'failed', name, errors: [issueOf(error, name)] });
      }
    },
    [analyse, backend],
  );

  const apply = useCallback(async () => {
    const current = stateRef.current;
    if (current.step !== 'preview' || current.preview.errors.length) return;
    setState({ ...current, step: 'applying' });
    try {
      const result = await applyImport(backend.repo, current.plan, backend.now());
      await backend.lastUndo.set(result.undo);
      setState({ step: 'done', record: result.record });
      onApplied(result.record);
    } catch (error) {
      // applyImport runs in one transaction: a failure leaves the database as it was.
      setState({ step: 'failed', name: current.name, errors: [issueOf(error, current.name)] });
    }
  }, [backend, onApplied]);

  const reset = useCallback(() => {
    job.current?.abort();
    setState({ step: 'idle' });
  }, []);

  return { state, fromFile, fromUrl, apply, reset };
}
