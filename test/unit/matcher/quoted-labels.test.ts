/**
 * Audit L: a quoted label that starts with an ordinary-word name and goes on with an ordinary noun ("Unknown
 * family", "Silent sample") is a label a product or a report shows, not the family; a cue that says security by
 * itself, or the name inside a sentence, still names it. Entities written for these tests.
 */
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../src/core/model/entity';
import { compileDictionary, createMatcher } from '../../../src/core/matcher/index';
import { e } from './fixtures';

const ENTITIES: Entity[] = [
  e('unk', 'ransomware', 'Unknown'),
  e('silent', 'malware', 'Quiet', [{ name: 'Quiet', ambiguous: true }]),
  e('redline', 'malware', 'RedLine Stealer'),
];
const matcher = createMatcher(compileDictionary(ENTITIES));
const found = (t: string) => matcher.match(t).map((m) => `${m.text}=${m.entityId}`);

const SEC = 'The ransomware crew used phishing mail to plant malware and a backdoor on the servers. ';

describe('a quoted label opened by an ordinary-word name', () => {
  it('is not spotted when an ordinary noun follows the name inside the quotes', () => {
    const t = `${SEC}- Fixed the console showing "Unknown family" for RedLine Stealer alerts.\n- The report lists a ‘Quiet sample’ too.`;
    expect(found(t)).toEqual(['RedLine Stealer=redline']);
  });
  it('is still spotted with a cue that says security by itself', () => {
    expect(found(`${SEC}Analysts named it "Unknown ransomware" in the report.`)).toContain('Unknown=unk');
  });
  it('is still spotted with an ordinary-noun cue inside a sentence, outside quotes', () => {
    expect(found(`${SEC}Researchers linked the Quiet family to the same servers.`)).toContain('Quiet=silent');
  });
});
