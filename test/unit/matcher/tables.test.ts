/**
 * Names in the cells of a table or the items of a short list (a leak-site tracker, a weekly round-up, a list of
 * actors): a name a curator flagged as an ordinary word stands there with no cue and not inside a sentence. The
 * column or list says what it holds: a kind noun as its header ("Group", "Ransomware") or threat names that need no
 * context in the other cells. The entities are written for these tests; ordinary-word names are flagged `ambiguous`.
 */
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../src/core/model/entity';
import { compileDictionary, createMatcher } from '../../../src/core/matcher/index';
import { htmlToText } from '../../../scripts/lib/html-to-text';
import { unwrapLines } from '../../../src/core/page-text';
import { e } from './fixtures';

const ENTITIES: Entity[] = [
  // names that need no context (camel case, digits)
  e('nightvault', 'ransomware', 'NightVault'),
  e('q7crypt', 'ransomware', 'Q7Crypt'),
  e('ta901', 'actor', 'TA901'),
  // ordinary words a curator flagged
  e('harbor', 'ransomware', 'Harbor', [{ name: 'Harbor', ambiguous: true }]),
  e('lantern', 'ransomware', 'Lantern', [{ name: 'Lantern', ambiguous: true }]),
  e('orchard', 'actor', 'Orchard Group', [{ name: 'Orchard', ambiguous: true }]),
  e('meadow', 'actor', 'Meadow Team', [{ name: 'Meadow', ambiguous: true }]),
];
const matcher = createMatcher(compileDictionary(ENTITIES));
const found = (t: string) => matcher.match(t).map((m) => m.text);
/** A plain-text document as `npm run scan` and the content script read it (lines wrapped by hand joined). */
const plain = (t: string) => found(unwrapLines(t));

describe('a flagged name in a table column of threat names', () => {
  it('is spotted in a markdown table whose other cells hold names that need no context', () => {
    const t = ['Posts per extortion site this week', '', '| Name | Posts |', '|---|---|', '| NightVault | 40 |', '| Harbor | 12 |', '| Q7Crypt | 9 |', '| **Lantern** | 3 |'].join('\n');
    expect(found(t)).toEqual(['NightVault', 'Harbor', 'Q7Crypt', 'Lantern']);
    expect(plain(t)).toEqual(['NightVault', 'Harbor', 'Q7Crypt', 'Lantern']);
  });

  it('is spotted under a kind-noun header with one such name in the column, and typed by the header', () => {
    const t = ['| Group | Country |', '|---|---|', '| Orchard | n/a |', '| TA901 | n/a |'].join('\n');
    const ms = matcher.match(t);
    expect(ms.map((m) => m.text)).toEqual(['Orchard', 'TA901']);
    expect(ms[0]?.cue).toEqual({ word: 'group', kind: 'actor' });
  });

  it('is spotted in a table of long rows under its header, and each text is read by its own header', () => {
    // rows longer than the lines ambiguity.ts remembers per text (LINE_MEMO); two texts alike but for the header
    const notes = 'Seen on the leak site again this week, with the same negotiation portal and a new mirror. '.repeat(3);
    const rows = ['Harbor', 'Lantern', 'Harbor', 'Lantern'].map((n) => `| ${n} | ${notes} |`);
    const table = (head: string) => [`| ${head} | Notes |`, '|---|---|', ...rows].join('\n');
    expect(matcher.match(table('Group'), { securityContext: true }).map((m) => m.text)).toEqual(['Harbor', 'Lantern', 'Harbor', 'Lantern']);
    expect(matcher.match(table('Fruit'), { securityContext: true })).toEqual([]);
  });

  it('is spotted in the same table as HTML, where each cell arrives on its own line', () => {
    const html = '<table><tr><th>Ransomware</th><th>Victims</th><th>Sector</th></tr><tr><td>NightVault</td><td>22</td><td>retail</td></tr><tr><td>Harbor</td><td>18</td><td>schools</td></tr><tr><td>Q7Crypt</td><td>6</td><td>health</td></tr><tr><td>Lantern</td><td>3</td><td>law</td></tr></table>';
    const text = htmlToText(html);
    expect(text.split('\n')).toContain('Harbor');
    expect(found(text)).toEqual(['NightVault', 'Harbor', 'Q7Crypt', 'Lantern']);
  });

  it('is spotted in a bulleted list headed by a kind noun, as markdown and as HTML', () => {
    const md = 'Crews seen on the honeypots in June:\n- Orchard\n- Meadow\n- TA901\n';
    expect(found(md)).toEqual(['Orchard', 'Meadow', 'TA901']);
    expect(plain(md)).toEqual(['Orchard', 'Meadow', 'TA901']);
    const html = '<p>Ransomware gangs seen on the honeypots in June:</p><ul><li>Harbor</li><li>Lantern</li><li>NightVault</li><li>Q7Crypt</li></ul>';
    expect(found(htmlToText(html))).toEqual(['Harbor', 'Lantern', 'NightVault', 'Q7Crypt']);
  });
});

describe('ordinary tables and lists stay unmarked', () => {
  it('leaves a league table with a Group column alone', () => {
    const t = ['| Group | Club | Pts |', '|---|---|---|', '| A | Harbor Rovers | 9 |', '| B | Harbor | 3 |', '| C | Lantern | 1 |', '| D | Orchard | 0 |'].join('\n');
    expect(found(t)).toEqual([]);
    expect(plain(t)).toEqual([]);
    const html = '<table><tr><th>Group</th><th>Team</th></tr><tr><td>Harbor</td><td>Harbor Rovers</td></tr><tr><td>Meadow</td><td>Meadow FC</td></tr></table>';
    expect(found(htmlToText(html))).toEqual([]);
  });

  it('leaves a line-up or a list of films alone', () => {
    expect(found('Bands on the main stage:\n- Harbor\n- Lantern\n- Meadow\n- Orchard\n')).toEqual([]);
    expect(found('Films of the year\nHarbor\nLantern\nMeadow\nFamily: Orchard\n')).toEqual([]);
  });

  it('does not take a word alone on its line on a security page for a name without a column of names', () => {
    const sec = 'The ransomware crew used phishing mail to plant malware and a backdoor on the servers.';
    expect(found(`${sec}\nHarbor\nShare\nLantern\n${sec}`)).toEqual([]);
  });

  it('does not count a table cell that holds more than the name', () => {
    const t = ['| Group | Posts |', '|---|---|', '| NightVault | 4 |', '| Q7Crypt | 2 |', '| Harbor Lights | 1 |'].join('\n');
    expect(found(t)).toEqual(['NightVault', 'Q7Crypt']);
  });
});

describe('a flagged name in a column of comma-separated values', () => {
  const csv = ['sha256,malware_family,first_seen', '4f1a9c,NightVault,2023-01-04', '9b2c7d,Harbor,2023-01-05', '1c3e5a,Lantern,2023-01-06'].join('\n');
  it('is spotted under a kind-noun header with a name that needs no context in the column, as text and as a plain-text document', () => {
    expect(found(csv)).toEqual(['NightVault', 'Harbor', 'Lantern']);
    expect(plain(csv)).toEqual(['NightVault', 'Harbor', 'Lantern']);
    expect(matcher.match(csv)[1]?.cue).toEqual({ word: 'family', kind: 'software' });
  });
  it('is not spotted in prose that has commas, nor in a column headed by something else', () => {
    expect(found('NightVault struck again.\nHarbor, Lantern and the rest of the fleet left port,\nas they do each spring.')).toEqual(['NightVault']);
    expect(found(csv.replace('malware_family', 'ship_name').replace('NightVault', 'Windward'))).toEqual([]);
  });
});
