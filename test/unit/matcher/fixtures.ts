/** A small dictionary for matcher tests (original data written for the tests, not copied from any feed). */
import type { Entity } from '../../../src/core/model/entity';

/** An entity written for a test: names that are ordinary words are flagged `ambiguous` as a curator would flag them. */
export const e = (id: string, kind: Entity['kind'], name: string, aliases: (string | { name: string; ambiguous?: boolean })[] = []): Entity => ({
  id,
  kind,
  name,
  aliases: aliases.map((a) => (typeof a === 'string' ? { name: a } : a)),
  provenance: ['test'],
});

export const ENTITIES: Entity[] = [
  e('lazarus', 'actor', 'Lazarus Group', [{ name: 'Lazarus', ambiguous: true }, { name: 'ZINC', ambiguous: true }, 'APT38', 'HIDDEN COBRA', 'Diamond Sleet']),
  e('trickbot', 'malware', 'TrickBot', ['Trickster']),
  e('ta505', 'actor', 'TA505', ['Graceful Spider']),
  e('apt29', 'actor', 'APT29', ['Cozy Bear', { name: 'Midnight Blizzard', ambiguous: true }]),
  e('cobalt-group', 'actor', 'Cobalt Group', ['Cobalt']),
  e('cobalt-strike', 'tool', 'Cobalt Strike'),
  e('silence', 'actor', 'Silence'),
  e('equation', 'actor', 'Equation'),
  e('lead', 'actor', 'LEAD'),
  e('emotet', 'malware', 'Emotet'),
  e('gru', 'actor', 'GRU'),
  e('darkside', 'ransomware', 'Darkside'),
  e('netwire', 'malware', 'NetWire'),
  e('storm-0558', 'actor', 'Storm-0558'),
];
