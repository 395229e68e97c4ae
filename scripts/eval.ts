/**
 * npm run eval [-- --json] [--shared DIR] [--ransomware cue|malware|actor] [--errors dev|test] [--split dev|test] [--context]
 *
 * `--context` prints every exact-span error of configuration (b) on the error split with its surrounding text (for
 * tuning on dev; do not read the test split's errors).
 *
 * Scores the matcher on the AnnoCTR dev and test splits (../shared/eval) in three configurations:
 *  (a) bundled dataset alone, (b) bundled + MISP galaxy + ATT&CK feeds, (c) naive baseline (every name and alias of
 *  feeds + bundled, case-sensitive, plain word boundaries, leftmost-longest).
 * Kind → label, the way AnnoCTR defines its labels (decided on the dev split; see README):
 *  - actor and possible actors → actors (GROUP); malware and possible malware → malware (MALWARE);
 *  - tool → tools (TOOL), except software that MITRE ATT&CK types as `malware` (Cobalt Strike): AnnoCTR links its
 *    mentions to ATT&CK and labels those MALWARE (dev: Cobalt Strike ×6, all MALWARE);
 *  - ransomware → actors when the text reads the name as its operators (`sense`, the majority of the cues next to
 *    its mentions, match.ts) or, without a sense, when a group cue stands next to it ("DarkSide operators"), else
 *    malware (`--ransomware cue`, the default); `malware` and `actor` are the alternatives. AnnoCTR labels a ransomware name per operation, not per
 *    mention (dev: DarkSide always GROUP, REvil always MALWARE), so no per-mention rule can be right for both.
 * Exit 2 when ../shared (the corpus) is missing.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledDataset } from '../src/core/data/index';
import { compileDictionary, createMatcher, loadEnglishWords, type LinkEnds, type Match } from '../src/core/matcher/index';
import type { Entity, EntityKind } from '../src/core/model/entity';
import { LABELS, loadReports, score, type Label, type LabelScores, type PredSpan, type Report } from './lib/annoctr';
import { loadKnowledgeBase } from './lib/feeds';
import { NaiveGazetteer } from './lib/naive';

const args = process.argv.slice(2);
const json = args.includes('--json');
const argVal = (flag: string) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(argVal('--shared') ?? join(root, '..', 'shared'));
const onlySplit = argVal('--split');
if (onlySplit && onlySplit !== 'dev' && onlySplit !== 'test') {
  console.error('eval: --split takes dev or test');
  process.exit(1);
}
const errorSplit = argVal('--errors') ?? onlySplit ?? 'test';
const ransomwarePolicy = (argVal('--ransomware') ?? 'cue') as 'cue' | 'malware' | 'actor';

const splits = (onlySplit ? [onlySplit] : ['dev', 'test']) as readonly ('dev' | 'test')[];
const corpusPath = (s: string) => join(shared, 'eval', `annoctr-${s}.jsonl`);
if (!existsSync(shared) || !splits.every((s) => existsSync(corpusPath(s)))) {
  console.error(`eval: the AnnoCTR corpus was not found (looked for ${corpusPath('dev')} and ${corpusPath('test')}).`);
  console.error('eval: it lives in the shared folder next to the repository (../shared/eval); pass --shared DIR if it is elsewhere.');
  process.exit(2);
}

function labelOf(kind: EntityKind, m?: Pick<Match, 'cue' | 'possible' | 'entityId' | 'sense'>): Label {
  // possible malware (malware-namings.ts) is malware; a possible actor an actor
  if (m?.possible) return kind === 'actor' ? 'actors' : 'malware';
  switch (kind) {
    case 'actor':
      return 'actors';
    case 'tool':
      return m?.entityId && malwareListed.has(m.entityId) ? 'malware' : 'tools';
    case 'malware':
      return 'malware';
    case 'ransomware':
      if (ransomwarePolicy === 'actor') return 'actors';
      // the text's reading of the name (one sense per text, match.ts), else the cue next to this mention
      if (ransomwarePolicy === 'cue' && (m?.sense ? m.sense === 'actor' : m?.cue?.kind === 'actor')) return 'actors';
      return 'malware';
  }
}

const bundled = bundledDataset().entities;
// (b): the feeds imported into a seeded database with the extension's own importers and merge (scripts/lib/feeds.ts).
const kb = await loadKnowledgeBase({ feedDir: join(shared, 'data') });
if (kb.missing.length && !json) console.warn(`eval: feed files missing, configuration (b) is partial: ${kb.missing.join(', ')}`);
const all: Entity[] = kb.entities;
const feedEntityCount = kb.plans.reduce((a, p) => a + p.entities.length, 0);
/**
 * Software entities that a malware feed lists (ATT&CK `malware` objects, MISP malpedia): label MALWARE even when the
 * merged entity's kind is `tool` (label mapping only; not a dictionary input). Decided on the dev split: AnnoCTR
 * labels Remcos (×17), Mimikatz, QuasarRAT and Cobalt Strike MALWARE; ATT&CK types the first three as tools, and the
 * merged entity takes ATT&CK's tool/malware typing over a MISP galaxy's (import-merge.ts, kindRank).
 */
const malwareListed = new Set<string>();
const attackMalwareIds = new Set<string>();
for (const p of kb.plans) if (p.feed === 'attack') for (const e of p.entities) if (e.kind === 'malware') for (const id of e.externalIds?.attack ?? []) attackMalwareIds.add(id);
for (const e of all) if (e.kind === 'tool' && (e.provenance.includes('misp:malpedia') || (e.externalIds?.attack ?? []).some((id) => attackMalwareIds.has(id)))) malwareListed.add(e.id);

type Predictor = (text: string) => PredSpan[];
await loadEnglishWords();
function ourPredictor(entities: readonly Entity[], links: readonly LinkEnds[]): Predictor {
  const m = createMatcher(compileDictionary(entities, { links }));
  return (text) => m.match(text).map((x) => ({ start: x.start, end: x.end, surface: x.text, label: labelOf(x.kind, x) }));
}
function naivePredictor(entities: readonly Entity[]): Predictor {
  const g = new NaiveGazetteer(entities);
  return (text) => g.match(text).map((x) => ({ start: x.start, end: x.end, surface: x.text, label: labelOf(x.kind, { entityId: x.entityId }) }));
}

const configs: { key: string; title: string; predict: Predictor }[] = [
  { key: 'a', title: '(a) bundled only', predict: ourPredictor(bundled, bundledDataset().links) },
  { key: 'b', title: '(b) bundled + MISP + ATT&CK', predict: ourPredictor(all, kb.links) },
  { key: 'c', title: '(c) naive baseline (feeds+bundled, case-sensitive)', predict: naivePredictor(all) },
];

interface Row {
  split: string;
  config: string;
  label: Label;
  scores: LabelScores;
}
const rows: Row[] = [];
const reportsBySplit: Record<string, Report[]> = {};
for (const split of splits) {
  const reports = loadReports(corpusPath(split));
  reportsBySplit[split] = reports;
  for (const c of configs) {
    const preds = reports.map((r) => c.predict(r.text));
    for (const label of LABELS) rows.push({ split, config: c.key, label, scores: score(reports, preds, label) });
  }
}

const pct = (x: number) => (100 * x).toFixed(1);
const top = (m: Map<string, number>, n = 40) => [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n);

const f3 = (x: LabelScores) => `${pct(x.exact.p)} / ${pct(x.exact.r)} / **${pct(x.exact.f1)}**`;
function summaryTable(): string[] {
  const lines = ['| split | configuration | actors P / R / F1 | malware P / R / F1 | tools P / R / F1 |', '|---|---|---|---|---|'];
  for (const split of splits) {
    for (const c of configs) {
      const get = (label: Label) => rows.find((r) => r.split === split && r.config === c.key && r.label === label)?.scores as LabelScores;
      lines.push(`| ${split} | ${c.title} | ${f3(get('actors'))} | ${f3(get('malware'))} | ${f3(get('tools'))} |`);
    }
  }
  return lines;
}

/** Per-report exact F1 for actors and malware, configuration (b), on the error split. */
function perDocument(): { id: string; actors: LabelScores['exact']; malware: LabelScores['exact'] }[] {
  const reports = reportsBySplit[errorSplit] ?? [];
  const b = configs.find((c) => c.key === 'b') as (typeof configs)[number];
  return reports.map((r) => {
    const preds = [b.predict(r.text)];
    return { id: r.id, actors: score([r], preds, 'actors').exact, malware: score([r], preds, 'malware').exact };
  });
}

if (json) {
  const out = {
    summary: summaryTable(),
    perDocument: perDocument(),
    corpus: Object.fromEntries(splits.map((s) => [s, reportsBySplit[s]?.length ?? 0])),
    dictionary: { bundled: bundled.length, feedRecords: feedEntityCount, merged: all.length, missingFeeds: kb.missing },
    ransomwarePolicy,
    rows: rows.map((r) => ({
      split: r.split,
      config: r.config,
      label: r.label,
      exact: r.scores.exact,
      overlap: r.scores.overlap,
      doc: r.scores.doc,
      ...(r.split === errorSplit && r.config === 'b'
        ? { misses: Object.fromEntries(top(r.scores.misses, 1000)), falsePositives: Object.fromEntries(top(r.scores.falsePositives, 1000)) }
        : {}),
    })),
  };
  console.log(JSON.stringify(out, null, 2));
} else {
  console.log(`ActorLens matcher eval on AnnoCTR (${splits.map((s) => `${s}: ${reportsBySplit[s]?.length} reports`).join(', ')})`);
  console.log(`dictionary: ${bundled.length} bundled entities; with feeds ${all.length} merged entities (${feedEntityCount} feed records imported); ransomware policy: ${ransomwarePolicy}\n`);
  const header = '| split | config | label | exact P | exact R | exact F1 | TP/FP/FN | overlap P / R | doc P / R |';
  console.log(header);
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const e = r.scores.exact;
    const title = configs.find((c) => c.key === r.config)?.title ?? r.config;
    console.log(`| ${r.split} | ${title} | ${r.label} | ${pct(e.p)} | ${pct(e.r)} | ${pct(e.f1)} | ${e.tp}/${e.fp}/${e.fn} | ${pct(r.scores.overlap.p)} / ${pct(r.scores.overlap.r)} | ${pct(r.scores.doc.p)} / ${pct(r.scores.doc.r)} |`);
  }
  for (const r of rows.filter((x) => x.split === errorSplit && x.config === 'b')) {
    console.log(`\n${errorSplit} (b) ${r.label}: misses (exact span) by surface:`);
    console.log('  ' + (top(r.scores.misses).map(([s, n]) => `${JSON.stringify(s)}×${n}`).join(', ') || '(none)'));
    console.log(`${errorSplit} (b) ${r.label}: false positives (exact span) by surface:`);
    console.log('  ' + (top(r.scores.falsePositives).map(([s, n]) => `${JSON.stringify(s)}×${n}`).join(', ') || '(none)'));
  }
  console.log(`\n${errorSplit} (b) per report, exact P/R/F1 (TP/FP/FN):`);
  for (const d of perDocument()) {
    const cell = (x: LabelScores['exact']) => (x.tp + x.fp + x.fn ? `${pct(x.p)}/${pct(x.r)}/${pct(x.f1)} (${x.tp}/${x.fp}/${x.fn})` : '—');
    console.log(`  ${d.id.padEnd(60)} actors ${cell(d.actors).padEnd(30)} malware ${cell(d.malware)}`);
  }
  if (args.includes('--context')) {
    // Every exact-span error of configuration (b) on the error split, with 60 characters of context each side.
    const b = configs.find((c) => c.key === 'b') as (typeof configs)[number];
    const ctx = (t: string, s: number, e: number) => JSON.stringify(t.slice(Math.max(0, s - 60), s) + '[[' + t.slice(s, e) + ']]' + t.slice(e, e + 60));
    console.log(`\n${errorSplit} (b) errors in context:`);
    for (const r of reportsBySplit[errorSplit] ?? []) {
      const preds = b.predict(r.text);
      for (const label of LABELS) {
        const gold = r[label];
        const pr = preds.filter((p) => p.label === label);
        const gk = new Set(gold.map((g) => `${g.start}:${g.end}`));
        const pk = new Set(pr.map((p) => `${p.start}:${p.end}`));
        for (const p of pr) if (!gk.has(`${p.start}:${p.end}`)) console.log(`  FP ${label} ${r.id.slice(0, 30)} ${ctx(r.text, p.start, p.end)}`);
        for (const g of gold) if (!pk.has(`${g.start}:${g.end}`)) console.log(`  FN ${label} ${r.id.slice(0, 30)} ${ctx(r.text, g.start, g.end)}`);
      }
    }
  }
  console.log('\nSummary (exact-span precision / recall / F1, %; paste into the README):\n');
  for (const l of summaryTable()) console.log(l);
}
