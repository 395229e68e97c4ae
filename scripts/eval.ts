/**
 * npm run eval [-- --json] [--shared DIR] [--ransomware cue|malware|actor] [--errors dev|test]
 *
 * Scores the matcher on the AnnoCTR dev and test splits (../shared/eval) in three configurations:
 *  (a) bundled dataset alone, (b) bundled + MISP galaxy + ATT&CK feeds, (c) naive baseline (every name and alias of
 *  feeds + bundled, case-sensitive, plain word boundaries, leftmost-longest).
 * Kind → label: actor and possible actors → actors; malware → malware; tool → tools; ransomware → actors when a
 * group cue stands next to it ("DarkSide gang", "REvil operators"), else malware (default `cue`, chosen on dev).
 * Exit 2 when ../shared (the corpus) is missing.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledDataset } from '../src/core/data/index';
import { compileDictionary, createMatcher, type Match } from '../src/core/matcher/index';
import type { Entity, EntityKind } from '../src/core/model/entity';
import { LABELS, loadReports, score, type Label, type LabelScores, type PredSpan, type Report } from './lib/annoctr';
import { loadFeedEntities } from './lib/feeds';
import { NaiveGazetteer } from './lib/naive';

const args = process.argv.slice(2);
const json = args.includes('--json');
const argVal = (flag: string) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(argVal('--shared') ?? join(root, '..', 'shared'));
const errorSplit = argVal('--errors') ?? 'test';
const ransomwarePolicy = (argVal('--ransomware') ?? 'cue') as 'cue' | 'malware' | 'actor';

const splits = ['dev', 'test'] as const;
const corpusPath = (s: string) => join(shared, 'eval', `annoctr-${s}.jsonl`);
if (!existsSync(shared) || !splits.every((s) => existsSync(corpusPath(s)))) {
  console.error(`eval: the AnnoCTR corpus was not found (looked for ${corpusPath('dev')} and ${corpusPath('test')}).`);
  console.error('eval: it lives in the shared folder next to the repository (../shared/eval); pass --shared DIR if it is elsewhere.');
  process.exit(2);
}

function labelOf(kind: EntityKind, m?: Pick<Match, 'cue' | 'possible'>): Label {
  if (m?.possible) return 'actors';
  switch (kind) {
    case 'actor':
      return 'actors';
    case 'tool':
      return 'tools';
    case 'malware':
      return 'malware';
    case 'ransomware':
      if (ransomwarePolicy === 'actor') return 'actors';
      if (ransomwarePolicy === 'cue' && m?.cue?.kind === 'actor') return 'actors';
      return 'malware';
  }
}

const bundled = bundledDataset().entities;
const feeds = loadFeedEntities(join(shared, 'data'));
if (feeds.missing.length && !json) console.warn(`eval: feed files missing, configuration (b) is partial: ${feeds.missing.join(', ')}`);
const all: Entity[] = [...bundled, ...feeds.entities];

type Predictor = (text: string) => PredSpan[];
function ourPredictor(entities: readonly Entity[]): Predictor {
  const m = createMatcher(compileDictionary(entities));
  return (text) => m.match(text).map((x) => ({ start: x.start, end: x.end, surface: x.text, label: labelOf(x.kind, x) }));
}
function naivePredictor(entities: readonly Entity[]): Predictor {
  const g = new NaiveGazetteer(entities);
  return (text) => g.match(text).map((x) => ({ start: x.start, end: x.end, surface: x.text, label: labelOf(x.kind) }));
}

const configs: { key: string; title: string; predict: Predictor }[] = [
  { key: 'a', title: '(a) bundled only', predict: ourPredictor(bundled) },
  { key: 'b', title: '(b) bundled + MISP + ATT&CK', predict: ourPredictor(all) },
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

if (json) {
  const out = {
    corpus: Object.fromEntries(splits.map((s) => [s, reportsBySplit[s]?.length ?? 0])),
    dictionary: { bundled: bundled.length, feeds: feeds.entities.length, missingFeeds: feeds.missing },
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
  console.log(`dictionary: ${bundled.length} bundled + ${feeds.entities.length} feed entities; ransomware policy: ${ransomwarePolicy}\n`);
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
}
