/**
 * Scans a document in slices, paints matches and keeps the per-page tally that answers `actorlens:spotted`.
 */
import type { EntityKind } from '../core/model/entity';
import { createMatcher, type Matcher, type Match } from '../core/matcher/index';
import type { SpottedEntity, SpottedReport } from '../core/protocol';
import { callBackground } from '../platform/messaging';
import { textChunks, locate, type TextChunk } from './extract';
import { createPainter, type HighlightName, type Painter } from './highlighter';

export interface ScanOptions {
  suppressed: string[];
  kinds: EntityKind[];
  possibleActors: boolean;
}

/** Largest slice of text matched in one task; keeps every main-thread task well under 50 ms. */
const SLICE_CHARS = 150_000;

let cachedDict: { version: string; matcher: Matcher } | undefined;

async function loadMatcher(): Promise<Matcher> {
  const answer = await callBackground({ type: 'actorlens:getDictionary', have: cachedDict?.version });
  if (!cachedDict || answer.version !== cachedDict.version) {
    if (!answer.dict) throw new Error('ActorLens: the background sent no dictionary.');
    cachedDict = { version: answer.version, matcher: createMatcher(answer.dict) };
  }
  return cachedDict.matcher;
}

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class Scanner {
  private painter: Painter | undefined;
  private tally = new Map<string, SpottedEntity>();
  private done = false;
  private scanMs = 0;
  private run = 0;

  constructor(private readonly doc: Document) {}

  async start(options: ScanOptions, startedAt: number): Promise<SpottedReport> {
    const run = ++this.run;
    const matcher = await loadMatcher();
    this.clear();
    let securityContext: boolean | undefined;
    for (const chunk of textChunks(this.doc.body ?? this.doc.documentElement, SLICE_CHARS)) {
      if (run !== this.run) return this.report();
      securityContext ||= matcher.hasSecurityContext(chunk.text) || undefined;
      const matches = matcher.match(chunk.text, {
        suppressed: options.suppressed,
        possibleActors: options.possibleActors,
        ...(securityContext ? { securityContext } : {}),
      });
      this.paint(chunk, matches.filter((m) => options.kinds.includes(m.kind)));
      await yieldToPage();
    }
    this.done = true;
    this.scanMs = performance.now() - startedAt;
    void callBackground({ type: 'actorlens:reportSpotted', entities: [...this.tally.values()] }).catch(() => undefined);
    return this.report();
  }

  stop(): void {
    this.run++;
    this.clear();
  }

  report(): SpottedReport {
    return { done: this.done, scanMs: this.scanMs, matches: [...this.tally.values()] };
  }

  private paint(chunk: TextChunk, matches: Match[]): void {
    for (const m of matches) {
      const start = locate(chunk, m.start);
      const end = locate(chunk, m.end, true);
      if (!start || !end) continue;
      const range = this.doc.createRange();
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset);
      this.painter ??= createPainter(this.doc.defaultView as Window & typeof globalThis);
      this.painter.add(highlightName(m), range);
      const key = `${m.entityId ?? '?'}\u0000${m.text}`;
      const entry = this.tally.get(key);
      if (entry) entry.count++;
      else this.tally.set(key, { entityId: m.entityId, name: m.name, text: m.text, count: 1, kind: m.kind });
    }
  }

  private clear(): void {
    this.painter?.clear();
    this.painter = undefined;
    this.tally.clear();
    this.done = false;
  }
}

function highlightName(m: Match): HighlightName {
  return m.possible ? 'actorlens-possible' : `actorlens-${m.kind}`;
}
