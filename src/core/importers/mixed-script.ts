/**
 * Look-alike letters: a word that mixes Latin with Cyrillic or Greek letters ("Lаzarus" with a Cyrillic а) reads as
 * one name and is another, to the matcher and to the reader's search. No real name writes one word in two of these
 * alphabets; a name may mix scripts across words ("Lazarus Group 拉撒路", "Fancy Bear / Фэнси Беар"), which is not
 * flagged, nor is Latin next to any other script (digits, CJK, kana).
 */

const SCRIPTS = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
] as const;
type Script = (typeof SCRIPTS)[number][0];

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

export interface MixedScript {
  /** The word's main alphabet (most of its letters; the first letter's on a tie). */
  main: Script;
  /** The first letter of another alphabet, its script and its place in the name (1-based, as the name is written). */
  char: string;
  script: Script;
  position: number;
}

function scriptOf(ch: string): Script | undefined {
  return SCRIPTS.find(([, re]) => re.test(ch))?.[0];
}

/** The first word of `name` mixing Latin, Cyrillic and Greek letters, or undefined. */
export function mixedScript(name: string): MixedScript | undefined {
  for (const m of name.matchAll(WORD)) {
    const letters: { ch: string; script: Script; at: number }[] = [];
    let offset = m.index;
    for (const ch of m[0]) {
      const script = scriptOf(ch);
      if (script) letters.push({ ch, script, at: offset });
      offset += ch.length;
    }
    const counts = new Map<Script, number>();
    for (const l of letters) counts.set(l.script, (counts.get(l.script) ?? 0) + 1);
    if (counts.size < 2) continue;
    const first = letters[0]!.script;
    const main = [...counts].reduce((best, cur) => (cur[1] > best[1] ? cur : best), [first, counts.get(first)!])[0];
    const odd = letters.find((l) => l.script !== main)!;
    return { main, char: odd.ch, script: odd.script, position: odd.at + 1 };
  }
  return undefined;
}

/** The import preview's warning for such a name (untrusted text quoted by `quote`, which escapes what draws as nothing). */
export function mixedScriptWarning(name: string, quote: (s: string) => string): string | undefined {
  const mixed = mixedScript(name);
  if (!mixed) return undefined;
  const code = `U+${mixed.char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return (
    `Name ${quote(name)} mixes ${mixed.main} and ${mixed.script} letters in one word: ${code} (${quote(mixed.char)}), a ${mixed.script} letter, ` +
    `at character ${mixed.position}. Such a look-alike letter lets a name pass for another; it is imported as written.`
  );
}
