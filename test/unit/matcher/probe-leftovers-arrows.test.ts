/**
 * Session 24, helper L: a name after an arrow in an attack chain ("VPN bug → GLASSWREN and TIDECRAWL", "lnk ->
 * dll -> MossHarbor"), names made up for these tests. Only coined shapes, on a security page.
 */
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../src/core/data/index';
import { compileDictionary, createMatcher, loadEnglishWords, type Match } from '../../../src/core/matcher/index';

await loadEnglishWords();
const m = createMatcher(compileDictionary(bundledDataset().entities, { version: 'probe-leftovers-arrows' }));
const found = (text: string) => m.match(text).map((x: Match) => `${x.text}:${x.kind}`);

const SECURITY = 'The intruders used phishing to install a backdoor, stole credentials and exfiltrated mail from the ministry.\n\n';

describe('a coined name after an arrow', () => {
  it('is possible malware, with a second one joined to it', () => {
    expect(found(SECURITY + '03-14: edge VPN bug → GLASSWREN and TIDECRAWL on two gateways.')).toEqual(['GLASSWREN:malware', 'TIDECRAWL:malware']);
    expect(found(SECURITY + 'chain was lnk -> dll -> MossHarbor, same as last week')).toEqual(['MossHarbor:malware']);
  });
  it('not an English word in capitals, a short initialism, a product, or code', () => {
    expect(found(SECURITY + 'Ticket state: OPEN → RESOLVED → ARCHIVED after review.')).toEqual([]);
    expect(found(SECURITY + 'Logon → LSASS → NTDS was the path we reconstructed.')).toEqual([]);
    expect(found(SECURITY + 'Export the alerts → PowerShell → SharePoint list for the auditors.')).toEqual([]);
    expect(found(SECURITY + 'In the decompiled code, ctx->MossHarbor is set before the call.')).toEqual([]);
  });
  it('not off a security page', () => {
    expect(found('Our trip: Lisbon → Porto → GLASSWREN Hotel, then home.')).toEqual([]);
  });
});
