/**
 * Session 25, helper KL: spotting leftovers of earlier sessions, each fixed by a rule meant for pages not seen
 * (bundled data only; sentences written for the test):
 * - "the Empire" as the ordinary noun on a page that names PowerShell Empire (ambiguity.ts definiteOrdinaryNoun);
 * - a dual-use product the attack abuses, not a tool the intruders run (abused-products.ts);
 * - a threat a naming statement just gave is context for a flagged tool after it in its paragraph (match.ts
 *   emitPossible → threatSpottedBefore).
 */
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../src/core/data/index';
import { compileDictionary, createMatcher } from '../../../src/core/matcher/index';
import { e } from './fixtures';

const data = bundledDataset();
const matcher = createMatcher(compileDictionary(data.entities, { version: 'leftovers-s25', links: data.links }));
const spots = (t: string) => matcher.match(t).map((m) => m.text);

const REPORT = 'The phishing campaign delivered a loader; the threat actor then moved laterally, dumped credentials and staged data for exfiltration over its C2 channel.';

describe('"the Empire" on a page about PowerShell Empire', () => {
  const PAGE = `${REPORT} The operators ran PowerShell Empire on the domain controller.`;
  it('the ordinary noun after "the" is not the tool', () => {
    expect(spots(`${PAGE} The Empire strikes back, the researchers joked. The fall of the Empire was slow. He built the Empire from nothing.`)).toEqual(['PowerShell Empire']);
  });
  it('the tool bare, or before a noun of its own, is', () => {
    expect(spots(`${PAGE} They used Empire for lateral movement, and the Empire implant beaconed every minute while the Empire post-exploitation framework loaded modules.`)).toEqual([
      'PowerShell Empire',
      'Empire',
      'Empire',
      'Empire',
    ]);
  });
});

describe('a dual-use product the attack abuses', () => {
  it('a vulnerable version of it, or a legitimate binary named as such, is no tool', () => {
    expect(spots(`${REPORT} The RAT exploits an older vulnerable version of TeamViewer for DLL side-loading; the chain leverages legitimate binaries such as TeamViewer.`)).toEqual([]);
  });
  it('the product the intruders install is the tool, and "legitimate tools such as" names their own', () => {
    expect(spots(`${REPORT} The intruders installed TeamViewer on two servers. They relied on legitimate tools such as AnyDesk and a new version of Mimikatz.`)).toEqual(['TeamViewer', 'AnyDesk', 'Mimikatz']);
  });
});

describe('a threat just named by a naming statement, then a flagged tool in its paragraph', () => {
  const SUMMARY = 'Summary\n\nA vendor is aware of limited exploitation of two vulnerabilities in its gateway by a threat actor that deployed malware. Customers should upgrade to the fixed release immediately; the backdoor survives reboots.\n\nObserved activity\n\n';
  it('the tool after it is spotted', () => {
    expect(spots(`${SUMMARY}In the cases investigated, the attacker deployed a passive web shell named Quillvane into the appliance's web root and a tunnelling implant that listens for crafted packets. On two appliances the attacker also installed the open-source SOCKS proxy Chisel to reach internal Windows hosts. The customer's operations team rebuilt both appliances from clean images over the weekend.`)).toEqual(['Quillvane', 'Chisel']);
  });
  it('without the naming, the flagged tool in a paragraph with no security word stays unmarked', () => {
    expect(spots(`${SUMMARY}In the cases investigated, the attacker placed a passive script into the appliance's web root and a small program that listens for crafted packets. On two appliances the attacker also installed the open-source SOCKS proxy Chisel to reach internal Windows hosts. The customer's operations team rebuilt both appliances from clean images over the weekend.`)).toEqual([]);
  });
});

describe('a flagged name opening a sentence, with a threat of its kind as the object (same-kind.ts)', () => {
  const ROUNDUP = 'Ransomware groups posted 1,400 victims on their leak sites this quarter; double extortion remains the norm and affiliates steal data before encryption.';
  it('is the brand the object is compared with', () => {
    expect(spots(`${ROUNDUP}\nQilin overtook Akira as the most prolific brand for the first time.`)).toEqual(['Qilin', 'Akira']);
  });
  it('not an English word, nor without an object of its kind, nor with an object of another kind', () => {
    expect(spots(`${ROUNDUP}\nPlay overtook Akira in August. Silence fell over the room as the negotiators stopped answering. Cobalt prices rose in the quarter. Qilin rose in the rankings as an idea. Qilin visited TrickBot in the story. Qilin was the beast we read about, and then Akira came up.`)).toEqual(['Akira', 'TrickBot', 'Akira']);
  });
});

describe('a crew-scheme name whose head the dictionary refused', () => {
  // the feeds list a ransomware "Relic" (MISP ransomware galaxy), which took the head of BI.ZONE's "Relic Werewolf"
  const withRelic = createMatcher(compileDictionary([...data.entities, e('feed-relic', 'ransomware', 'Relic')], { version: 'leftovers-s25-relic', links: data.links }));
  const read = (t: string) => withRelic.match(t).map((m) => `${m.text}=${m.entityId ?? 'possible ' + m.kind}`);
  it('is the crew, both words', () => {
    expect(read(`${REPORT} Relic Werewolf sent phishing emails to ministries, and analysts linked the activity to Relic Werewolf again in March.`)).toEqual([
      'Relic Werewolf=possible actor',
      'Relic Werewolf=possible actor',
    ]);
  });
  it('the head alone, or before no scheme word, is what it was', () => {
    expect(read(`${REPORT} The Relic ransomware encrypted the shares. Relic Hunter is a game, and a relic werewolf statue stood in the hall.`)).toEqual(['Relic=feed-relic']);
  });
});

describe('span of a ransomware name the data also lists with its kind word (ransomware-tails.ts)', () => {
  // as ATT&CK lists the Medusa ransomware ("Medusa Ransomware") beside its bare name, and as a feed lists a family
  // by its name with the kind word only
  const feeds = [e('feed-quell', 'ransomware', 'Quellcrypt', ['Quellcrypt Ransomware']), e('feed-netflix', 'ransomware', 'Netflix Ransomware')];
  const m = createMatcher(compileDictionary([...data.entities, ...feeds], { version: 'leftovers-s25-tails', links: data.links }));
  const read = (t: string) => m.match(t).map((x) => x.text);
  const ROUNDUP = 'Ransomware groups posted victims on their leak sites; double extortion and data theft remain the norm for affiliates.';
  it('is the name alone, as the AnnoCTR dev split and the probes label it', () => {
    expect(read(`${ROUNDUP} Quellcrypt ransomware listed a school district; Quellcrypt's leak site posted the data.`)).toEqual(['Quellcrypt', 'Quellcrypt']);
  });
  it('keeps the kind word where the data has no other name', () => {
    expect(read(`${ROUNDUP} The Netflix Ransomware lures viewers with a fake login page.`)).toEqual(['Netflix Ransomware']);
  });
});
