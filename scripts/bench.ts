/**
 * npm run bench [-- --quick] [--shared DIR]
 *
 * Sections (add new benches as new sections below; each prints its own header):
 *   [matcher] matching throughput of src/core/matcher vs the naive gazetteer and one combined RegExp.
 *
 * The matcher is measured as the extension runs it: src/core/matcher bundled by esbuild (as in content.js), not
 * through tsx's module transform. Times are the best of several runs (the machine may be shared). `floor` is a
 * loop that only reads every code unit and finds word starts: no matcher can beat it in JavaScript.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledDataset } from '../src/core/data/index';
import * as esbuild from 'esbuild';
import * as direct from '../src/core/matcher/index';
import type { Entity } from '../src/core/model/entity';
import { loadKnowledgeBase } from './lib/feeds';
import { buildCombinedRegex, distinctNames, NaiveGazetteer } from './lib/naive';
import { rng } from './lib/rng';

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const sharedArg = argv.indexOf('--shared');
const shared = resolve(sharedArg >= 0 ? (argv[sharedArg + 1] as string) : join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared'));

// ---------------------------------------------------------------------------------------------------------------
// [matcher]
// ---------------------------------------------------------------------------------------------------------------


const FILLER = (
  'the a an of to in and for with on by from as that this it was were is are be been has have had not but or ' +
  'report analysts team network server traffic users company office system access data file update week month year ' +
  'researchers observed campaign activity new old large small early late first second several many few other same ' +
  'infrastructure domain address message email document attachment link page site customer partner vendor service ' +
  'said found noted described shared tracked linked used sent opened started stopped moved changed reported ' +
  'quickly slowly again later before after during while because although however therefore meanwhile'
).split(' ');

function generateText(bytes: number, names: readonly string[], seed: number): string {
  const r = rng(seed);
  const parts: string[] = [];
  let len = 0;
  while (len < bytes) {
    const words = 8 + Math.floor(r() * 14);
    const sent: string[] = [];
    for (let w = 0; w < words; w++) {
      sent.push(names.length && r() < 0.02 ? (names[Math.floor(r() * names.length)] as string) : (FILLER[Math.floor(r() * FILLER.length)] as string));
    }
    let s = sent.join(' ');
    s = s.charAt(0).toUpperCase() + s.slice(1) + (r() < 0.1 ? '.\n' : '. ');
    parts.push(s);
    len += s.length;
  }
  return parts.join('').slice(0, bytes);
}

/** Best of several runs (after a warm-up), so a busy machine inflates the figures less. */
function time<T>(fn: () => T, minMs = quick ? 50 : 300): { ms: number; result: T } {
  fn(); // warm-up
  let result: T;
  let best = Infinity;
  let runs = 0;
  const t0 = performance.now();
  do {
    const t = performance.now();
    result = fn();
    best = Math.min(best, performance.now() - t);
    runs++;
  } while ((performance.now() - t0 < minMs || runs < 3) && runs < 20);
  return { ms: best, result };
}

/** The matcher as bundled for the extension (esbuild), or the direct import if bundling fails. */
async function loadBundledMatcher(): Promise<typeof direct> {
  try {
    const entry = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'core', 'matcher', 'index.ts');
    const r = await esbuild.build({ entryPoints: [entry], bundle: true, format: 'esm', write: false, platform: 'neutral', target: 'es2022' });
    const code = r.outputFiles[0]?.text ?? '';
    return (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as typeof direct;
  } catch (e) {
    console.log(`  (esbuild bundle failed, measuring the tsx import: ${(e as Error).message})`);
    return direct;
  }
}

/** Reads every code unit and counts word starts: the floor of any JavaScript text scan. */
function walkFloor(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const w = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127;
    if (w && !inWord) words++;
    inWord = w;
  }
  return words;
}

async function matcherBench(): Promise<void> {
  const { compileDictionary, createMatcher, loadEnglishWords } = await loadBundledMatcher();
  await loadEnglishWords();
  console.log('[matcher] matching throughput (generated filler prose with ~2% of words replaced by known names)');
  const bundled = bundledDataset().entities;
  const haveFeeds = existsSync(join(shared, 'data'));
  if (!haveFeeds) console.log(`  (no feeds at ${join(shared, 'data')}: bundled names only)`);
  // Bundled + feeds merged as the extension merges them (importers + database, scripts/lib/feeds.ts).
  const all: Entity[] = haveFeeds ? (await loadKnowledgeBase({ feedDir: join(shared, 'data') })).entities : bundled;
  const r = rng(7);
  const shuffled = [...all].sort(() => r() - 0.5);
  const dictSizes: [string, Entity[]][] = [
    ['100 names', pickByNames(shuffled, 100)],
    ['1,000 names', pickByNames(shuffled, 1000)],
    [`all (${distinctNames(all).length.toLocaleString('en')} names)`, all],
  ];
  const textSizes = quick ? [100_000, 1_000_000] : [100_000, 1_000_000, 5_000_000];
  console.log('| dictionary | text | ours ms | MB/s | floor ms | naive ms | regex ms | ours/floor | ours/naive | ours/regex | matches (ours/naive/regex) |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const [label, ents] of dictSizes) {
    const names = distinctNames(ents);
    const t0 = performance.now();
    const dict = compileDictionary(ents);
    const buildMs = performance.now() - t0;
    const serialized = JSON.stringify(dict);
    const t1 = performance.now();
    const m = createMatcher(JSON.parse(serialized));
    const loadMs = performance.now() - t1;
    const naive = new NaiveGazetteer(ents);
    const t2 = performance.now();
    const re = buildCombinedRegex(names);
    const reBuild = performance.now() - t2;
    console.log(`  ${label}: compile ${buildMs.toFixed(1)} ms, serialized ${(serialized.length / 1024).toFixed(0)} KiB (${Buffer.byteLength(serialized)} bytes UTF-8), createMatcher from JSON ${loadMs.toFixed(1)} ms, regex build ${reBuild.toFixed(1)} ms`);
    for (const size of textSizes) {
      const text = generateText(size, names, size);
      const ours = time(() => m.match(text, { securityContext: true }).length);
      const fl = time(() => walkFloor(text));
      const nv = time(() => naive.match(text).length);
      const rx = time(() => {
        re.lastIndex = 0;
        let n = 0;
        while (re.exec(text)) n++;
        return n;
      }, 1);
      console.log(
        `| ${label} | ${(size / 1e6).toFixed(1)} MB | ${ours.ms.toFixed(1)} | ${(size / 1e6 / (ours.ms / 1000)).toFixed(1)} | ${fl.ms.toFixed(1)} | ${nv.ms.toFixed(1)} | ${rx.ms.toFixed(1)} | ${(ours.ms / fl.ms).toFixed(2)} | ${(ours.ms / nv.ms).toFixed(2)} | ${(ours.ms / rx.ms).toFixed(2)} | ${ours.result}/${nv.result}/${rx.result} |`,
      );
    }
  }
}

function pickByNames(entities: readonly Entity[], n: number): Entity[] {
  const out: Entity[] = [];
  let count = 0;
  for (const e of entities) {
    if (count >= n) break;
    out.push(e);
    count += 1 + e.aliases.length;
  }
  return out;
}

await matcherBench();
