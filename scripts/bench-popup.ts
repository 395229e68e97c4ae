/**
 * Popup speed with a large knowledge base: 10,000 entities and 50,000 links (plus the bundled dataset) in
 * fake-indexeddb, the App rendered in happy-dom with the real Repository-backed backend. Prints the time to the
 * first list paint, to the entity view's links, to its pivots, and to search results: a query most names start
 * with ("spider 12", answered by the name index alone) and a later word of names ("panda": Mustang Panda, Wicked
 * Panda…, which the popup's word search answers from the entities' word index), and a later word of every synthetic
 * name ("entity": Bench Entity 0, 1…, the worst case, where the index hands over all 10,000 rows; it comes after
 * "panda" in the same popup). Each run opens the popup afresh (a new backend, as each opening of the real popup is),
 * so every run pays what a first search costs. Figures only; nothing is asserted.
 * Run: node --import tsx scripts/bench-popup.ts
 */
import 'fake-indexeddb/auto';
import { Window } from 'happy-dom';
import messages from '../assets/_locales/en/messages.json' with { type: 'json' };

const ENTITIES = 10_000;
const LINKS = 50_000;

// A DOM for Preact, and the `browser` global webextension-polyfill hands back when it finds one.
const win = new Window({ url: 'chrome-extension://bench/popup/popup.html' });
const g = globalThis as Record<string, unknown>;
for (const key of ['document', 'HTMLElement', 'Element', 'Node', 'Event', 'KeyboardEvent', 'MouseEvent', 'CSS', 'requestAnimationFrame', 'cancelAnimationFrame', 'getComputedStyle', 'MutationObserver']) {
  g[key] = (win as unknown as Record<string, unknown>)[key];
}
g.window = win;
const table = messages as Record<string, { message: string }>;
// The polyfill checks `chrome.runtime.id` first, then returns an existing `browser` as is.
g.chrome = { runtime: { id: 'bench' } };
g.browser = {
  runtime: { id: 'bench' },
  i18n: { getMessage: (key: string, subs?: string | string[]) => { const list = subs === undefined ? [] : [subs].flat(); let i = 0; return (table[key]?.message ?? '').replace(/\$[A-Z_]+\$/g, () => list[i++] ?? ''); } },
};

const { render } = await import('preact');
const { h } = await import('preact');
const { ActorLensDb } = await import('../src/core/db/database');
const { Repository, toRow } = await import('../src/core/db/repository');
const { bundledDataset, BUNDLED_VERSION } = await import('../src/core/data/index');
const { RELATIONS } = await import('../src/core/model/link');
const { ENTITY_KINDS } = await import('../src/core/model/entity');
const { DEFAULT_SETTINGS } = await import('../src/core/settings');
const { repositoryBackend } = await import('../src/popup/repo-backend');
const { App } = await import('../src/popup/App');

const db = new ActorLensDb('bench-popup');
const repo = new Repository(db);
let t0 = performance.now();
await repo.seed(bundledDataset(), BUNDLED_VERSION);
const bundled = await repo.allEntities();
// Deterministic pseudo-random numbers, so runs compare.
let seed = 42;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const entities = Array.from({ length: ENTITIES }, (_, i) => ({
  id: `bench-${i}`,
  kind: ENTITY_KINDS[i % ENTITY_KINDS.length]!,
  name: `Bench Entity ${i.toString(36)}`,
  aliases: [{ name: `BE-${i}`, usedBy: 'Bench' }, { name: `Spider ${i}` }],
  description: 'Synthetic entity for the popup benchmark.',
  provenance: ['bench'],
}));
await db.entities.bulkPut(entities.map(toRow));
const ids = [...entities.map((e) => e.id), ...bundled.map((e) => e.id)];
const links = [];
const claims = [];
for (let i = 0; i < LINKS; i++) {
  // Some links touch bundled entities, so Lazarus Group has extra neighbours (and they have theirs) too.
  const from = i % 1250 === 0 ? 'lazarus-group' : ids[Math.floor(rnd() * ids.length)]!;
  const to = ids[Math.floor(rnd() * ids.length)]!;
  if (from === to) continue;
  const relation = RELATIONS[i % RELATIONS.length]!;
  const id = `${from}~${relation}~${to}~${i}`;
  links.push({ id, from, to, relation, status: 'active' as const, provenance: ['bench'] });
  claims.push({ id: `${id}#0`, linkId: id, stance: 'supports' as const, confidence: 50 + (i % 50), source: { title: `Bench source ${i}`, publisher: `Publisher ${i % 97}` }, origin: 'bench', created: '2026-01-01T00:00:00.000Z' });
}
await db.links.bulkPut(links);
await db.claims.bulkPut(claims);
console.log(`seeded ${await db.entities.count()} entities, ${await db.links.count()} links, ${await db.claims.count()} claims in ${(performance.now() - t0).toFixed(0)} ms`);

const report = {
  done: true,
  scanMs: 2,
  matches: [
    { entityId: 'lazarus-group', name: 'Lazarus Group', text: 'Lazarus Group', count: 4, kind: 'actor' as const },
    { entityId: 'trickbot', name: 'TrickBot', text: 'TrickBot', count: 6, kind: 'malware' as const },
    { entityId: 'ta505', name: 'TA505', text: 'TA505', count: 2, kind: 'actor' as const },
    { entityId: 'dridex', name: 'Dridex', text: 'Dridex', count: 1, kind: 'malware' as const },
  ],
};
const newBackend = () => ({
  ...repositoryBackend(repo),
  tab: async () => ({ id: 1, url: 'https://news.example/a', title: 'A', page: { url: 'https://news.example/a', title: 'A' } }),
  spotted: async () => report,
  settings: async () => DEFAULT_SETTINGS,
  toggleSite: async () => DEFAULT_SETTINGS,
  resume: async () => DEFAULT_SETTINGS,
  openOptions: () => undefined,
  rescan: async () => undefined,
});

const root = win.document.createElement('div');
win.document.body.append(root);
async function until(test: () => unknown): Promise<number> {
  for (;;) {
    if (test()) return performance.now() - t0;
    await new Promise((r) => setTimeout(r, 0));
  }
}
const q = (sel: string) => root.querySelector(sel) as unknown as HTMLElement | null;

const runs: Record<string, number[]> = { list: [], entity: [], pivots: [], search: [], words: [], everyWord: [] };
const search = async (input: HTMLInputElement, query: string) => {
  t0 = performance.now();
  input.value = query;
  input.dispatchEvent(new win.Event('input', { bubbles: true }) as unknown as Event);
  const ms = await until(() => q('#results-heading'));
  input.value = '';
  input.dispatchEvent(new win.Event('input', { bubbles: true }) as unknown as Event);
  await until(() => !q('#results-heading'));
  return ms;
};
for (let run = 0; run < 5; run++) {
  render(null, root as unknown as Element);
  t0 = performance.now();
  render(h(App, { backend: newBackend() }), root as unknown as Element);
  runs.list!.push(await until(() => root.querySelectorAll('.spotted .entity-row').length === 4));
  const lazarus = [...root.querySelectorAll('.spotted .entity-row')].find((b) => b.textContent?.includes('Lazarus Group')) as unknown as HTMLElement;
  t0 = performance.now();
  lazarus.click();
  runs.entity!.push(await until(() => q('.link-row')));
  runs.pivots!.push(await until(() => q('.pivots')));
  // Back, then search: indexed prefix query over 10k names and aliases.
  (q('button.back') as HTMLElement).click();
  const input = await until(() => q('input[type=search]')).then(() => q('input[type=search]') as HTMLInputElement);
  runs.search!.push(await search(input, 'spider 12'));
  // A later word: the popup's first such search (fresh backend each run).
  runs.words!.push(await search(input, 'panda'));
  // A later word of all 10,000 synthetic names.
  runs.everyWord!.push(await search(input, 'entity'));
}
const linkCount = root.ownerDocument && (await repo.linksOf('lazarus-group')).length;
const fmt = (xs: number[]) => `first ${xs[0]!.toFixed(1)} ms, median ${[...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(1)} ms`;
console.log(`popup with ${ENTITIES} synthetic + ${bundled.length} bundled entities, ${LINKS} links (Lazarus Group has ${linkCount} links), 5 runs:`);
console.log(`  first list paint (On this page) ${fmt(runs.list!)}`);
console.log(`  entity view: links painted       ${fmt(runs.entity!)}`);
console.log(`  entity view: pivots painted      ${fmt(runs.pivots!)}`);
console.log(`  search results ("spider 12")     ${fmt(runs.search!)}`);
console.log(`  search results ("panda", later word, first word search of the popup) ${fmt(runs.words!)}`);
console.log(`  search results ("entity", a later word of ${ENTITIES} names)  ${fmt(runs.everyWord!)}`);
render(null, root as unknown as Element);
db.close();
await win.happyDOM.close();
