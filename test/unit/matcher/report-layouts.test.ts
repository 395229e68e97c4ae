/**
 * Shapes of real reports found by the second blind probe (test/fixtures/probe-2, session 23): text extracted from a
 * PDF, social-media threads, advisories. Texts written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { compileDictionary, createMatcher, normalizeKey } from '../../../src/core/matcher/index';
import { e, ENTITIES } from './fixtures';

// a family whose name is also a word for a part of a document, a ransomware with a crew's scheme name (invented for the test)
const matcher = createMatcher(compileDictionary([...ENTITIES, e('annex-stealer', 'malware', 'Annex'), e('marrowlock', 'ransomware', 'Marrowlock', ['Velvet Tempest'])], { version: 'report-layouts' }));
const names = (t: string) => matcher.match(t).map((m) => m.text);

describe('a footnote mark after a name', () => {
  it('ends the name, as punctuation would', () => {
    expect(names('Of the 40 intrusions, 12 used TrickBot.³ The rest relied on stolen credentials.')).toEqual(['TrickBot']);
    expect(names('APT29² and Storm-0558¹⁴ both targeted mail servers.')).toEqual(['APT29', 'Storm-0558']);
  });
  it('is not read as a digit of the name', () => {
    expect(normalizeKey('TrickBot²')).not.toBe(normalizeKey('TrickBot2'));
  });
});

describe('a part of the document with its number', () => {
  const SECURITY = 'The backdoor and the ransomware spread after a phishing mail; the malware stole credentials. ';
  it('is no family, in a running footer or a cross-reference', () => {
    expect(names(`${SECURITY}State-Aligned Threat Review H2 2025 Annex 3 and the loader in Annex B, listed in Annex IV.`)).toEqual([]);
  });
  it('leaves the family read where no number follows', () => {
    expect(names(`${SECURITY}The operators used Annex to steal browser passwords, and Annex then sent them out.`)).toEqual(['Annex', 'Annex']);
  });
});

describe('a crew named in a clause by another namer than "we"', () => {
  const SECURITY = 'The backdoor and the ransomware spread after a phishing mail; the malware stole credentials. ';
  const possible = (t: string) => matcher.match(t).filter((m) => m.possible && m.kind === 'actor').map((m) => m.text);
  it('names the crew, and the name holds at its later mentions', () => {
    expect(possible(`${SECURITY}A new cluster, tracked by the Centre as Gravel Finch, hit four councils. Gravel Finch then moved to the mail servers.`)).toEqual(['Gravel Finch', 'Gravel Finch']);
    expect(possible(`${SECURITY}The intrusions came from a threat actor that Norrland Labs tracks as Marrowsent. Marrowsent used a loader.`)).toEqual(['Marrowsent', 'Marrowsent']);
    expect(possible(`${SECURITY}It was a group that the agency dubbed Tollgrave.`)).toEqual(['Tollgrave']);
  });
  it('takes a vendor designation whole', () => {
    expect(possible(`${SECURITY}The actor, tracked by Norrland Labs as NRL-Finch-12, used a loader.`)).toEqual(['NRL-Finch-12']);
  });
  it('leaves clauses that name nothing', () => {
    expect(possible(`${SECURITY}The group that the FBI named in the indictment was arrested. Some groups, tracked by the agency as a low priority, were quiet.`)).toEqual([]);
    expect(possible(`${SECURITY}The actor that Microsoft tracks as a priority used new tooling.`)).toEqual([]);
  });
});

describe('a coined name in a text written all in lower case', () => {
  const found = (t: string) => matcher.match(t).map((m) => `${m.text}:${m.kind}`);
  it('is the name in posts and ticket notes that capitalise nothing', () => {
    const thread = [
      'saw a new phishing wave this morning, the attachment drops a loader.',
      'second stage is emotet on three hosts, then the malware pulls more payloads.',
      'ty for the samples. c2 is still up on the same host.',
      'fwiw the dropper also fetched trickbot on one box, classic backdoor behaviour.',
    ].join('\n');
    expect(found(thread)).toEqual(['emotet:malware', 'trickbot:malware']);
    const ticket = '09:41  edr alert on the web server, phishing payload from the mail gateway.\n10:12  lsass access flagged as credential theft. looks like emotet loaded reflectively.\n10:30  host isolated, malware sample sent to the sandbox.';
    expect(found(ticket)).toEqual(['emotet:malware']);
  });
  it('is not read in capitalised prose, in list items or joined to a command by a hyphen', () => {
    expect(found('The phishing mail carried a loader. The report slug is emotet-wave-2 and the file was emotet.\nThe malware spread over SMB. Analysts shared the indicators.')).toEqual([]);
    expect(found('changes in this release, for the malware sandbox and the phishing filter:\n* trickbot parser: fix a crash on empty input\n* emotet config: handle the new key format\n')).toEqual([]);
    expect(found('fixed the phishing and malware filters today.\nthe git-emotet helper now runs faster, see git-trickbot for the backdoor check.\nthanks to everyone who tested.')).toEqual([]);
  });
});

describe('a crew naming itself in the progressive', () => {
  const SECURITY = 'The ransomware encrypted the file servers and the malware stole data after a phishing mail. ';
  const possible = (t: string) => matcher.match(t).filter((m) => m.possible).map((m) => m.text);
  it('names the crew, and the name holds at its later mentions', () => {
    expect(possible(`${SECURITY}The hackers group which is calling itself "Marl Tide" took responsibility. Marl Tide is new.`)).toEqual(['Marl Tide', 'Marl Tide']);
    expect(possible(`${SECURITY}The operators who are calling themselves Quillrot posted the data.`)).toEqual(['Quillrot']);
  });
  it('leaves a crew calling itself something that is no name', () => {
    expect(possible(`${SECURITY}The group which is calling itself a victim of the raid said nothing.`)).toEqual([]);
  });
});

describe("a ransomware's alias in a vendor's scheme for crews", () => {
  it('reads as the operators where the text reads the ransomware as software', () => {
    const ms = matcher.match('The Marrowlock payload encrypted the file servers after a phishing mail; the Marrowlock sample was packed. The intrusion came from Velvet Tempest, which deployed the ransomware.');
    expect(ms.map((m) => `${m.text}:${m.sense}`)).toEqual(['Marrowlock:software', 'Marrowlock:software', 'Velvet Tempest:actor']);
  });
});
