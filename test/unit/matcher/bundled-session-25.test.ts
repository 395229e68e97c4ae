/**
 * Session 25, helper KL: bundled entries the probes and reports wanted (entities-dual-use.ts, entities-ransomware.ts,
 * entities-commodity.ts, entities-china.ts): remote tools intruders run (TeamViewer, UltraVNC, MeshCentral,
 * SimpleHelp), the tunnelling tool frp as its project writes it, the Chaos ransomware beside ATT&CK's Chaos backdoor (bundled as "Chaos (Linux)"),
 * and the MEDUSA rootkit beside the Medusa ransomware. Bundled data only; sentences written for the test.
 */
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../src/core/data/index';
import { compileDictionary, createMatcher } from '../../../src/core/matcher/index';

const data = bundledDataset();
const matcher = createMatcher(compileDictionary(data.entities, { version: 'session-25-data', links: data.links }));
const spots = (t: string) => matcher.match(t).map((m) => `${m.text}=${m.entityId}`);

const REPORT = 'The phishing campaign delivered a loader; the threat actor then moved laterally, dumped credentials and staged data for exfiltration over its C2 channel.';

describe('remote tools on an intrusion report', () => {
  it('are spotted as the tools', () => {
    expect(spots(`${REPORT} The intruders installed TeamViewer and UltraVNC on two servers, then ran MeshCentral from a temp folder; one host was reached through SimpleHelp.`)).toEqual([
      'TeamViewer=teamviewer',
      'UltraVNC=ultravnc',
      'MeshCentral=meshcentral',
      'SimpleHelp=simplehelp',
    ]);
  });
  it('stay unmarked on a help page', () => {
    expect(spots('Getting started with TeamViewer. Enter your partner ID and password to connect. UltraVNC and MeshCentral are alternatives for home users.')).toEqual([]);
  });
});

describe('frp, the tunnelling tool', () => {
  it('is spotted in lower case where a report runs it', () => {
    expect(spots(`${REPORT} The operators kept access with the open-source tunnelling tool frp, started as frp -c frpc.ini.`)).toEqual(['frp=frp', 'frp=frp']);
  });
  it('is not Factory Reset Protection or a file name on other pages', () => {
    expect(spots('How to bypass FRP on an Android phone after a factory reset. The FRP lock asks for the old Google account. The frp file in the repo holds the settings.')).toEqual([]);
  });
});

describe('names two entities share', () => {
  it('Chaos is the ransomware; ATT&CK\'s backdoor of that name is bundled apart as "Chaos (Linux)"', () => {
    expect(spots(`${REPORT} The Chaos ransomware encrypted the shares. On the Linux hosts Chaos (Linux) had arrived by SSH brute force.`)).toEqual([
      'Chaos=chaos-ransomware',
      'Chaos (Linux)=chaos-backdoor',
    ]);
  });
  it('Chaos: a bare mention follows what the cued ones of the text say', () => {
    const roundup = 'Ransomware groups posted victims on their leak sites; double extortion and data theft remain the norm for every affiliate.';
    expect(spots(`${roundup} Two rebrands dominated the quarter: Lynx, and Chaos, which researchers connect to former BlackSuit members. The Chaos ransomware encrypts ESXi hosts.`)).toEqual([
      'Lynx=lynx',
      'Chaos=chaos-ransomware',
      'BlackSuit=blacksuit',
      'Chaos=chaos-ransomware',
    ]);
  });
  it('Chaos in ordinary prose is no threat', () => {
    expect(spots('Chaos reigned in the kitchen before the dinner service. The Chaos theory lecture starts at noon.')).toEqual([]);
  });
  it('the MEDUSA rootkit and the Medusa ransomware', () => {
    expect(spots(`${REPORT} UNC3886 installed the MEDUSA rootkit to log SSH credentials. Separately, the Medusa ransomware gang listed a school district.`)).toEqual([
      'UNC3886=unc3886',
      'MEDUSA=medusa-rootkit',
      'Medusa=medusa',
    ]);
  });
});
