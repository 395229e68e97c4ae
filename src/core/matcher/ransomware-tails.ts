/**
 * Span convention for a ransomware's kind word (session 25). Feeds list some families with it ("Medusa Ransomware",
 * ATT&CK's name beside the bundled "Medusa"), so "Medusa ransomware listed a school district" was highlighted whole.
 * The AnnoCTR dev split's expert leaves the word outside ("REvil ransomware", "Egregor ransomware", "DarkSide
 * Ransomware-as-a-service" are labelled REvil, Egregor, DarkSide), and so do the probes ("Medusa ransomware" →
 * Medusa). Trimmed only where the entity also goes by the bare name: "Netflix Ransomware" has no other name, and its
 * kind word is what makes it one. "Lumma Stealer", "NetWire RAT" keep theirs: the probes label them whole.
 * (Versions differ between the probes — "LockBit 3.0" is labelled whole in set 3, "LockBit" alone in sets 1 and 2 —
 * so release numbers are left as the data writes them.)
 */
export const RANSOMWARE_TAIL = /[ \u00a0]+ransomware$/i;

/** The surface without its trailing kind word, or undefined when nothing is left. */
export function bareSurface(text: string): string | undefined {
  const bare = text.replace(RANSOMWARE_TAIL, '');
  return bare && bare !== text ? bare : undefined;
}
