/**
 * Session 24, helper S: command-line tools written as typed at a prompt, in lower case inside capitalised prose
 * (command-tools.ts). Read where the text says the command ran; a lower-case word of that spelling elsewhere (an admin
 * guide, a file name, an English word) stays unmarked.
 */
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../src/core/data/index';
import { compileDictionary, createMatcher } from '../../../src/core/matcher/index';
import { e } from './fixtures';

const data = bundledDataset();
// how the feeds list them: the command in lower case, a camel-case product name, an English word
const FEED_TOOLS = [e('t-netsh', 'tool', 'netsh'), e('t-ngrok', 'tool', 'ngrok'), e('t-psexec', 'tool', 'PsExec'), e('t-adfind', 'tool', 'AdFind'), e('t-chisel', 'tool', 'Chisel')];
const matcher = createMatcher(compileDictionary([...data.entities, ...FEED_TOOLS], { version: 'commands', links: data.links }));
const tools = (t: string) => matcher.match(t).filter((m) => m.kind === 'tool').map((m) => m.text);

const INCIDENT =
  'The intruders exploited an unpatched gateway, and the ransomware affiliate escalated to domain admin with stolen credentials before exfiltration began.';

describe('a command the write-up says was run', () => {
  it('after a verb of running or using', () => {
    expect(tools(`${INCIDENT} On the file server they ran netsh to open a port for the relay.`)).toEqual(['netsh']);
    expect(tools(`${INCIDENT} The database was copied off the controller via ntdsutil within minutes.`)).toEqual(['ntdsutil']);
  });
  it('named as an example of the tools used', () => {
    expect(tools(`${INCIDENT} Discovery relied on native commands such as wmic and ntdsutil rather than any implant.`)).toEqual(['wmic', 'ntdsutil']);
  });
  it('with a command line after it', () => {
    expect(tools(`${INCIDENT} At 02:14 the service account started psexec -accepteula -s on three hosts.`)).toEqual(['psexec']);
    expect(tools(`${INCIDENT} Next came ntdsutil "activate instance ntds" from an elevated prompt.`)).toEqual(['ntdsutil']);
  });
  it('with what it was run for after it', () => {
    expect(tools(`${INCIDENT} Remote desktop was exposed to the internet through ngrok tunnels.`)).toEqual(['ngrok']);
  });
  it('listed beside other commands', () => {
    expect(tools(`${INCIDENT} The shell history showed wmic, netsh and adfind, one after another.`)).toEqual(['wmic', 'netsh', 'adfind']);
  });
});

describe('the same spellings that are no command run in an intrusion', () => {
  it('an administrator\'s guide with no attack in it', () => {
    expect(tools('To reset the adapter, run netsh from an elevated prompt, then use wmic to list the installed updates.')).toEqual([]);
  });
  it('a path on a security page', () => {
    // a bare program file is the tool since session 25 ("held psexec.exe" → psexec.exe, tool-binaries.ts); a path is not
    expect(tools(`${INCIDENT} The dropped folder C:\\ProgramData\\kit\\psexec.exe held a readme.`)).toEqual([]);
  });
  // netsh, not ngrok: the bundled data now holds ngrok itself (flagged), read on a security page like AnyDesk
  it('a lower-case word with no cue of running around it', () => {
    expect(tools(`${INCIDENT} Our wiki page on netsh is out of date.`)).toEqual([]);
  });
  it('a program a release note says the project now uses, on a page about a vulnerability fix', () => {
    expect(tools('Security fix for a heap overflow in the archive reader (a crafted file could crash the process). Build: use rclone instead of the old upload script; the MAC address is now read using netstat on AIX.')).toEqual([]);
  });
  it('a tool named by an English word', () => {
    expect(tools(`${INCIDENT} They used chisel for tunnelling out of the network.`)).toEqual([]);
  });
});
