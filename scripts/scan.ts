/**
 * npm run scan -- <file.html|file.txt|URL …> [--json] [--import FILE …] [--no-feeds] [--shared DIR]
 *
 * Runs the matcher core in Node on files or web pages and prints, per document, the entities spotted (counts, the
 * alias that matched and why) and their known links with confidence words (bundled dataset).
 * Dictionary: bundled dataset + public feeds in ../shared/data when present (unless --no-feeds) + --import files.
 * Exit 1 with a clear message when an input cannot be read.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileDictionary, createMatcher, loadEnglishWords, type Match } from '../src/core/matcher/index';
import { bandOf, deriveConfidence } from '../src/core/model/confidence';
import { loadKnowledgeBase } from './lib/feeds';
import { htmlToText, looksLikeHtml } from './lib/html-to-text';
import { unwrapLines } from '../src/core/page-text';

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
    if (!v) fail(`${a} needs a file argument`);
    if (a === '--import') imports.push(v as string);
    else shared = resolve(v as string);
    continue;
  }
  if (a.startsWith('--')) fail(`unknown option ${a}`);
  inputs.push(a);
}
if (!inputs.length) fail('usage: npm run scan -- <file.html|file.txt|URL …> [--json] [--import FILE …] [--no-feeds]');

function fail(msg: string): never {
  console.error(`scan: ${msg}`);
  process.exit(1);
}

// The same path as the extension: bundled seed, then each feed and --import file through the importers and the
// database merge (scripts/lib/feeds.ts), then the merged entities, links and claims read back.
let feedDir: string | undefined;
if (!noFeeds) {
  const dir = join(shared, 'data');
  if (existsSync(dir)) feedDir = dir;
  else if (!json) console.error(`scan: no public feeds at ${dir}; using the bundled dataset only`);
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
const matcher = createMatcher(compileDictionary(entities));

/** How long a web address may take to answer before the scan gives up on it. */
const FETCH_TIMEOUT_MS = 30_000;

/** An input that cannot be read: the message says why; other inputs are still scanned. */
class InputError extends Error {}

/**
 * Text from bytes: UTF-16 (reports saved on Windows often are) and UTF-8 by their byte-order mark, else the declared
 * charset or UTF-8. Bytes that are not text (a NUL among the first 8 KB) are refused rather than scanned as garbage.
 */
function decode(bytes: Uint8Array, src: string, charset?: string): string {
  const bom = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  if (!bom && bytes.subarray(0, 8192).includes(0)) throw new InputError(`${src} is not a text or HTML document (binary content)`);
  let label = bom ?? charset ?? 'utf-8';
  try {
    new TextDecoder(label);
  } catch {
    label = 'utf-8';
  }
  // The decoder drops a byte-order mark itself.
  return new TextDecoder(label).decode(bytes);
}

function charsetOf(type: string): string | undefined {
  return /;\s*charset=["']?([^"';\s]+)/i.exec(type)?.[1];
}

async function readUrl(src: string): Promise<{ text: string; html: boolean }> {
  let res: Response;
  try {
    res = await fetch(src, { redirect: 'follow', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (e) {
    const err = e as Error & { cause?: NodeJS.ErrnoException };
    const why = err.name === 'TimeoutError' ? `no answer within ${FETCH_TIMEOUT_MS / 1000} s` : (err.cause?.code ?? err.cause?.message ?? err.message);
    throw new InputError(`cannot fetch ${src}: ${why}`);
  }
  if (!res.ok) throw new InputError(`cannot fetch ${src}: HTTP ${res.status}`);
  const type = (res.headers.get('content-type') ?? '').toLowerCase();
  const media = type.split(';')[0]!.trim();
  if (media && !/^text\/|html|xml|json/.test(media)) throw new InputError(`${src} is not a text or HTML document (${media})`);
  const text = decode(new Uint8Array(await res.arrayBuffer()), src, charsetOf(type));
  // A declared type decides, as in a browser (text/plain is shown as text even if it starts with a tag).
  return { text, html: media ? /html|xml/.test(media) : looksLikeHtml(text) };
}

async function readInput(src: string): Promise<{ text: string; html: boolean }> {
  if (/^https?:\/\//i.test(src)) return readUrl(src);
  let file = src;
  if (/^file:/i.test(src)) file = fileURLToPath(src);
  else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(src)) throw new InputError(`cannot read ${src}: only http(s) addresses and files are read`);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new InputError(`cannot read ${src}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const text = decode(bytes, src);
  return { text, html: looksLikeHtml(text, file) };
}

interface Spotted {
  entityId: string | null;
  name: string;
  kind: string;
  possible: boolean;
  count: number;
  aliases: Record<string, number>;
  reasons: Record<string, number>;
}

function linksOf(ids: Set<string>) {
  return data.links
    .filter((l) => ids.has(l.from) || ids.has(l.to))
    .map((l) => {
      const d = deriveConfidence(l, data.claims.filter((c) => c.linkId === l.id));
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
  | { source: string; chars: number; securityContext: boolean; entities: Spotted[]; links: ReturnType<typeof linksOf>; matches?: Match[] };
const results: DocResult[] = [];
for (const src of inputs) {
  let raw: { text: string; html: boolean };
  try {
    raw = await readInput(src);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    // One unreadable input among many: said at once, the others still scanned, and the exit status is 1.
    console.error(`scan: ${e.message}`);
    process.exitCode = 1;
    results.push({ source: src, error: e.message });
    continue;
  }
  const text = raw.html ? htmlToText(raw.text) : unwrapLines(raw.text);
  const matches: Match[] = matcher.match(text);
  const spotted = new Map<string, Spotted>();
  for (const m of matches) {
    const key = m.entityId ?? `possible:${m.name}`;
    const s = spotted.get(key) ?? { entityId: m.entityId, name: m.name, kind: m.kind, possible: !!m.possible, count: 0, aliases: {}, reasons: {} };
    s.count++;
    // the matcher reports a surface as shown (one kind of space, no invisible characters)
    s.aliases[m.text] = (s.aliases[m.text] ?? 0) + 1;
    s.reasons[m.reason] = (s.reasons[m.reason] ?? 0) + 1;
    spotted.set(key, s);
  }
  const list = [...spotted.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  const ids = new Set(list.map((s) => s.entityId).filter((x): x is string => !!x));
  results.push({ source: src, chars: text.length, securityContext: matcher.hasSecurityContext(text), entities: list, links: linksOf(ids), ...(json ? { matches } : {}) });
}

/** Links listed per document in the text output beyond those between two entities of the page (--json has all). */
const OTHER_LINKS = 12;

if (json) {
  console.log(JSON.stringify({ dictionary: { entities: entities.length }, documents: results }, null, 2));
} else {
  for (const r of results) {
    if ('error' in r) {
      console.log(`\n== ${r.source}: not scanned`);
      continue;
    }
    console.log(`\n== ${r.source} (${r.chars} characters of text, security context: ${r.securityContext ? 'yes' : 'no'})`);
    if (!r.entities.length) console.log('  nothing spotted');
    for (const s of r.entities) {
      const aliases = Object.entries(s.aliases).map(([a, n]) => `"${a}"×${n}`).join(', ');
      const reasons = Object.entries(s.reasons).map(([a, n]) => `${a}×${n}`).join(', ');
      console.log(`  ${String(s.count).padStart(4)}  ${s.possible ? 'possible actor' : s.kind.padEnd(10)}  ${s.name}${s.entityId ? ` [${s.entityId}]` : ''}  — as ${aliases}; ${reasons}`);
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
}
