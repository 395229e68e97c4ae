/**
 * Probe set 3 (session 24), a help forum's thread: the poster writes in lower case, and the helpers who answer
 * capitalise their sentences but keep the thread's spelling of the names ("a miner, usually xmrig"). In such a thread a
 * coined name in lower case is the name in every post; in capitalised prose alone it is still read only in its own
 * case (a command, a package, a word of another language). Thread and names written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../src/core/data/index';
import { compileDictionary, createMatcher, loadEnglishWords, type Match } from '../../../src/core/matcher/index';
import { e } from './fixtures';

await loadEnglishWords();
const m = createMatcher(compileDictionary([...bundledDataset().entities, e('xmrig', 'tool', 'XMRig'), e('vidar', 'malware', 'Vidar')], { version: 'probe-3-threads' }));
const found = (text: string) => m.match(text).map((x: Match) => x.text);

const POSTER =
  'posted by marla_k\n\nhelp pls. my laptop is super slow since i installed a cracked photo editor. task manager shows something using 90% cpu. the antivirus found a trojan and some spyware and deleted them. what now?\n\n';
const HELPER =
  'reply from HelperBee\n\nThanks for the details. What you describe is typical of malware bundled with pirated software: a cryptocurrency miner, usually xmrig, plus an infostealer such as vidar that steals saved passwords and session cookies. Please run the scanner and post the log.\n\n';
const POSTER_AGAIN = 'reply from marla_k\n\nok done. log attached. it mentions a scheduled task called WinSvcUpd.\n';

describe('lower-case names in a thread where someone writes in lower case', () => {
  it('a helper who capitalises but spells the names in lower case is read', () => {
    expect(found(POSTER + HELPER + POSTER_AGAIN)).toEqual(['xmrig', 'vidar']);
  });
  it('the same capitalised reply alone needs the names in their own case', () => {
    expect(found(HELPER)).toEqual([]);
    expect(found(HELPER.replace('xmrig', 'XMRig').replace('vidar', 'Vidar'))).toEqual(['XMRig', 'Vidar']);
  });
});
