/**
 * The content script skips text the prefilter clears; that must never change what is found: whenever the
 * matcher finds something, the prefilter must say the text may match (same options, same page context).
 */
import { describe, expect, it } from 'vitest';
import { compileDictionary, compilePrefilter, createMatcher, createPrefilter, hasSecurityContext } from '../../../src/core/matcher/index';
import { ENTITIES } from '../matcher/fixtures';
import { rng } from '../../../scripts/lib/rng';
import { withNativeBase64 } from './native-base64';

const dict = compileDictionary(ENTITIES, { version: 't1' });
const matcher = createMatcher(dict);
const compiled = compilePrefilter(dict);
const prefilter = createPrefilter(JSON.parse(JSON.stringify(compiled)) as typeof compiled);

const WORDS = [
  'Lazarus', 'Lazarus Group', 'LAZARUS GROUP', 'lazarus', "Lazarus's", 'Lazarus’s tools', 'ZINC', 'zinc', 'APT 29', 'APT29', 'APT-29', 'apt29', 'APT38',
  'TrickBot', 'Trick-Bot', 'trickbot.dll', 'Trickster', 'TA505', 'TA 505', 'Graceful Spider', 'Cozy Bear', 'Midnight Blizzard', 'Cobalt',
  'Cobalt Group', 'Cobalt Strike', 'Cobalt’s Mine', 'Silence', 'silence', 'Equation', 'LEAD', 'lead', 'Emotet', 'EMOTET', 'GRU', 'Darkside',
  'DarkSide', 'NetWire', 'NetwireRAT', 'Netwire RAT', 'Storm-0558', 'Storm 0558', 'UNC2452', 'DEV-0537', 'FIN7', 'Wicked Panda', 'Crimson Kitten',
  'threat actor', 'Blackfly', 'group', 'gang', 'crew', 'dubbed', 'called', 'known as', 'tracked as', 'ransomware', 'malware', 'backdoor',
  'phishing', 'the', 'harbour', 'kettle', 'apple', 'lantern', 'river', 'office', 'and', 'of', 'a', 'an', 'with', 'Zebra', 'Quokka',
  'https://lazarus.example/x', 'user@trickbot.example', 'C:\\emotet\\x', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  'cobalt', 'silence', 'equation', 'darkSide', 'darkside', 'lazarus group', 'lazarus Group', 'trickBot', 'emotet', 'eMotet', 'cozy bear', 'cozy Bear', 'diamond sleet', 'gru',
  'ﬁle', 'soft\u00adware', 'Trick\u00adBot', '𝐄motet', 'Dia\u00a0mond Sleet', 'Diamond\u00a0Sleet', 'HIDDEN COBRA', 'Hidden Cobra',
  // word ends, glued RAT, letter↔digit switches, separators, non-ASCII and astral characters around names
  'EmotetRAT', 'emotetRAT', 'NetWireRAT', 'netwirerat', 'RAT', 'Trick', 'trick', 'Tricks', 'TrickBot2', 'Cozy\tBear', 'Cozy-Bear', 'APT\t29',
  'APT29x', 'Storm0558', 'storm-0558', 'TA-505', 'café', 'naïve', 'Zürich', '😀', 'Lazarus😀', 'Ｌazarus', 'ＴrickBot', 'dark\u00a0Side', 'Cobalt.', 'lazarus,',
  // the possible-malware rules' words (malware-namings.ts): kind nouns, naming verbs and coined names
  'loader', 'stealers', 'a new', 'is a', 'we named', 'codenamed', 'Quillstack', 'QuillStack', 'Harrowmere', 'family', 'web shell', 'RATs',
];
const GLUE = [' ', ' ', ' ', ', ', '. ', '\n', ' - ', '-', ' (', ') ', ' “', '” ', "'", '/', ' \t ', '', '  ', '\t', '…', ' — ', '\u00a0'];

describe('prefilter', () => {
  it('is a compact summary of the dictionary, in JSON', () => {
    expect(compiled.version).toBe('t1');
    expect(JSON.parse(JSON.stringify(compiled))).toEqual(compiled);
    expect(compiled.count).toBeGreaterThan(ENTITIES.length);
    // Names that match only with their capital are kept apart, so lower-case prose does not wake the matcher.
    expect(prefilter.mayMatch('the gru unit')).toBe(false);
    expect(prefilter.mayMatch('the GRU unit')).toBe(true);
    expect(prefilter.mayMatch('with apt29 tools')).toBe(false);
    expect(prefilter.mayMatch('with APT29 tools')).toBe(true);
  });

  it('lets every text through with a summary stored by an earlier version', () => {
    const legacy = createPrefilter({ version: 'old', sigs: 'lazarus\u0000gru' });
    expect(legacy.version).toBe('old');
    expect(legacy.mayMatch('The lazy river and the grace of a swan')).toBe(true);
  });

  it('reads a long text whole: a name anywhere, whatever the parts it is read in', () => {
    const filler = 'the harbour office noticed the copper kettles before the rain arrived. '.repeat(80);
    let found = 0;
    for (const name of ['TrickBot', 'Lazarus Group', 'APT 29', 'NetWireRAT', 'Storm-0558', 'Cozy Bear']) {
      for (let at = 1990; at < 2110; at += 3) {
        const text = `${filler.slice(0, at)}${at % 2 ? ' ' : ''}${name} ${filler.slice(at)}`;
        if (!matcher.match(text).length) continue;
        found++;
        expect(prefilter.mayMatch(text), `${name} at ${at}`).toBe(true);
      }
    }
    // Lazarus Group and Cozy Bear (Title Case words) need page context, which the filler has not: four names count.
    expect(found).toBeGreaterThan(80);
    expect(prefilter.mayMatch(filler)).toBe(false);
  });

  it('reads a name up to the end of the text, with a glued RAT, and around non-ASCII characters', () => {
    for (const text of ['seen with TrickBot', 'NetWireRAT', 'the NetWireRAT sample', 'APT\t29', 'Storm0558', '😀 TrickBot', 'Ｌazarus Group', 'café, then TrickBot'])
      expect(prefilter.mayMatch(text), text).toBe(true);
    // A name written in lower case where only its capital matches, at the very end of a text (no capital after it).
    for (const text of ['we saw midnight blizzard', 'a tired harbour office and cozy bear', 'the cobalt strike beacon', 'the netwirerat sample', 'Lazarus😀', 'trick'])
      expect(prefilter.mayMatch(text), text).toBe(false);
    // A coined one-word name that a writer who capitalises nothing may write in lower case (lower-case-writing.ts).
    for (const text of ['we saw emotet', 'a tired harbour office and emotet']) expect(prefilter.mayMatch(text), text).toBe(true);
  });

  it('clears ordinary prose and flags names, code patterns and (with context) trigger words', () => {
    expect(prefilter.mayMatch('The lazy river and the grace of a swan')).toBe(false);
    const prose = 'The harbour office noticed the copper kettles before the rain arrived.\nA tired archivist counted three brass lanterns.';
    expect(prefilter.mayMatch(prose)).toBe(false);
    expect(matcher.match(prose)).toEqual([]);
    expect(prefilter.mayMatch('Analysts tied it to Lazarus Group.')).toBe(true);
    expect(prefilter.mayMatch('seen with APT 29 last year')).toBe(true);
    expect(prefilter.mayMatch('a cluster tracked as UNC2452')).toBe(true);
    expect(prefilter.mayMatch('a cluster tracked as UNC2452', { possibleActors: false })).toBe(false);
    expect(prefilter.mayMatch('the Wicked Panda crew', { securityContext: false })).toBe(false);
    expect(prefilter.mayMatch('the Wicked Panda crew', { securityContext: true })).toBe(true);
    // possible malware (malware-namings.ts): a kind noun counts as a trigger word, on a page with context only
    for (const text of ['a new backdoor dubbed Quillstack', 'the Harrowmere loader', 'Vexdrop, a new infostealer, steals']) {
      expect(matcher.match(text, { securityContext: true }).filter((m) => m.possible && m.kind === 'malware'), text).toHaveLength(1);
      expect(prefilter.mayMatch(text, { securityContext: true }), text).toBe(true);
      expect(prefilter.mayMatch(text, { securityContext: true, possibleActors: false }), text).toBe(false);
    }
    // Read as the matcher reads it: the prepared copy (a soft hyphen dropped).
    expect(prefilter.mayMatch('soft\u00adware')).toBe(false);
    expect(prefilter.mayMatch('Trick\u00adBot')).toBe(true);
  });

  it('clears ordinary words that are names only when written with their capital', () => {
    const lower = 'the silence of the equation, zinc and lead, a gru in the lazy river';
    expect(matcher.match(lower, { securityContext: true })).toEqual([]);
    expect(prefilter.mayMatch(lower, { securityContext: true })).toBe(false);
    expect(prefilter.mayMatch('the Silence group', { securityContext: true })).toBe(true);
    expect(prefilter.mayMatch('the GRU unit')).toBe(true);
    // camel-case writing of a title-case name still counts ("darkSide" for "Darkside")
    expect(prefilter.mayMatch('the darkSide crew')).toBe(true);
  });

  it('never clears a text the matcher finds something in (random texts, all option combinations)', () => {
    const r = rng(42);
    let cleared = 0;
    let found = 0;
    for (let t = 0; t < 4000; t++) {
      const parts: string[] = [];
      const len = 1 + Math.floor(r() * 12);
      for (let w = 0; w < len; w++) {
        parts.push(WORDS[Math.floor(r() * WORDS.length)]!);
        parts.push(GLUE[Math.floor(r() * GLUE.length)]!);
      }
      const text = parts.join('');
      for (const possibleActors of [true, false]) {
        for (const ctx of [undefined, true, false]) {
          const securityContext = ctx ?? hasSecurityContext(text);
          const opts = { possibleActors, ...(ctx === undefined ? {} : { securityContext: ctx }) };
          const matches = matcher.match(text, opts);
          const may = prefilter.mayMatch(text, { possibleActors, securityContext });
          if (matches.length) {
            found++;
            if (!may) throw new Error(`cleared a text with matches: ${JSON.stringify(text)} ${JSON.stringify(opts)} → ${matches.map((m) => m.text).join(', ')}`);
          } else if (!may) cleared++;
        }
      }
    }
    expect(found).toBeGreaterThan(1000);
    expect(cleared).toBeGreaterThan(100);
  });

  describe('packed tables (read where the browser decodes base64 natively)', () => {
    const withDecoder = withNativeBase64;
    const stored = JSON.parse(JSON.stringify(compiled)) as typeof compiled;

    it('are used when present: tables packed from another dictionary give that dictionary’s answers', () => {
      const other = compilePrefilter(compileDictionary(ENTITIES.filter((e) => !/lazarus/i.test(e.name)), { version: 't2' }));
      const mixed = { ...stored, packed: other.packed, slots: other.slots, titleSpan: other.titleSpan };
      expect(createPrefilter(mixed).mayMatch('Analysts tied it to Lazarus Group.')).toBe(true); // no decoder: hashed from sigs
      expect(withDecoder(() => createPrefilter(mixed).mayMatch('Analysts tied it to Lazarus Group.'))).toBe(false);
    });

    it('answer exactly as the tables hashed from the signatures, stored with or without them', () => {
      const packedFilter = withDecoder(() => createPrefilter(stored));
      const bare = JSON.parse(JSON.stringify(compilePrefilter(dict, { signatures: false }))) as typeof compiled;
      expect(bare.sigs).toBeUndefined();
      expect(JSON.stringify(bare).length).toBeLessThan(JSON.stringify(stored).length);
      const bareFilter = withDecoder(() => createPrefilter(bare));
      const r = rng(7);
      let may = 0;
      for (let t = 0; t < 3000; t++) {
        const parts: string[] = [];
        for (let w = 1 + Math.floor(r() * 10); w > 0; w--) parts.push(WORDS[Math.floor(r() * WORDS.length)]!, GLUE[Math.floor(r() * GLUE.length)]!);
        const text = parts.join('');
        for (const possibleActors of [true, false]) {
          for (const securityContext of [true, false]) {
            const a = prefilter.mayMatch(text, { possibleActors, securityContext });
            if (a) may++;
            expect(packedFilter.mayMatch(text, { possibleActors, securityContext }), JSON.stringify(text)).toBe(a);
            expect(bareFilter.mayMatch(text, { possibleActors, securityContext }), JSON.stringify(text)).toBe(a);
          }
        }
      }
      expect(may).toBeGreaterThan(1000);
    });

    it('let everything through when they are all there is and cannot be read', () => {
      const bare = JSON.parse(JSON.stringify(compilePrefilter(dict, { signatures: false }))) as typeof compiled;
      for (const p of [createPrefilter(bare), withDecoder(() => createPrefilter({ ...bare, packed: bare.packed!.slice(0, -8) }))]) {
        expect(p.mayMatch('The lazy river and the grace of a swan')).toBe(true);
      }
      expect(withDecoder(() => createPrefilter(bare)).mayMatch('The lazy river and the grace of a swan')).toBe(false);
    });

    it('are ignored when damaged: the signatures are hashed instead', () => {
      for (const damaged of [{ packed: stored.packed!.slice(0, -8) }, { packed: '%%%not base64%%%' }, { slots: 3 }, { titleSpan: undefined }]) {
        const p = withDecoder(() => createPrefilter({ ...stored, ...damaged }));
        expect(p.mayMatch('Analysts tied it to Lazarus Group.')).toBe(true);
        expect(p.mayMatch('The lazy river and the grace of a swan')).toBe(false);
      }
    });
  });
});
