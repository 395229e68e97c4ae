/**
 * Clause-level evidence (audit F, findings 2 and 5): an appositive after a name, a later name of the same entity in
 * the same sentence, the head noun of a list, "hackers of X". The entities and sentences are written for these tests
 * (not copied from a feed or the eval corpus); names that are ordinary words are flagged `ambiguous` as a curator
 * would flag them, and an actor alias that is also the name of a malware record is set up as malpedia's clusters are.
 */
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../src/core/model/entity';
import { compileDictionary, createMatcher } from '../../../src/core/matcher/index';
import { appositiveCueAfter } from '../../../src/core/matcher/ambiguity';
import { e } from './fixtures';

const ENTITIES: Entity[] = [
  e('harbor', 'actor', 'Harbor Team', [{ name: 'Harbor', ambiguous: true }, 'Quiet Quokka', 'TZ-404']),
  e('marble', 'actor', 'Marble', [{ name: 'Marble', ambiguous: true }, 'VX-Marble']),
  // an actor alias that is also a malware family's own name (as malpedia lists the actors' toolsets)
  e('apt-tidal', 'actor', 'APT-Tidal', [{ name: 'ReefLynx', ambiguous: true }, 'QZ-77']),
  e('reeflynx-malware', 'malware', 'ReefLynx'),
  e('orchard', 'actor', 'Orchard Group', [{ name: 'Orchard', ambiguous: true }]),
  e('orchard-malware', 'malware', 'Orchard'),
  e('kiln', 'actor', 'Kiln', [{ name: 'Kiln', ambiguous: true }]),
  e('bramblebot', 'malware', 'BrambleBot'),
];
const matcher = createMatcher(compileDictionary(ENTITIES));
const spotted = (t: string) => matcher.match(t).map((m) => `${m.text}:${m.entityId}:${m.kind}`);

/** Security vocabulary for a short paragraph. */
const SEC = 'The malware arrived by phishing and opened a backdoor. ';

describe('appositiveCueAfter', () => {
  it('reads ", the [modifiers] <kind noun>" and alias introductions', () => {
    const at = (t: string, name: string) => appositiveCueAfter(t, t.indexOf(name) + name.length);
    expect(at('Harbor, the Baltic state-backed group, struck.', 'Harbor')).toMatchObject({ word: 'group', kind: 'actor' });
    expect(at('Kiln, a financially motivated crew that hunts banks.', 'Kiln')).toMatchObject({ word: 'crew', kind: 'actor' });
    expect(at('Orchard, the modular banking trojan, returned.', 'Orchard')).toMatchObject({ word: 'trojan', kind: 'software' });
    expect(at('Harbor (a.k.a. Quiet Quokka) struck.', 'Harbor')).toMatchObject({ kind: 'neutral' });
    expect(at('Harbor, also tracked as TZ-404, struck.', 'Harbor')).toMatchObject({ kind: 'neutral' });
  });
  it('needs the noun right after a few modifiers, in the same clause', () => {
    const at = (t: string, name: string) => appositiveCueAfter(t, t.indexOf(name) + name.length);
    expect(at('Harbor, the town where the group met.', 'Harbor')).toBeUndefined();
    expect(at('Harbor, an apt name for the port.', 'Harbor')).toBeUndefined();
    expect(at('Harbor and the group met.', 'Harbor')).toBeUndefined();
  });
  it('between dashes, in brackets, or as the predicate of "is"', () => {
    const at = (t: string, name: string) => appositiveCueAfter(t, t.indexOf(name) + name.length);
    expect(at('Harbor — the Baltic state-backed group — struck.', 'Harbor')).toMatchObject({ word: 'group', kind: 'actor' });
    expect(at('Harbor – a Baltic gang – struck.', 'Harbor')).toMatchObject({ word: 'gang', kind: 'actor' });
    expect(at('Harbor - a Baltic gang - struck.', 'Harbor')).toMatchObject({ word: 'gang', kind: 'actor' });
    expect(at('Harbor (a Baltic APT) struck.', 'Harbor')).toMatchObject({ word: 'apt', kind: 'actor' });
    expect(at('Orchard is a modular banking trojan.', 'Orchard')).toMatchObject({ word: 'trojan', kind: 'software' });
    expect(at('Kiln was a small crew of thieves.', 'Kiln')).toMatchObject({ word: 'crew', kind: 'actor' });
    expect(at('Harbor is a fine port for the group.', 'Harbor')).toBeUndefined();
    expect(at('Harbor (an apt name) struck.', 'Harbor')).toBeUndefined();
    expect(at('Harbor-a group-struck.', 'Harbor')).toBeUndefined();
  });
});

describe('finding 2: an ambiguous name opening a sentence, confirmed within the sentence', () => {
  it('an appositive after the name is a cue on a security page', () => {
    expect(spotted(SEC + 'Marble, the Baltic state-backed group, stole the keys.')).toContain('Marble:marble:actor');
    expect(spotted(SEC + 'Kiln, a financially motivated crew, sent the lures.')).toContain('Kiln:kiln:actor');
  });
  it('not on a page without security vocabulary', () => {
    expect(spotted('Marble, the Baltic folk group, played on Sunday. Kiln, a local crew, built the stage.')).toEqual([]);
    expect(spotted('Marble — the Baltic folk group — played on Sunday. Kiln is a local crew. Orchard Group met.')).toEqual([]);
  });
  it('an appositive between dashes or as a predicate is a cue on a security page', () => {
    expect(spotted(SEC + 'Marble — the Baltic state-backed group — stole the keys.')).toContain('Marble:marble:actor');
    expect(spotted(SEC + 'Kiln is a financially motivated crew that hunts banks.')).toContain('Kiln:kiln:actor');
  });
  it('a name ending in a capitalised crew word carries its own cue at a sentence start on a security page', () => {
    expect(spotted(SEC + 'Orchard Group stole the keys.')).toEqual(['Orchard Group:orchard:actor']);
    expect(spotted('The choir met on Sunday. Orchard Group stole the show.')).toEqual([]);
  });
  it('a later name of the same entity in the sentence confirms an earlier ordinary-word one', () => {
    expect(spotted(SEC + 'Harbor returned last week and, as Quiet Quokka, stole the keys.')).toEqual(['Harbor:harbor:actor', 'Quiet Quokka:harbor:actor']);
    expect(spotted(SEC + '\n* Harbor (a.k.a. Quiet Quokka, TZ-404) is back.')).toEqual(['Harbor:harbor:actor', 'Quiet Quokka:harbor:actor', 'TZ-404:harbor:actor']);
  });
  it('but not from the next sentence, nor from another entity', () => {
    expect(spotted(SEC + 'Harbor is a fine port. Quiet Quokka stole the keys.')).toEqual(['Quiet Quokka:harbor:actor']);
    expect(spotted(SEC + 'Harbor returned last week with BrambleBot.')).toEqual(['BrambleBot:bramblebot:malware']);
  });
  it('an abbreviation dot does not end the sentence', () => {
    expect(spotted(SEC + 'Harbor, e.g. TZ-404 in other reports, is back.')).toEqual(['Harbor:harbor:actor', 'TZ-404:harbor:actor']);
  });
});

describe('finding 5: clause evidence decides between an actor alias and a same-named malware', () => {
  it('an appositive naming a crew reads the actor', () => {
    expect(spotted(SEC + 'Later, ReefLynx, the Pacific group also tracked as QZ-77, struck again.')).toEqual(['ReefLynx:apt-tidal:actor', 'QZ-77:apt-tidal:actor']);
  });
  it('"hackers of X" reads the actor', () => {
    expect(spotted(SEC + 'Researchers said the Pacific hackers of ReefLynx sent the mail.')).toEqual(['ReefLynx:apt-tidal:actor']);
  });
  it('a neutral cue next to a list item does not replace the kind the list head gave it', () => {
    expect(spotted(SEC + 'We saw groups such as Marble, Kiln and Orchard attack banks.')).toEqual(['Marble:marble:actor', 'Kiln:kiln:actor', 'Orchard:orchard:actor']);
  });
  it('a software appositive still reads the software', () => {
    expect(spotted(SEC + 'Then ReefLynx, the modular backdoor, beaconed out.')).toEqual(['ReefLynx:reeflynx-malware:malware']);
  });
});
