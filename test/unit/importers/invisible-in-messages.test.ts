/**
 * A name refused for a character drawn as nothing: the message names the character and shows the name with it
 * escaped. Before, the name was printed as it is: a right-to-left override turned the rest of the message around in
 * the import preview, and with a zero-width space the reader saw "LazarusGroup" and no reason.
 */
import { describe, expect, it } from 'vitest';
import { detectAndParse } from '../../../src/core/importers/index';
import { galaxyFile } from './helpers';

const refusal = (name: string) => {
  const plan = detectAndParse(galaxyFile('threat-actor', [{ value: 'Quokka Team', uuid: '1a2b3c4d-0000-4000-8000-000000000001', synonyms: [name] }]), 'f.json');
  expect(plan.errors).toHaveLength(1);
  return plan.errors[0]!.reason;
};
/** Every character a message must not carry as it is. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\u2028\u2029]/u;

describe('a name with an invisible character is refused with a message a reader can act on', () => {
  it.each([
    ['APT\u202E82', 'U+202E, an invisible text-direction control, at character 4: "APT\\u202e82"'],
    ['Lazarus\u200BGroup', 'U+200B, a zero-width character, at character 8: "Lazarus\\u200bGroup"'],
    ['Laz\u2066arus', 'U+2066, an invisible text-direction control, at character 4: "Laz\\u2066arus"'],
    ['Lazarus\u00ADGroup', 'U+00AD, a soft hyphen, at character 8: "Lazarus\\u00adGroup"'],
    ['Lazarus\u2028Group', 'U+2028, a control character or line break, at character 8: "Lazarus\\u2028Group"'],
    ['Lazarus\u3164', 'U+3164, a character drawn as nothing, at character 8: "Lazarus\\u3164"'],
    ['APT28\u{E0041}', 'U+E0041, a character drawn as nothing, at character 6: "APT28\\u{e0041}"'],
  ])('%j', (name, said) => {
    const reason = refusal(name);
    expect(reason).toBe(`Name contains ${said}. Such a character lets a name pass for another; remove it and import the file again.`);
    expect(reason).not.toMatch(INVISIBLE);
  });

  it('other messages quoting a value never carry such a character either', () => {
    const long = `${'\u202E'.repeat(3)}${'A'.repeat(300)}`;
    expect(refusal(long)).not.toMatch(INVISIBLE);
  });
});

describe('places in a file are written safely whatever its keys', () => {
  it('a long key, or one with a direction override, is quoted, escaped and cut in the place of a problem below it', () => {
    const long = 'k'.repeat(5000);
    let inner: unknown = 1;
    for (let i = 0; i < 70; i++) inner = { [i % 2 ? long : 'a\u202Eb']: inner };
    const plan = detectAndParse(JSON.stringify({ type: 'bundle', objects: [inner] }), 'deep.json');
    const place = plan.errors[0]!.path;
    expect(plan.errors[0]!.reason).toBe('Nesting deeper than 64 levels.');
    expect(place).toMatch(/^objects\[0\]\.\["k{40}…"\]\.\["a\\u202eb"\]\./u);
    expect(place).not.toMatch(INVISIBLE);
    expect(place.length).toBeLessThan(4000);
  });
});
