/**
 * Legitimate products that intrusion and ransomware reports name as the intruders' tools: remote-support and
 * remote-management software, file transfer and cloud sync clients, network scanners and a miner. Each name is also a
 * product's on its own vendor's pages, help forums and download sites, so each is flagged ambiguous: spotted only in
 * its exact case and where the text around it is about an attack (an AnyDesk help page stays unmarked).
 * Where ATT&CK lists the tool, its id joins the feed's entry to this one.
 */
import type { BundledEntity } from './bundled-types';

const REMOTE_ACCESS = 'dual-use (commercial remote-access software)';

export const DUAL_USE_ENTITIES: BundledEntity[] = [
  {
    id: 'anydesk',
    kind: 'tool',
    name: 'AnyDesk',
    nameAmbiguous: true,
    aliases: [],
    motivation: REMOTE_ACCESS,
    description:
      'Remote-desktop software that intruders install, or talk a victim into installing, to keep hands-on access that looks like ordinary IT support.',
  },
  {
    id: 'screenconnect',
    kind: 'tool',
    name: 'ScreenConnect',
    nameAmbiguous: true,
    aliases: [{ name: 'ConnectWise ScreenConnect', ambiguous: true }, { name: 'ConnectWise', ambiguous: true }],
    motivation: REMOTE_ACCESS,
    description:
      'A remote-support product that access brokers and ransomware affiliates run on victims, and whose own servers were exploited in 2024.',
    externalIds: { attack: ['S0591'] },
  },
  {
    id: 'splashtop',
    kind: 'tool',
    name: 'Splashtop',
    aliases: [],
    motivation: REMOTE_ACCESS,
    description: 'Remote-access software that ransomware operators add beside their own backdoors as a second way back in.',
  },
  {
    id: 'atera',
    kind: 'tool',
    name: 'Atera',
    aliases: [{ name: 'Atera Agent' }],
    motivation: 'dual-use (commercial remote monitoring and management)',
    description: 'A remote monitoring and management service whose agent intruders enrol on trial accounts to control victim machines.',
  },
  {
    id: 'rustdesk',
    kind: 'tool',
    name: 'RustDesk',
    nameAmbiguous: true,
    aliases: [],
    motivation: 'dual-use (open-source remote-access software)',
    description: 'An open-source remote-desktop program that intruders can point at a relay server of their own.',
  },
  {
    id: 'advanced-ip-scanner',
    kind: 'tool',
    name: 'Advanced IP Scanner',
    nameAmbiguous: true,
    aliases: [],
    motivation: 'dual-use (free network scanner)',
    description: 'A free Windows network scanner that ransomware affiliates run early on to list the hosts and shares they can reach.',
  },
  {
    id: 'softperfect-network-scanner',
    kind: 'tool',
    name: 'SoftPerfect Network Scanner',
    nameAmbiguous: true,
    aliases: [{ name: 'SoftPerfect NetScan', ambiguous: true }, { name: 'NetScan', ambiguous: true }],
    motivation: 'dual-use (commercial network scanner)',
    description: 'A network and share scanner, often run by ransomware crews from a portable copy to find file servers before encryption.',
  },
  {
    id: 'rclone',
    kind: 'tool',
    name: 'Rclone',
    aliases: [],
    motivation: 'dual-use (open-source file sync tool)',
    description: 'An open-source command-line tool for copying files to cloud storage, a favourite of extortion crews for moving stolen data out.',
    externalIds: { attack: ['S1040'] },
  },
  {
    id: 'megasync',
    kind: 'tool',
    name: 'MEGAsync',
    nameAmbiguous: true,
    aliases: [{ name: 'MEGAcmd', ambiguous: true }],
    motivation: 'dual-use (cloud storage client)',
    description: 'The desktop and command-line clients of the MEGA cloud storage service, used to upload stolen files before a leak.',
  },
  {
    id: 'winscp',
    kind: 'tool',
    name: 'WinSCP',
    nameAmbiguous: true,
    aliases: [],
    motivation: 'dual-use (open-source file transfer client)',
    description: 'A Windows SFTP and FTP client that intruders use to move data out, and whose name fake download adverts have borrowed.',
  },
  {
    id: 'netsupport-manager',
    kind: 'tool',
    name: 'NetSupport Manager',
    nameAmbiguous: true,
    aliases: [],
    motivation: REMOTE_ACCESS,
    description:
      'A commercial remote-control product that phishing and fake-update campaigns install from a pre-configured package, the client reporting to a gateway the attackers run; feeds list it as a RAT under one word, NetSupportManager.',
  },
  {
    id: 'xmrig',
    kind: 'tool',
    name: 'XMRig',
    nameAmbiguous: true,
    aliases: [],
    motivation: 'dual-use (open-source cryptocurrency miner)',
    description: 'An open-source Monero miner that cryptojacking campaigns drop on servers and desktops, often renamed and bundled with other malware.',
  },
  {
    id: 'ngrok',
    kind: 'tool',
    name: 'ngrok',
    nameAmbiguous: true,
    aliases: [],
    motivation: 'dual-use (commercial tunnelling service)',
    description: 'A tunnelling service for developers that intruders use to reach a hidden host from the internet or to carry their own traffic out.',
    externalIds: { attack: ['S0508'] },
  },
  {
    id: 'simplehelp',
    kind: 'tool',
    name: 'SimpleHelp',
    nameAmbiguous: true,
    aliases: [],
    motivation: REMOTE_ACCESS,
    description: 'Remote-support software that intruders install for access, and whose unpatched servers were exploited in 2025 to reach the customers of IT service providers.',
  },
];
