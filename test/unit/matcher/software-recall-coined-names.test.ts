/**
 * Session 24, helper S: families no list holds yet, named the way reports name them: listed beside a known family
 * (listed-families.ts), before "web shell" (match.ts malwareRules), and a capitals-and-botnet compound
 * (botnet-compounds.ts). Names and sentences written for the test.
 */
import { describe, expect, it } from 'vitest';
import { compileDictionary, createMatcher } from '../../../src/core/matcher/index';
import { e } from './fixtures';

const matcher = createMatcher(compileDictionary([e('pteranodon', 'malware', 'Pteranodon'), e('kazuar', 'malware', 'Kazuar'), e('emotet', 'malware', 'Emotet')], { version: 'coined-names' }));
const possible = (t: string) => matcher.match(t).filter((m) => m.possible).map((m) => m.text);

const REPORT = 'The threat actor exploited a vulnerability in the VPN, stole credentials and moved laterally before exfiltration.';

describe('a coined family listed beside a known one', () => {
  it('after the known family, and before it', () => {
    expect(possible(`${REPORT} On the second host we found Pteranodon and BriarClaw, both packed.`)).toEqual(['BriarClaw']);
    expect(possible(`${REPORT} Samples of MossLantern, Kazuar and a loader were recovered.`)).toEqual(['MossLantern']);
  });
  it('a name with digits in its letters, and its later bare mention', () => {
    expect(possible(`${REPORT} The toolkit held Kazuar, Gr1mVeil and two scripts. Gr1mVeil beacons every ten minutes.`)).toEqual(['Gr1mVeil', 'Gr1mVeil']);
  });
});

describe('words listed beside a known family that are no family', () => {
  it('an initialism, a protocol, a Title Case word', () => {
    expect(possible(`${REPORT} We mapped Emotet and MITRE techniques, Emotet and WebDAV, and Emotet and Outlook.`)).toEqual([]);
  });
  it('a product before a plural noun: what the family came through', () => {
    expect(possible(`${REPORT} The lures carried Emotet and PaperTrail attachments.`)).toEqual([]);
  });
  it('the same list on a page with no security context', () => {
    expect(possible('Our garden club met Pteranodon and BriarClaw at the fair.')).toEqual([]);
  });
});

describe('a family named before "web shell"', () => {
  it('a coined name in capitals or in Title Case inside a sentence', () => {
    expect(possible(`${REPORT} They planted the HOLLOWPINE web shell on the transfer server.`)).toEqual(['HOLLOWPINE']);
    expect(possible(`${REPORT} Then they dropped the Thornquill web shell in the upload folder.`)).toEqual(['Thornquill']);
  });
  it('a language or a file type before "web shell"', () => {
    expect(possible(`${REPORT} They planted the ASPX web shell and a PHP web shell.`)).toEqual([]);
  });
});

describe('a botnet named by a compound', () => {
  it('capitals, a hyphen and "botnet", then its bare mention', () => {
    expect(possible(`${REPORT} The relays belonged to the QR-botnet, built from old routers. QR-botnet nodes were cleaned up in March.`)).toEqual(['QR-botnet', 'QR-botnet']);
  });
  it('an initialism of the botnet\'s kind, or a likeness', () => {
    expect(possible(`${REPORT} An IRC-botnet, a SOHO-botnet and a DDoS-botnet were compared with QR-botnet style relays.`)).toEqual([]);
  });
});
