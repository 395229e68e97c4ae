/**
 * Lookup keys for names: case-, accent- and punctuation-insensitive, so "apt-29", "APT 29" and "Apt29"
 * find the same entity, and "Pawn Storm" is found by typing "pawnst".
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}
