/**
 * Probe set 4 (session 25), an IRC incident channel: each line opens with its time and the writer's nickname, and
 * analysts pick nicknames after monsters and malware. The nickname is a person's (person-handles.ts chatSpeaker); the
 * lines are records that stay apart (page-text.ts unwrapLines) yet make one conversation, so a threat named on one
 * line vouches for a lower-case name on the next (sections.ts line), and a name the log spots anywhere is the name at
 * its lower-case mentions with nothing near them (match.ts lowerConfirmed). Log and names written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../src/core/data/index';
import { compileDictionary, createMatcher, loadEnglishWords, type Match } from '../../../src/core/matcher/index';
import { unwrapLines } from '../../../src/core/page-text';
import { e } from './fixtures';

await loadEnglishWords();
const m = createMatcher(compileDictionary([...bundledDataset().entities, e('kraken', 'malware', 'Kraken')], { version: 'probe-4-chat' }));
const found = (text: string) => m.match(unwrapLines(text)).map((x: Match) => x.text);

const OPENING = [
  '21:02 <kraken> edr fired on fs02 at 20:41, suspicious rundll32 from appdata',
  '21:03 <hydra_> what is the payload. any ransomware note yet?',
  '21:04 <kraken> no note. unsigned dll, the sandbox says malware, a loader, probably latrodectus. the c2 domain is two days old',
  '21:05 <hydra_> ok. isolate it please, that loader feeds ransomware crews',
].join('\n');
const LATER = [
  '21:18 <kraken> found adfind output on fs02, timestamp 20:58',
  '21:19 <kraken> and a rclone config in the same folder but no exe, maybe deleted',
  '21:20 <@Kraken> checking the proxy now',
].join('\n');
const LOG = `${OPENING}\n${LATER}`;

/** Talk about shifts and coffee: over 600 characters with no security word between the log's start and its last lines. */
const CHATTER = [
  '21:06 <dbaker> hey, just joined from my phone, what did I miss on the call',
  '21:07 <hydra_> scroll up, it is all there. who is on shift after midnight',
  '21:08 <dbaker> me and sam. I will order pizza for the night team',
  '21:09 <kraken> extra olives on mine please, and a large coffee from the place downstairs',
  '21:10 <dbaker> noted. the lift on the third floor is broken again so take the stairs',
  '21:11 <hydra_> thanks. I am moving to the small meeting room, the big one is booked',
  '21:12 <dbaker> fine, I will bring the printouts there later tonight',
  '21:13 <kraken> brb',
].join('\n');

describe('a chat log', () => {
  it('does not read a speaker\'s nickname as the threat of that name, in any case', () => {
    expect(found(LOG)).not.toContain('kraken');
    expect(found(LOG)).not.toContain('Kraken');
    expect(found('[21:08:14] kraken: not yet, still decoding the stager\n[21:09:02] hydra_: the ransomware crew is in, check for cobalt strike')).not.toContain('kraken');
  });
  it('still reads the threats its writers name, a lower-case name on one line vouched for by a threat on the line before', () => {
    expect(found(LOG)).toEqual(['latrodectus', 'adfind', 'rclone']);
  });
  it('reads a run of timed lines as one conversation: a threat named on one line vouches for the next line\'s', () => {
    expect(found(`${OPENING}\n${CHATTER}\n${LATER}`)).toEqual(['latrodectus', 'adfind', 'rclone']);
  });
  it('reads a lower-case coined name with nothing near it where the log names the same threat later', () => {
    const first = '21:01 <kraken> vt says 9/72 for the dll, two engines call it latrodectus, one says icedid';
    const later =
      '21:15 <hydra_> too early to say. the latrodectus loader has fed ransomware crews before, the malware usually brings a c2 beacon\n' +
      '21:16 <kraken> the phishing mail had a js dropper, so expect a backdoor and a second ransomware affiliate on the box';
    expect(found(`${first}\n${CHATTER}\n${later}`)).toEqual(['latrodectus', 'latrodectus']);
    // icedid is named nowhere else: it stays unmarked, as does latrodectus when only the first line names it
    expect(found(`${first}\n${CHATTER}\n${later.replace('the latrodectus loader', 'that loader')}`)).toEqual([]);
  });
  it('reads a name before a colon as a name where no time stands before it', () => {
    expect(found('The botnets of the quarter\n\nKraken: the spam botnet came back in March, sending malware to banks.')).toEqual(['Kraken']);
  });
});
