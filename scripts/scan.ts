/**
 * npm run scan -- <file.html|file.txt|file.md|file.pdf|URL|- …> [--json] [--import FILE …] [--no-feeds] [--shared DIR]
 *
 * Runs the matcher core in Node on files, web pages or standard input (`-`) and prints, per document, the entities spotted (counts, the
 * alias that matched and why) and their known links with confidence words (bundled dataset).
 * Dictionary: bundled dataset + public feeds in ../shared/data when present (unless --no-feeds) + --import files.
 * Exit 1 with a clear message when an input cannot be read.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileDictionary, createMatcher, loadEnglishWords, type Match } from '../src/core/matcher/index';
import { bandOf, deriveConfidence } from '../src/core/model/confidence';
import { shownLink, statementKey, type Claim, type Link } from '../src/core/model/link';
import { loadKnowledgeBase } from './lib/feeds';
import { htmlToText } from './lib/html-to-text';
import { JsonArrayWriter } from './lib/json-stream';
import { InputError, readInput } from './lib/read-input';
import { unwrapLines } from '../src/core/page-text';
import { escapeInvisible } from '../src/core/importers/sanitize';

const argv = process.argv.slice(2);
const json = argv.includes('--json');
const noFeeds = argv.includes('--no-feeds');
const inputs: string[] = [];
const imports: string[] = [];
let shared = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared');
for (let i = 0; i < argv.length; i++) {
  const a = argv[i] as string;
  if (a === '--json' || a === '--no-feeds') continue;
  if (a === '--import' || a === '--shared') {
    const v = argv[++i];
    if (!v) fail(`${a} needs a ${a === '--import' ? 'file' : 'directory'} argument`);
    if (a === '--import') imports.push(v as string);
    else shared = resolve(v as string);
    continue;
  }
  if (a.startsWith('--')) fail(`unknown option ${a}`);
  inputs.push(a);
}
if (!inputs.length) fail('usage: npm run scan -- <file.html|file.txt|file.md|file.pdf|URL|- …> [--json] [--import FILE …] [--no-feeds] [--shared DIR]');

/**
 * One line on stderr. Messages quote inputs (a page's <meta charset> label, a server's Content-Type, a PDF's running
 * header, a file name): their control and direction characters are written escaped, so that no input can send the
 * terminal an escape sequence or turn the line around.
 */
function say(msg: string): void {
  console.error(`scan: ${escapeInvisible(msg)}`);
}

function fail(msg: string): never {
  say(msg);
  process.exit(1);
}

// The same path as the extension: bundled seed, then each feed and --import file through the importers and the
// database merge (scripts/lib/feeds.ts), then the merged entities, links and claims read back.
let feedDir: string | undefined;
if (!noFeeds) {
  const dir = join(shared, 'data');
  if (existsSync(dir)) feedDir = dir;
  else if (!json) say(`no public feeds at ${dir}; using the bundled dataset only`);
}
for (const f of imports) if (!existsSync(f)) fail(`cannot read ${f}: ENOENT`);
let data: Awaited<ReturnType<typeof loadKnowledgeBase>>;
try {
  data = await loadKnowledgeBase({ feedDir, extra: imports });
} catch (e) {
  fail((e as Error).message);
}
const entities = data.entities;
const byId = new Map(entities.map((e) => [e.id, e]));
await loadEnglishWords();
const matcher = createMatcher(compileDictionary(entities, { links: data.links }));

interface Spotted {
  entityId: string | null;
  name: string;
  kind: string;
  possible: boolean;
  count: number;
  aliases: Record<string, number>;
  reasons: Record<string, number>;
}

/**
 * The links touching the page's entities, as the popup lists them: a symmetric relation stated both ways is one row
 * (statementKey, shownLink) whose confidence comes from both statements' claims.
 */
const claimsOf = new Map<string, Claim[]>();
for (const c of data.claims) claimsOf.set(c.linkId, [...(claimsOf.get(c.linkId) ?? []), c]);
function linksOf(ids: Set<string>) {
  const facts = new Map<string, { link: Link; claims: Claim[] }>();
  for (const l of data.links) {
    if (!ids.has(l.from) && !ids.has(l.to)) continue;
    const key = statementKey(l);
    const claims = [...(claimsOf.get(l.id) ?? [])];
    const seen = facts.get(key);
    if (seen) {
      seen.link = shownLink(seen.link, l);
      seen.claims.push(...claims);
    } else facts.set(key, { link: l, claims });
  }
  return [...facts.values()].map(({ link: l, claims }) => {
    const d = deriveConfidence(l, claims);
    return {
      from: byId.get(l.from)?.name ?? l.from,
      relation: l.relation,
      to: byId.get(l.to)?.name ?? l.to,
      status: d.status,
      confidence: d.confidence ?? null,
      word: bandOf(d.confidence)?.key ?? 'unspecified',
      bothOnPage: ids.has(l.from) && ids.has(l.to),
    };
  });
}

const WORDS: Record<string, string> = {
  almostNoChance: 'almost no chance',
  veryUnlikely: 'very unlikely',
  unlikely: 'unlikely',
  roughlyEven: 'roughly even chance',
  likely: 'likely',
  veryLikely: 'very likely',
  almostCertain: 'almost certain',
  unspecified: 'confidence unspecified',
};

type DocResult =
  | { source: string; error: string }
  | { source: string; pages?: number; chars: number; securityContext: boolean; entities: Spotted[]; links: ReturnType<typeof linksOf>; matches?: Match[] };

function scanText(src: string, raw: { text: string; html: boolean; pages?: number }): DocResult {
  const text = raw.html ? htmlToText(raw.text) : unwrapLines(raw.text);
  const matches: Match[] = matcher.match(text);
  const spotted = new Map<string, Spotted>();
  for (const m of matches) {
    const key = m.entityId ?? `possible-${m.kind}:${m.name}`;
    // Tallies without a prototype: a name such as "toString" must count from zero, not from Object's method.
    const s = spotted.get(key) ?? { entityId: m.entityId, name: m.name, kind: m.kind, possible: !!m.possible, count: 0, aliases: Object.create(null) as Record<string, number>, reasons: Object.create(null) as Record<string, number> };
    s.count++;
    // the matcher reports a surface as shown (one kind of space, no invisible characters)
    s.aliases[m.text] = (s.aliases[m.text] ?? 0) + 1;
    s.reasons[m.reason] = (s.reasons[m.reason] ?? 0) + 1;
    spotted.set(key, s);
  }
  const list = [...spotted.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  const ids = new Set(list.map((s) => s.entityId).filter((x): x is string => !!x));
  return { source: src, ...(raw.pages !== undefined ? { pages: raw.pages } : {}), chars: text.length, securityContext: matcher.hasSecurityContext(text), entities: list, links: linksOf(ids), ...(json ? { matches } : {}) };
}

/** Links listed per document in the text output beyond those between two entities of the page (--json has all). */
const OTHER_LINKS = 12;

function printText(r: DocResult): void {
  if ('error' in r) {
    console.log(`\n== ${r.source}: not scanned`);
    return;
  }
  const pages = r.pages !== undefined ? `${r.pages} page${r.pages === 1 ? '' : 's'}, ` : '';
  console.log(`\n== ${r.source} (${pages}${r.chars} characters of text, security context: ${r.securityContext ? 'yes' : 'no'})`);
  if (!r.entities.length) console.log('  nothing spotted');
  for (const s of r.entities) {
    const aliases = Object.entries(s.aliases).map(([a, n]) => `"${a}"×${n}`).join(', ');
    const reasons = Object.entries(s.reasons).map(([a, n]) => `${a}×${n}`).join(', ');
    console.log(`  ${String(s.count).padStart(4)}  ${s.possible ? `possible ${s.kind}` : s.kind.padEnd(10)}  ${s.name}${s.entityId ? ` [${s.entityId}]` : ''}  — as ${aliases}; ${reasons}`);
  }
  // Links between two entities of the page first, then the strongest links to entities elsewhere.
  const byConfidence = (a: { confidence: number | null }, b: { confidence: number | null }) => (b.confidence ?? -1) - (a.confidence ?? -1);
  const both = r.links.filter((l) => l.bothOnPage).sort(byConfidence);
  const others = r.links.filter((l) => !l.bothOnPage).sort(byConfidence);
  const listed = [...both, ...others.slice(0, OTHER_LINKS)];
  if (listed.length) {
    console.log('  known links:');
    for (const l of listed) console.log(`    ${l.from} ${l.relation} ${l.to}: ${WORDS[l.word] ?? l.word}${l.confidence !== null ? ` (${l.confidence})` : ''}, ${l.status}${l.bothOnPage ? '' : ' (other end not on this page)'}`);
    if (others.length > OTHER_LINKS) console.log(`    … and ${others.length - OTHER_LINKS} more links to entities not on this page (--json lists them all)`);
  }
}

// Each document is written once scanned and then dropped: a failure (or the memory) of a later input cannot cost
// the results already had, and --json never holds its whole output in one string.
const writer = json ? new JsonArrayWriter(process.stdout, { dictionary: { entities: entities.length } }, 'documents') : undefined;
for (const src of inputs) {
  let result: DocResult;
  try {
    const raw = await readInput(src);
    for (const note of raw.notes) say(note);
    result = scanText(src, raw);
  } catch (e) {
    // One unreadable input among many: said at once, the others still scanned, and the exit status is 1. An
    // unexpected failure is kept to this input too, with its own message.
    const message = e instanceof InputError ? e.message : `cannot scan ${src}: ${(e as Error).message}`;
    say(message);
    process.exitCode = 1;
    result = { source: src, error: message };
  }
  if (writer) await writer.add(result);
  else printText(result);
}
await writer?.end();
