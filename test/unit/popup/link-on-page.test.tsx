// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/popup/App';
import { deriveConfidence } from '../../../src/core/model/confidence';
import type { Link } from '../../../src/core/model/link';
import type { LinkView } from '../../../src/core/db/repository';
import type { SpottedReport } from '../../../src/core/protocol';
import { dridex, fakeBackend, lazarusLinks, ta505, trickbot, wizard } from './fixtures';
import { PivotList } from '../../../src/popup/components/PivotList';
import { $, $$, cleanup, mount, waitFor } from '../render';

vi.mock('../../../src/platform/browser', () => import('../render').then((r) => r.fakeBrowserModule()));

afterEach(cleanup);

const row = (name: string) => $$('.link-row').find((r) => $('.link-other', r)?.textContent === name)!;
/** What is drawn on screen: the text minus the visually hidden parts. */
const visible = (el: Element) => {
  const copy = el.cloneNode(true) as Element;
  copy.querySelectorAll('.sr-only').forEach((n) => n.remove());
  return copy.textContent ?? '';
};

/** The article names Lazarus Group, TrickBot and Dridex, not TA505. */
const REPORT: SpottedReport = {
  done: true,
  scanMs: 2,
  matches: [
    { entityId: 'lazarus-group', name: 'Lazarus Group', text: 'Lazarus Group', count: 3, kind: 'actor' },
    { entityId: 'trickbot', name: 'TrickBot', text: 'TrickBot', count: 2, kind: 'malware' },
    { entityId: 'dridex', name: 'Dridex', text: 'Dridex', count: 1, kind: 'malware' },
    { entityId: null, name: 'TA505-like', text: 'TA505-like', count: 1 },
  ],
};

async function openLazarus(opts: Parameters<typeof fakeBackend>[0]) {
  mount(<App backend={fakeBackend(opts)} initialEntity="lazarus-group" />);
  await waitFor(() => $('.link-row'));
}

describe('popup links to entities also on the page', () => {
  it('marks in words the links whose other entity the page names, and only those', async () => {
    await openLazarus({ report: REPORT });
    await waitFor(() => $('.on-page-badge'));
    expect(visible($('.link-head', row('TrickBot'))!)).toContain('TrickBot' + 'on this page');
    expect(visible($('.link-head', row('Dridex'))!)).toContain('on this page');
    expect(visible($('.link-head', row('TA505'))!)).not.toContain('on this page');
    // Read with the row's sentence by a screen reader, and explained to a mouse user.
    expect($('.link-head', row('TrickBot'))!.textContent).toContain('Lazarus Group obtains access from TrickBot, on this page');
    expect($('.on-page-badge', row('TrickBot'))!.getAttribute('title')).toBe('TrickBot is also named on the page you are reading');
    // A summary under the heading says how many.
    expect($('.on-page-summary')!.textContent).toBe('2 of these are also named on this page.');
  });

  it('marks nothing where the page names none of them (or no page is scanned)', async () => {
    await openLazarus({ report: null });
    expect($$('.link-row')).toHaveLength(3);
    expect($('.on-page-badge')).toBeNull();
    expect($('.on-page-summary')).toBeNull();
  });

  it('lists a link to an entity on the page before stronger ones of the same status, status order kept', async () => {
    const base = lazarusLinks();
    const wizardLink: Link = { id: 'lazarus-group~obtains-access-from~wizard-spider', from: 'lazarus-group', to: 'wizard-spider', relation: 'obtains-access-from', status: 'active', provenance: ['bundled'] };
    const claims = [{ ...base[0]!.claims[0]!, id: 'w1', linkId: wizardLink.id, confidence: 30 }];
    const wizardView: LinkView = { link: wizardLink, other: wizard, direction: 'out', claims, derived: deriveConfidence(wizardLink, claims) };
    const report: SpottedReport = { ...REPORT, matches: [...REPORT.matches.filter((m) => m.entityId !== 'trickbot'), { entityId: 'wizard-spider', name: 'Wizard Spider', text: 'Wizard Spider', count: 1, kind: 'actor' }] };

    await openLazarus({ report, links: () => [...base, wizardView] });
    await waitFor(() => $('.on-page-badge'));
    const names = (i: number) => $$('.link-other', $$('.link-group')[i]!).map((n) => n.textContent);
    // Wizard Spider (weaker, but on the page) before TrickBot; refuted Dridex stays after historical TA505.
    expect(names(0)).toEqual(['Wizard Spider', 'TrickBot']);
    expect(names(1)).toEqual(['TA505', 'Dridex']);
  });
});

describe('popup pivots ("also investigate") the page also names', () => {
  it('come first, marked in words; the others keep their order', async () => {
    const pivots = [
      { entity: ta505, via: trickbot, confidence: 70 },
      { entity: wizard, via: trickbot, confidence: 58 },
      { entity: dridex, via: ta505, confidence: 40 },
    ];
    mount(<PivotList pivots={pivots} scale="both" onOpen={() => undefined} onPage={new Set(['wizard-spider', 'lazarus-group'])} />);
    const rows = $$('.pivots .entity-row');
    expect(rows.map((r) => $('.name', r)!.firstChild!.textContent)).toEqual(['Wizard Spider', 'TA505', 'Dridex']);
    expect(visible(rows[0]!)).toContain('Wizard Spider' + 'on this page');
    expect(rows.slice(1).some((r) => r.textContent!.includes('on this page'))).toBe(false);
  });

  it('in the entity view, for the page the popup was opened on', async () => {
    await openLazarus({ report: { ...REPORT, matches: [...REPORT.matches, { entityId: 'wizard-spider', name: 'Wizard Spider', text: 'Wizard Spider', count: 1, kind: 'actor' }] } });
    await waitFor(() => $('.pivots .on-page-badge'));
    expect(visible($('.pivots .entity-row')!)).toContain('Wizard Spider' + 'on this page');
  });
});
