// `npm test`: every tier in order; stops at the first failing step that later steps depend on, otherwise
// runs all and exits non-zero if any failed.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const e2e = readdirSync('test/e2e').filter((f) => f.endsWith('.test.ts')).sort().map((f) => `test/e2e/${f}`);

const steps = [
  ['typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json'], false],
  ['lint', 'npx', ['eslint', '.'], false],
  ['unit tests', 'npx', ['vitest', 'run'], false],
  ['build', 'node', ['scripts/build.mjs'], true],
  ['web-ext lint (Firefox)', 'npx', ['web-ext', 'lint', '--source-dir', 'dist', '--no-input'], false],
  ['browser tests (Chromium, Firefox)', 'node', ['--import', 'tsx', '--test', '--test-concurrency=1', ...e2e], false],
];

const results = [];
for (const [name, cmd, args, required] of steps) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const { status } = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  results.push({ name, ok: status === 0, s: ((Date.now() - started) / 1000).toFixed(1) });
  if (status !== 0 && required) break;
}
console.log('\n=== summary ===');
for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.s} s)`);
process.exit(results.every((r) => r.ok) && results.length === steps.length ? 0 : 1);
