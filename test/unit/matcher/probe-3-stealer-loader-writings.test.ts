/**
 * Probe set 3 (session 24), a translated report: "the stealer Meta Stealer", where the feeds list "MetaStealer". A
 * family whose name ends in Stealer or Loader is written both glued and apart, whichever form a feed lists, as RAT
 * names are (compile.ts withKindWordVariant). Family names made up for these tests.
 */
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../src/core/data/index';
import { compileDictionary, createMatcher, loadEnglishWords, type Match } from '../../../src/core/matcher/index';
import { withKindWordVariant } from '../../../src/core/matcher/compile';
import { e } from './fixtures';

await loadEnglishWords();
const m = createMatcher(
  compileDictionary([...bundledDataset().entities, e('pelican-stealer', 'malware', 'PelicanStealer'), e('quill-loader', 'malware', 'Quill Loader')], { version: 'probe-3-kind-words' }),
);
const found = (text: string) => m.match(text).map((x: Match) => `${x.text}:${x.entityId}`);

const SECURITY = 'The intruders used phishing to install a backdoor, stole credentials and deployed ransomware on the servers.\n\n';

describe('a family ending in Stealer or Loader, glued or apart', () => {
  it('is spotted in the writing the feed does not list', () => {
    expect(found(SECURITY + 'The second stage was Pelican Stealer, which took browser cookies.')).toEqual(['Pelican Stealer:pelican-stealer']);
    expect(found(SECURITY + 'A QuillLoader sample fetched the payload.')).toEqual(['QuillLoader:quill-loader']);
  });
  it('adds the other writing only for those kind words and only after a lower-case letter or a digit', () => {
    expect(withKindWordVariant({ name: 'MetaStealer' }).map((a) => a.name)).toEqual(['MetaStealer', 'Meta Stealer']);
    expect(withKindWordVariant({ name: 'Hijack Loader' }).map((a) => a.name)).toEqual(['Hijack Loader', 'HijackLoader']);
    expect(withKindWordVariant({ name: 'XLoader' }).map((a) => a.name)).toEqual(['XLoader']);
    expect(withKindWordVariant({ name: 'Emotet' }).map((a) => a.name)).toEqual(['Emotet']);
  });
});
