/**
 * Probe set 4 (session 25), a machine-translated insurance claim: its first section tells the attack in plain words
 * (ransom, attackers, VPN: no security vocabulary) and names "the Akira-group"; the ransomware is named as such a
 * section later. A cue of the name's kind next to it, with the same entity spotted elsewhere in the text, makes it the
 * threat (match.ts laterConfirmed). Text written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../src/core/data/index';
import { compileDictionary, createMatcher, loadEnglishWords, type Match } from '../../../src/core/matcher/index';

await loadEnglishWords();
const m = createMatcher(compileDictionary(bundledDataset().entities, { version: 'probe-4-cue-later' }));
const found = (text: string) => m.match(text).map((x: Match) => x.text);

const FIRST =
  '1. Description of the event\n\nOn Friday the night shift found that the production servers could no longer be reached. A text file demanded a ransom. ' +
  'The service provider assesses the procedure as typical for the Akira-group, which has hit many medium-sized companies since 2023. ' +
  'The attackers had logged in through the VPN with the account of a former trainee.\n\n';
const SECOND =
  '2. Course of the attack\n\nThe intruders ran Mimikatz to read credentials from memory and exfiltrated data with Rclone. ' +
  'On the last day the Linux variant of the Akira ransomware encrypted the hypervisors, and the malware deleted the backups.\n';

describe('a crew cue in a plain section, the threat named later', () => {
  it('reads the name with the cue once the text spots the same entity', () => {
    expect(found(FIRST + SECOND).filter((t) => t === 'Akira')).toHaveLength(2);
  });
  it('does not read it when the text never spots that entity', () => {
    expect(found(FIRST + SECOND.replace('Akira ransomware', 'encryptor'))).not.toContain('Akira');
  });
});
