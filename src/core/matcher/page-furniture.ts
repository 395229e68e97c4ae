/** What a page shows that is no prose and holds no names: a table's placeholder values, a search result's address. */
/**
 * A table's placeholder values (probe set 4, a threat-landscape report): "Unknown" under "Typical entry", "None" under
 * "Attribution", "Other" in a last row. A feed lists a ransomware called Unknown, and an HTML table arrives as a
 * column of lines among the threat names of the other cells, so the column rule (ambiguity.ts cellVerdict) read the
 * word as that ransomware. A cell holding only such a word says nothing is known; a cue still makes it the threat
 * ("Unknown ransomware" is spotted by the pass, not here).
 */
const PLACEHOLDERS = new Set(['unknown', 'none', 'other', 'others', 'various', 'multiple', 'mixed', 'undisclosed', 'unattributed', 'unspecified', 'unclear', 'pending', 'n/a', 'tbd', 'tba']);

/** Is [s, e) one of the words a table writes where it has no value? */
export function placeholderValue(text: string, s: number, e: number): boolean {
  return e - s <= 12 && PLACEHOLDERS.has(text.slice(s, e).toLowerCase());
}

/**
 * A search result's breadcrumb (probe set 4, a results page): the engine shows the result's address as its host and
 * path segments, "https://attack.mitre.org › groups › G0032". Each segment is a piece of a URL, as in the address
 * itself, where no name is read; the result's title and snippet around it are read as usual.
 */
const BREADCRUMB = /(?:^|\s)(?:https?:\/\/)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?: › [^\n›]{1,80})* › $/i;

/** Is the name starting at s a segment of a breadcrumb address? */
export function breadcrumbSegment(text: string, s: number): boolean {
  // every breadcrumb segment follows " › ": most names stop here
  if (text.charCodeAt(s - 1) !== 32 || text.charCodeAt(s - 2) !== 0x203a) return false;
  const line = text.lastIndexOf('\n', s - 1) + 1;
  return BREADCRUMB.test(text.slice(Math.max(line, s - 300), s));
}
