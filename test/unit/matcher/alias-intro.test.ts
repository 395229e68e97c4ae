/**
 * Audit H, finding 6: a name introduced as an alias by a clause whose head is a crew or software noun ("the group
 * also tracked as X") is a thing of that kind, where an actor and a malware share the name. Entities written for
 * these tests.
 */
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../src/core/model/entity';
import { compileDictionary, createMatcher } from '../../../src/core/matcher/index';
import { aliasIntroCueBefore } from '../../../src/core/matcher/ambiguity';
import { e } from './fixtures';

const ENTITIES: Entity[] = [
  // a malware family named after the crew, and the crew, which carries the same name as an alias
  e('quillworm', 'malware', 'Quillworm'),
  e('fin99', 'actor', 'FIN99', ['Quillworm', 'Ashen Heron']),
];
const matcher = createMatcher(compileDictionary(ENTITIES));
/** Security vocabulary enough for page context. */
const SEC = 'The ransomware crew used phishing mail to plant malware and a backdoor. ';
const kinds = (t: string) => matcher.match(SEC + t).map((m) => `${m.text}=${m.entityId}`);

describe('an alias introduced by "group … also tracked as"', () => {
  it('is the actor, not the same-named malware', () => {
    expect(kinds('Two men worked with FIN99, the financially motivated group also tracked as Quillworm, for years.')).toEqual(['FIN99=fin99', 'Quillworm=fin99']);
    expect(kinds('The crew known as Quillworm sold access.')).toEqual(['Quillworm=fin99']);
  });
  it('is the software after a software noun, and the same-named malware stays the default', () => {
    expect(kinds('The banking trojan, also known as Quillworm, stole logins.')).toEqual(['Quillworm=quillworm']);
    expect(kinds('The loader dropped Quillworm on the host.')).toEqual(['Quillworm=quillworm']);
  });
  it('takes the last kind noun of the clause, and only in the same clause', () => {
    expect(aliasIntroCueBefore('a ransomware gang known as X', 27)?.word).toBe('gang');
    expect(aliasIntroCueBefore('The group left. It is known as X', 31)).toBeUndefined();
  });
});
