/**
 * Where an actor and a piece of software share a written name, the grammar of the sentence says which one is meant
 * (grammar.ts; match.ts evaluate): "X targeted journalists" is the crew, "deployed X" the program. Entities written
 * for these tests.
 */
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../src/core/model/entity';
import { compileDictionary, createMatcher } from '../../../src/core/matcher/index';
import { grammarSense } from '../../../src/core/matcher/grammar';
import { e } from './fixtures';

const ENTITIES: Entity[] = [
  // a malware family named after the crew, which carries the same name as an alias (the family's own name wins by default)
  e('quillworm', 'malware', 'Quillworm'),
  e('fin99', 'actor', 'FIN99', ['Quillworm']),
  // a crew whose name a loader carries as an alias (the crew's own name wins by default)
  e('marshfox', 'actor', 'Marshfox'),
  e('mf-loader', 'malware', 'MF Loader', ['Marshfox']),
  // an ordinary word shared by a crew and a family
  e('harrier-crew', 'actor', 'Harrier Crew', [{ name: 'Harrier', ambiguous: true }]),
  e('harrier', 'malware', 'Harrier', [{ name: 'Harrier', ambiguous: true }]),
];
const matcher = createMatcher(compileDictionary(ENTITIES));
/** Security vocabulary enough for page context. */
const SEC = 'The ransomware crew used phishing mail to plant malware and a backdoor. ';
const ids = (t: string) => matcher.match(SEC + t).map((m) => `${m.text}=${m.entityId}`);

describe('a name an actor and a malware share, read by the grammar of its sentence', () => {
  it('is the actor as the subject of a verb people do, or after "attributed to" / "used by"', () => {
    expect(ids('Quillworm ran the campaign; Quillworm targeted journalists.')).toEqual(['Quillworm=fin99', 'Quillworm=fin99']);
    expect(ids('Since 2019 Quillworm has also been targeting think tanks.')).toEqual(['Quillworm=fin99']);
    expect(ids('Quillworm, who sold access to the networks, went quiet.')).toEqual(['Quillworm=fin99']);
    expect(ids('The intrusions were attributed to Quillworm.')).toEqual(['Quillworm=fin99']);
    expect(ids('The loader was developed by Quillworm.')).toEqual(['Quillworm=fin99']);
  });
  it('is the software as the subject of a verb programs do, or the object of a verb of delivery', () => {
    expect(ids('Marshfox encrypts its configuration with RC4.')).toEqual(['Marshfox=mf-loader']);
    expect(ids('The operators deployed Marshfox on the servers.')).toEqual(['Marshfox=mf-loader']);
    expect(ids('On reboot Marshfox is loaded by rundll32.')).toEqual(['Marshfox=mf-loader']);
    expect(ids('We found a new variant of Marshfox.')).toEqual(['Marshfox=mf-loader']);
  });
  it('leaves the default where the grammar says nothing, or the verb is passive', () => {
    expect(ids('We looked at Quillworm last week.')).toEqual(['Quillworm=quillworm']);
    expect(ids('Marshfox was targeted by a takedown.')).toEqual(['Marshfox=marshfox']);
    expect(ids('We looked at Marshfox last week.')).toEqual(['Marshfox=marshfox']);
    // "targets" a platform: a program's or a crew's ("targets Windows users"), so neither
    expect(ids('Quillworm targets Windows hosts.')).toEqual(['Quillworm=quillworm']);
    expect(ids('Quillworm targets diplomats.')).toEqual(['Quillworm=fin99']);
  });
  it('gives way to a cue word next to the name', () => {
    expect(ids('The Quillworm malware targeted journalists.')).toEqual(['Quillworm=quillworm']);
    expect(ids('The Marshfox group deployed a loader.')).toEqual(['Marshfox=marshfox']);
  });
  it('never makes a match of an ordinary word in ordinary prose', () => {
    const t = 'The birds were restless. Last spring a harrier targeted the nest, and Harrier, who ran the farm, deployed nets; Harrier targeted the crows.';
    expect(matcher.match(t)).toEqual([]);
    expect(matcher.match('Harrier targeted the crows at dawn and deployed Harrier again.')).toEqual([]);
  });
  it('reads subjects, agents and objects', () => {
    const at = (t: string, name: string) => grammarSense(t, t.indexOf(name), t.indexOf(name) + name.length);
    expect(at('X ran it', 'X')).toBe('actor');
    expect(at('X continued to conduct raids', 'X')).toBe('actor');
    expect(at('dropped by X', 'X')).toBeUndefined();
    expect(at('the dropper dropped “X”', 'X')).toBe('software');
    expect(at('X beacons every minute', 'X')).toBe('software');
    expect(at('X is written in Go', 'X')).toBe('software');
    expect(at('X, which spread quickly', 'X')).toBeUndefined();
    expect(at('The ducks X rans away', 'X')).toBeUndefined();
  });
  it('reads words as written: any case, no-break spaces, hyphens and quotes, whole words only', () => {
    const at = (t: string) => grammarSense(t, t.indexOf('X'), t.indexOf('X') + 1);
    expect(at('X\u00a0is\u00a0loaded')).toBe('software');
    expect(at('ATTRIBUTED  TO  the  X')).toBe('actor');
    expect(at('X, whom the agency named')).toBe('actor');
    expect(at('X targeted-attack style')).toBe('actor');
    expect(at('X targetedé')).toBeUndefined();
    expect(at('they redeployed X')).toBeUndefined();
    expect(at('the dropper side-loaded X')).toBe('software');
    expect(at('samples of its latest ‘X')).toBe('software');
    // a platform after "targets" in any case; "x86_64" is not "x86"
    expect(at('X TARGETS THE WINDOWS hosts')).toBeUndefined();
    expect(at('X targets x86_64 hosts')).toBe('actor');
    // a past participle after a form of "be" several words back is still passive
    expect(at('X has been is was carried out')).toBeUndefined();
  });
});
