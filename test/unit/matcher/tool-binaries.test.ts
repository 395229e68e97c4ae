/**
 * Session 25, helper MD (issue 4, tools): a tool named by its Windows program file ("psexec.exe", "ipconfig.exe"),
 * as intrusion write-ups list what an intruder ran (tool-binaries.ts). Sentences written for the test; the entities as
 * feeds and the bundled data write them.
 */
import { describe, expect, it } from 'vitest';
import { compileDictionary, compilePrefilter, createMatcher, createPrefilter, loadEnglishWords } from '../../../src/core/matcher/index';
import { e } from './fixtures';

await loadEnglishWords();
const dict = compileDictionary(
  [
    e('psexec', 'tool', 'PsExec'),
    e('ipconfig', 'tool', 'ipconfig'),
    e('wmic', 'tool', 'wmic'),
    e('ping', 'tool', 'Ping'),
    e('net', 'tool', 'Net', ['net.exe']),
    e('emotet', 'malware', 'Emotet'),
  ],
  { version: 'binaries' },
);
const matcher = createMatcher(dict);
const prefilter = createPrefilter(compilePrefilter(dict));
const spots = (t: string) => matcher.match(t).map((m) => `${m.text}=${m.entityId}`);
const REPORT = 'The threat actor sent phishing mail with a malicious document that installed a backdoor and later ransomware. ';

describe('a tool by its program file', () => {
  it('in an intrusion report, with the extension in its span', () => {
    const text = `${REPORT}For discovery they ran “ipconfig.exe” and “net.exe”; to move laterally they used “wmic.exe” and “psexec.exe”.`;
    expect(spots(text)).toEqual(['ipconfig.exe=ipconfig', 'net.exe=net', 'wmic.exe=wmic', 'psexec.exe=psexec']);
    // the content script's prefilter must let such a text through
    expect(prefilter.mayMatch(`${REPORT}They ran psexec.exe twice.`)).toBe(true);
    expect(spots(`${REPORT}They ran psexec.exe twice.`)).toEqual(['psexec.exe=psexec']);
  });
  it('as the data writes the name too', () => {
    expect(spots(`${REPORT}They copied PsExec.exe to the share.`)).toEqual(['PsExec.exe=psexec']);
  });
  it('not an English word, a capitals writing, a path, a malware sample or a help page', () => {
    expect(spots(`${REPORT}They ran ping.exe against the gateway, then PSEXEC.EXE.`)).toEqual([]);
    expect(spots(`${REPORT}The dropper was saved as C:\\Users\\Public\\psexec.exe on the host.`)).toEqual([]);
    expect(spots(`${REPORT}The sample was named emotet.exe on the host.`)).toEqual([]);
    expect(spots('To check your network settings, open a prompt and run ipconfig.exe, then psexec.exe to reach the other PC.')).toEqual([]);
  });
});
