/**
 * A name two linked entities share (Snake: Turla's alias and its implant's name), read beside a name of one of them
 * in the same sentence. "Snake was disrupted by the FBI in 2023 and Turla has moved to Kazuar": a sentence that names
 * the group by its own name as well names by the shared one what the group is linked to, the implant, whichever comes
 * first. Not where the words between give one as the other's alias ("Snake, also known as Turla", "Turla (Snake)",
 * "Turla or Snake", "Snake/Turla"): then both name the same thing.
 */

/** Words between two names that make the second another name of the first. */
const ALIAS_JOIN = /(?:^|[^\p{L}\p{N}_])(?:aka|a\.k\.a|also|known|formerly|tracked|called|named|dubbed|alias(?:es)?|or|i\.e|previously|now|renamed|rebranded|designated|referred)(?![\p{L}\p{N}_])|[([/=|:]/iu;

/** Do the words `between` two names of one entity give the second as another name (so both read the same)? */
export function namesAgain(between: string): boolean {
  return ALIAS_JOIN.test(between);
}
