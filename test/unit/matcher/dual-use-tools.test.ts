/**
 * Session 23, helper M: the remote-access, transfer, scanning and mining products that intrusion reports name as the
 * intruders' tools (src/core/data/entities-dual-use.ts). Found where a report names them; their own help pages,
 * download pages and forums, which name them as products, stay unmarked.
 */
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../src/core/data/index';
import { compileDictionary, createMatcher } from '../../../src/core/matcher/index';

const data = bundledDataset();
const matcher = createMatcher(compileDictionary(data.entities, { version: 'dual-use', links: data.links }));
const tools = (t: string) => matcher.match(t).filter((m) => m.kind === 'tool').map((m) => m.text);

// An incident write-up: security words throughout, so the page has context.
const INCIDENT = [
  'The intruders reached the help desk by phone, posing as the vendor, and the ransomware affiliate had a foothold within the hour.',
  'Over the next two days the attackers moved laterally with stolen credentials, and the threat actor staged data for exfiltration.',
].join(' ');

describe('dual-use tools in an intrusion report', () => {
  it('a remote-support program the victim was talked into installing', () => {
    expect(tools(`${INCIDENT} The caller persuaded a clerk to install AnyDesk and then disabled the endpoint agent.`)).toEqual(['AnyDesk']);
  });
  it('a network scanner, a cloud client and a miner named in one paragraph', () => {
    const t = `${INCIDENT} They ran Advanced IP Scanner against the server subnet, uploaded archives with MEGAsync, and left a copy of XMRig on the build server as a parting gift.`;
    expect(tools(t)).toEqual(['Advanced IP Scanner', 'MEGAsync', 'XMRig']);
  });
  it('remote-management agents and a transfer client', () => {
    const t = `${INCIDENT} For persistence they set up ScreenConnect as a service and added a Splashtop agent, and the files left through WinSCP.`;
    expect(tools(t)).toEqual(['ScreenConnect', 'Splashtop', 'WinSCP']);
  });
});

describe('the same products on ordinary pages', () => {
  it('a remote-support help page', () => {
    const t = [
      'How to connect to another computer.',
      'Open AnyDesk on both devices and type the address shown on the other screen into the search bar.',
      'AnyDesk then asks the person on the other side to accept the session; unattended access needs a password you set in the settings.',
      'The address book keeps the devices you reach most often.',
    ].join('\n');
    expect(tools(t)).toEqual([]);
  });
  it('a download page for a file transfer client and a sync client', () => {
    const t = 'Download WinSCP 6.3 for Windows. WinSCP copies files between a local computer and a remote server over SFTP, SCP and FTP. To back up photos to the cloud instead, MEGAsync keeps a folder in step with your MEGA account.';
    expect(tools(t)).toEqual([]);
  });
  it('the remote-support vendor\'s company news', () => {
    expect(tools('ConnectWise reported higher revenue from its partner programme this quarter, and ScreenConnect gained a new mobile app.')).toEqual([]);
  });
  it('a mining hobbyist\'s forum post', () => {
    expect(tools('My XMRig hashrate on the new desktop is about 9 kH/s with huge pages enabled; is that normal for this CPU?')).toEqual([]);
  });
  it('a network admin\'s note on scanning their own office', () => {
    expect(tools('Ran Advanced IP Scanner on the office network to find the printer that lost its fixed address. Splashtop is what we use to reach the front desk PC.')).toEqual([]);
  });
});
