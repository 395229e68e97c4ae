/**
 * Windows' own administration commands that intrusions live off: no feed lists them as software, and a write-up types
 * them as commands, in lower case ("ntds.dit copied via ntdsutil"). Lower-case names are matched only with a cue after
 * them or where the text says the command was run (src/core/matcher/command-tools.ts), so an administrator's guide
 * stays unmarked.
 */
import type { BundledEntity } from './bundled-types';

const BUILT_IN = 'dual-use (built-in Windows administration command)';

export const SYSTEM_TOOL_ENTITIES: BundledEntity[] = [
  {
    id: 'ntdsutil',
    kind: 'tool',
    name: 'ntdsutil',
    aliases: [],
    motivation: BUILT_IN,
    description:
      "Active Directory's maintenance command; intruders with domain admin rights use its snapshot (IFM) function to copy the domain's password database, ntds.dit, off a domain controller.",
  },
  {
    id: 'wmic',
    kind: 'tool',
    name: 'wmic',
    aliases: [],
    motivation: BUILT_IN,
    description:
      'The command-line client of Windows Management Instrumentation, deprecated by Microsoft; intruders use it to list hosts and processes and to start commands on remote machines.',
  },
];
