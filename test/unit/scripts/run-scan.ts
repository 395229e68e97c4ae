/** Runs `npm run scan` (--no-feeds --json) as a user would, in a child process, optionally piping bytes to it. */
import { execFile } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

export interface ScannedDoc {
  source: string;
  error?: string;
  pages?: number;
  chars?: number;
  entities?: { name: string; count: number; aliases: Record<string, number> }[];
  matches?: { start: number; end: number; text: string }[];
}

export function scan(args: string[], stdin?: Buffer | string): Promise<{ code: number; docs: ScannedDoc[]; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['--import', 'tsx', 'scripts/scan.ts', '--no-feeds', '--json', ...args], { cwd: ROOT, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? ((error as { code?: number }).code ?? 1) : 0;
      resolve({ code, docs: stdout.trim() ? (JSON.parse(stdout) as { documents: ScannedDoc[] }).documents : [], stderr, stdout });
    });
    child.stdin?.end(stdin);
  });
}

/** The names spotted in a document, sorted. */
export const names = (d: ScannedDoc | undefined) => (d?.entities ?? []).map((e) => e.name).sort();

/** name → count */
export const counts = (d: ScannedDoc | undefined) => Object.fromEntries((d?.entities ?? []).map((e) => [e.name, e.count]));
