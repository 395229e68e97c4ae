/**
 * Names that head a section or a list item on a security page ("## Lazarus", "- **Patchwork**: BADNEWS…",
 * "**Kimsuky** — …"): a name a curator flagged as an ordinary word stands at a line start with no cue next to it. The
 * heading names the subject of the text under it, so on a page with security context, with text about a threat under
 * it, it is spotted; ordinary pages with such headings (a recipe, a film review) have no security context and stay
 * clean. The entities are written for these tests; ordinary-word names are flagged `ambiguous`.
 */
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../src/core/model/entity';
import { compileDictionary, createMatcher } from '../../../src/core/matcher/index';
import { htmlToText } from '../../../scripts/lib/html-to-text';
import { e } from './fixtures';

const ENTITIES: Entity[] = [
  e('nightvault', 'ransomware', 'NightVault'),
  e('q7crypt', 'malware', 'Q7Crypt'),
  e('orchard', 'actor', 'Orchard Group', [{ name: 'Orchard', ambiguous: true }]),
  e('meadow', 'actor', 'Meadow Team', [{ name: 'Meadow', ambiguous: true }]),
  e('harbor', 'malware', 'Harbor', [{ name: 'Harbor', ambiguous: true }]),
];
const matcher = createMatcher(compileDictionary(ENTITIES));
const found = (t: string) => matcher.match(t).map((m) => m.text);

/** Security prose around the sections, so the page has security context by its vocabulary. */
const INTRO = 'This quarter we tracked phishing waves, new ransomware affiliates and a backdoor in edge devices.\n\n';
const OUTRO = '\n\nIndicators of compromise, the C2 servers and the malware hashes are listed in the appendix.\n';

describe('a flagged name heading a section or an item on a security page', () => {
  it('is spotted as a markdown heading with text about it, and its section mentions follow it', () => {
    const t = `${INTRO}## Orchard\n\nOrchard remains the most active crew we track this year.${OUTRO}`;
    expect(found(t)).toEqual(['Orchard', 'Orchard']);
  });

  it('is spotted as a bold list-item head followed by the threat it uses', () => {
    const t = `${INTRO}- **Meadow**: NightVault, pushed through fake updates\n- **Harbor** — a loader that drops Q7Crypt${OUTRO}`;
    expect(found(t)).toEqual(['Meadow', 'NightVault', 'Harbor', 'Q7Crypt']);
    const ms = matcher.match(t);
    expect(ms[0]).toMatchObject({ entityId: 'meadow', reason: 'context-confirmed' });
  });

  it('is spotted as a bold head with no list marker, and as a page heading delivered on its own line', () => {
    expect(found(`${INTRO}**Orchard:** the crew rotated its phishing domains twice in May.${OUTRO}`)).toEqual(['Orchard']);
    const html = '<p>This quarter we tracked phishing waves, new ransomware affiliates and a backdoor in edge devices.</p><h2>Meadow</h2><p>Meadow sent malware-laden invoices to logistics firms in March.</p><p>Indicators of compromise and the C2 servers are listed below.</p>';
    expect(found(htmlToText(html))).toEqual(['Meadow', 'Meadow']);
  });

  it('is not spotted where the heading holds more than the name, or no text about a threat follows it', () => {
    // another phrase in the heading
    expect(found(`${INTRO}## Orchard Street office\n\nWe moved the whole team to a new building this spring.${OUTRO}`)).toEqual([]);
    // a list of short lines under the heading, not prose
    expect(found(`${INTRO}## Meadow\n\nMarch\nApril${OUTRO}`)).toEqual([]);
    // prose about something else under it
    expect(found(`${INTRO}## Meadow\n\nThe office garden was replanted with wild flowers.${OUTRO}`)).toEqual([]);
  });
});

describe('the text under a heading', () => {
  it('names the heading again only within its paragraph, not in the paragraphs after it', () => {
    expect(found(`${INTRO}## Meadow\n\nThe office garden was replanted. Meadow paid for the flowers.${OUTRO}`)).toEqual(['Meadow', 'Meadow']);
    expect(found(`${INTRO}## Meadow\n\nThe office garden was replanted with wild flowers.\n\nMeadow paid for the flowers.${OUTRO}`)).toEqual([]);
  });
});

describe('ordinary pages with such headings stay clean', () => {
  it('leaves a recipe heading and a film review heading alone: the pages have no security context', () => {
    const recipe = '# Summer glazes\n\n## Harbor\n\nHarbor blue is a glaze we mix from cobalt oxide and a little iron.\nHarbor blue needs a hot kiln.\n\n## Orchard\n\nOrchard green uses copper instead.\n';
    expect(found(recipe)).toEqual([]);
    const review = '## Meadow\n\nMeadow, the second film by the director, follows a shepherd through a hard winter. Meadow is slow and beautiful.\n\n- **Orchard**: the short film shown before it, about an old apple farm\n';
    expect(found(review)).toEqual([]);
  });
});
