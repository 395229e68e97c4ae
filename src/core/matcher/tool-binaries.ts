/**
 * A tool named by its Windows program file: "They used the tools “net.exe”, “wmic.exe”, “psexec.exe”", "ran
 * ipconfig.exe and whoami.exe". Intrusion write-ups list the programs an intruder ran by their file names, and ATT&CK
 * itself holds some of them so (net.exe, reg.exe, arp.exe, at.exe among the aliases), not others (ipconfig, PsExec). A
 * name followed by a dot and "exe" was refused as a file name (boundaries.ts: "trickbot.dll" is a file); for a tool's
 * command name (match.ts commandAlias: a tool's one word of letters and digits that is no English word, not a flagged
 * name) it is the tool, its span with the extension, as AnnoCTR's expert labels it (dev split: 8 such tool mentions).
 * Only as the data writes the name or wholly in lower case, as Windows file names are typed: the prefilter lets those
 * writings through (prefilter.ts), and "Ping.exe" or "PSEXEC.EXE" stay unread. On a page with security context, with
 * security words or a spotted threat near (match.ts), so an administrator's guide that runs ipconfig.exe stays
 * unmarked. Not malware: "emotet.exe" is a sample's file name, which says nothing of the family.
 */

/** The end of ".exe" (any case) right at `j` of `t`, or -1. */
export function exeSuffixAt(t: string, j: number): number {
  if (t.charCodeAt(j) !== 46) return -1;
  const a = t.charCodeAt(j + 1) | 32;
  const b = t.charCodeAt(j + 2) | 32;
  const c = t.charCodeAt(j + 3) | 32;
  return a === 101 && b === 120 && c === 101 ? j + 4 : -1;
}
