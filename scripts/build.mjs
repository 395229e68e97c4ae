// Builds dist/ (one directory loads in both Chrome and Firefox):
//  - popup and options pages: ES modules (fine on extension pages);
//  - background and content script: one classic IIFE file each (content scripts cannot be modules, and a
//    classic worker file serves as Chrome's service worker and Firefox's background script alike);
//  - manifest.json and assets/ copied as they are.
// Usage: node scripts/build.mjs [--watch]
import { build } from 'vite';
import preact from '@preact/preset-vite';
import { cp, mkdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dist = path.join(root, 'dist');
const watch = process.argv.includes('--watch') ? {} : null;
const started = Date.now();

const common = {
  configFile: false,
  logLevel: 'warn',
  define: { 'process.env.NODE_ENV': '"production"' },
  build: { minify: process.env.ACTORLENS_NO_MINIFY ? false : true, sourcemap: false, target: ['chrome110', 'firefox128'], watch },
};

await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });

await build({
  ...common,
  root: path.join(root, 'src'),
  base: './',
  plugins: [preact()],
  build: {
    ...common.build,
    outDir: dist,
    emptyOutDir: false,
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: {
        popup: path.join(root, 'src/popup/popup.html'),
        options: path.join(root, 'src/options/options.html'),
      },
    },
  },
});

const scripts = { background: 'src/background/index.ts', content: 'src/content/index.ts', 'content-early': 'src/content/early.ts' };
for (const [name, entry] of Object.entries(scripts)) {
  await build({
    ...common,
    root,
    build: {
      ...common.build,
      outDir: dist,
      emptyOutDir: false,
      lib: { entry: path.join(root, entry), formats: ['iife'], name: `actorlens_${name.replace('-', '_')}`, fileName: () => `${name}.js` },
    },
  });
}

await cp(path.join(root, 'assets'), dist, { recursive: true });
await cp(path.join(root, 'manifest.json'), path.join(dist, 'manifest.json'));
console.log(`built dist/ in ${Date.now() - started} ms`);
