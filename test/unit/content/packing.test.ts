// @vitest-environment happy-dom
/**
 * The scanner's fast paths must not change what is painted: packed match replies unpack to exactly the matches
 * the matcher returned (after a JSON round trip, as runtime messaging does), and `locateFrom` gives the same
 * node and offset as `locate` from any starting hint.
 */
import { describe, expect, it } from 'vitest';
import { compileDictionary, createMatcher } from '../../../src/core/matcher/index';
import { packMatches, unpackMatches } from '../../../src/core/protocol';
import { locate, locateFrom, textChunks } from '../../../src/content/extract';
import { ENTITIES } from '../matcher/fixtures';

const matcher = createMatcher(compileDictionary(ENTITIES, { version: 't1' }));

describe('packMatches / unpackMatches', () => {
  it('round-trips every match of every text, in order, through JSON', () => {
    const texts = [
      'The phishing campaign by Lazarus Group dropped TrickBot; later APT29 (Cozy Bear) and lazarus again.',
      'nothing here',
      'Ransomware affiliates of TA505 used Emotet, EMOTET and Cobalt Strike; the group UNC2452 was dubbed Storm-0558 by analysts.',
    ];
    const lists = texts.map((t) => matcher.match(t, { securityContext: true, possibleActors: true }));
    expect(lists.flat().length).toBeGreaterThan(5);
    const packed = JSON.parse(JSON.stringify(packMatches(lists))) as ReturnType<typeof packMatches>;
    expect(packed.table.length).toBeLessThanOrEqual(lists.flat().length);
    expect(unpackMatches(packed, texts.length)).toEqual(lists);
  });

  it('handles no matches at all', () => {
    expect(unpackMatches(packMatches([[], []]), 2)).toEqual([[], []]);
  });
});

describe('locateFrom', () => {
  it('agrees with locate for every offset and every hint', () => {
    document.body.innerHTML = '<p>Lazarus <b>Group</b> and <a href="#">Trick<i>Bot</i></a>.</p><div>Next <em>block</em> here</div>';
    const [chunk] = [...textChunks(document.body)];
    for (let offset = 0; offset <= chunk!.text.length; offset++) {
      for (const preferEnd of [false, true]) {
        const want = locate(chunk!, offset, preferEnd);
        for (let hint = -1; hint <= chunk!.nodes.length; hint++) {
          const got = locateFrom(chunk!, offset, preferEnd, hint);
          expect(got && { node: got.node, offset: got.offset }).toEqual(want);
        }
      }
    }
  });
});
