/**
 * A legitimate program the attack abuses, not a tool the intruders run (session 25). Reports name remote-support and
 * admin products in two ways: as the intruders' tools ("they installed TeamViewer", "AnyDesk, ScreenConnect and
 * TeamViewer"), and as the victim-side software an attack side-loads into or exploits ("exploits an older vulnerable
 * version of TeamViewer for DLL side-loading", "legitimate binaries such as TeamViewer"). The AnnoCTR dev split's
 * expert labels no tool in the second way. Read for the dual-use products a curator flagged only ("a new version of
 * Emotet" is the malware, and "legitimate tools such as PsExec" are the intruders' own).
 */
const BEFORE = new RegExp(
  [
    // "an older vulnerable version of X", "outdated installations of X"
    String.raw`\b(?:vulnerable|outdated|older|old|unpatched)(?:[ \u00a0]+\p{Ll}+)?[ \u00a0]+(?:versions?|builds?|installations?)[ \u00a0]+of[ \u00a0]+$`,
    // "legitimate binaries such as X", "legitimate software like X" (not "legitimate tools such as X": the intruders' own)
    String.raw`\blegitimate[ \u00a0]+(?:\p{Ll}+[ \u00a0]+)?(?:binaries|programs?|software|applications?|apps|executables|products)(?:,)?[ \u00a0]+(?:such[ \u00a0]+as|like|including)[ \u00a0]+$`,
  ].join('|'),
  'iu',
);

/** True when the tool name starting at `s` is introduced as a legitimate or vulnerable program the attack abuses. */
export function abusedProduct(t: string, s: number): boolean {
  return BEFORE.test(t.slice(Math.max(0, s - 80), s));
}
