/** A small fake knowledge base and a fake PopupBackend for rendering the popup's views without the extension. */
import { vi } from 'vitest';
import { deriveConfidence } from '../../../src/core/model/confidence';
import type { Entity } from '../../../src/core/model/entity';
import { SYMMETRIC_RELATIONS, type Claim, type Link } from '../../../src/core/model/link';
import type { LinkView, Pivot } from '../../../src/core/db/repository';
import type { PageInfo, SpottedReport } from '../../../src/core/protocol';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/core/settings';
import type { PageClaim, PopupBackend } from '../../../src/popup/backend';

export const lazarus: Entity = {
  id: 'lazarus-group',
  kind: 'actor',
  name: 'Lazarus Group',
  aliases: [{ name: 'HIDDEN COBRA', usedBy: 'US government' }, { name: 'Diamond Sleet', usedBy: 'Microsoft' }],
  country: 'KP',
  motivation: 'espionage and theft',
  firstSeen: '2009',
  lastSeen: '2024-06',
  description: 'A North Korean state cluster.',
  provenance: ['bundled'],
};
export const trickbot: Entity = { id: 'trickbot', kind: 'malware', name: 'TrickBot', aliases: [], provenance: ['bundled'] };
export const dridex: Entity = { id: 'dridex', kind: 'malware', name: 'Dridex', aliases: [], provenance: ['bundled'] };
export const ta505: Entity = { id: 'ta505', kind: 'actor', name: 'TA505', aliases: [{ name: 'Spandex Tempest', usedBy: 'Microsoft' }], provenance: ['bundled'] };
export const wizard: Entity = { id: 'wizard-spider', kind: 'actor', name: 'Wizard Spider', aliases: [], provenance: ['bundled'] };
export const ENTITIES = [lazarus, trickbot, dridex, ta505, wizard];

const claim = (id: string, linkId: string, over: Partial<Claim> = {}): Claim => ({
  id,
  linkId,
  stance: 'supports',
  confidence: 85,
  source: { title: `Report ${id}`, publisher: 'Dark Reading', date: '2020-07-14', url: `https://example.org/${id}`, reliability: 'B' },
  origin: 'bundled',
  created: '2026-01-01T00:00:00.000Z',
  ...over,
});

// As Repository.linksOf gives them: a symmetric link reads the same from either end.
function view(link: Link, self: string, other: Entity, claims: Claim[]): LinkView {
  const direction = link.from === self || SYMMETRIC_RELATIONS.has(link.relation) ? 'out' : 'in';
  return { link, other, direction, claims, derived: deriveConfidence(link, claims) };
}

export const TRICKBOT_LINK: Link = { id: 'lazarus-group~obtains-access-from~trickbot', from: 'lazarus-group', to: 'trickbot', relation: 'obtains-access-from', status: 'active', note: 'Incident responders saw TrickBot first.', provenance: ['bundled'] };
export const DRIDEX_LINK: Link = { id: 'dridex~affiliated-with~lazarus-group', from: 'dridex', to: 'lazarus-group', relation: 'affiliated-with', status: 'refuted', provenance: ['bundled'] };
export const TA505_LINK: Link = { id: 'lazarus-group~affiliated-with~ta505', from: 'lazarus-group', to: 'ta505', relation: 'affiliated-with', status: 'historical', provenance: ['bundled'] };

export const USER_CLAIM = claim('user:1', TRICKBOT_LINK.id, {
  origin: 'user',
  source: { title: 'My article', publisher: 'The Patch Ledger', url: 'https://ledger.example/a' },
  quote: { type: 'TextQuoteSelector', exact: 'TrickBot operators sold access', prefix: 'said that ', suffix: ' to them' },
  confidence: 70,
});

export function lazarusLinks(): LinkView[] {
  return [
    view(TRICKBOT_LINK, 'lazarus-group', trickbot, [
      claim('c1', TRICKBOT_LINK.id, { quote: { type: 'TextQuoteSelector', exact: 'very likely selling access' } }),
      USER_CLAIM,
    ]),
    view(DRIDEX_LINK, 'lazarus-group', dridex, [claim('c2', DRIDEX_LINK.id, { stance: 'refutes', confidence: 95, source: { title: 'Mix-up', publisher: 'Analyst blog', reliability: 'A' } })]),
    view(TA505_LINK, 'lazarus-group', ta505, [claim('c3', TA505_LINK.id, { confidence: 50 })]),
  ];
}

export const PIVOTS: Pivot[] = [{ entity: wizard, via: trickbot, confidence: 58 }];

export const DEMO_REPORT: SpottedReport = {
  done: true,
  scanMs: 3,
  matches: [
    { entityId: 'lazarus-group', name: 'Lazarus Group', text: 'Lazarus Group', count: 3, kind: 'actor' },
    { entityId: 'lazarus-group', name: 'Lazarus Group', text: 'HIDDEN COBRA', count: 1, kind: 'actor' },
    { entityId: 'trickbot', name: 'TrickBot', text: 'TrickBot', count: 6, kind: 'malware' },
    { entityId: 'ta505', name: 'TA505', text: 'TA505', count: 2, kind: 'actor' },
    { entityId: 'dridex', name: 'Dridex', text: 'Dridex', count: 1, kind: 'malware' },
    { entityId: null, name: 'UNC9999', text: 'UNC9999', count: 1 },
  ],
};

export const PAGE: PageInfo = {
  url: 'https://ledger.example/keys',
  title: 'Who sells the keys?',
  siteName: 'The Patch Ledger',
  published: '2026-11-20',
  author: 'Demo desk',
  selection: { type: 'TextQuoteSelector', exact: 'TrickBot operators were very likely selling access', prefix: 'concluded that ', suffix: ' to the North' },
};

export interface FakeOptions {
  report?: SpottedReport | null;
  page?: PageInfo | undefined;
  settings?: Partial<Settings>;
  links?: () => LinkView[];
  /** The reader's claims on the tab's page (PopupBackend.pageClaims). */
  pageClaims?: PageClaim[];
}

export function fakeBackend(opts: FakeOptions = {}) {
  const byId = new Map(ENTITIES.map((e) => [e.id, e]));
  const page = 'page' in opts ? opts.page : PAGE;
  let settings: Settings = { ...DEFAULT_SETTINGS, ...opts.settings };
  const backend = {
    tab: vi.fn(async () => ({ id: 7, ...(page ? { url: page.url, title: page.title, page } : {}) })),
    spotted: vi.fn(async () => ('report' in opts ? (opts.report ?? null) : DEMO_REPORT)),
    entity: vi.fn(async (id: string) => byId.get(id)),
    links: vi.fn(async (id: string) => (id === 'lazarus-group' ? (opts.links ?? lazarusLinks)() : [])),
    pivots: vi.fn(async (id: string) => (id === 'lazarus-group' ? PIVOTS : [])),
    search: vi.fn(async (q: string) =>
      ENTITIES.flatMap((entity) => {
        const hit = [entity.name, ...entity.aliases.map((a) => a.name)].find((n) => n.toLowerCase().startsWith(q.toLowerCase()));
        return hit ? [{ entity, matched: hit }] : [];
      }),
    ),
    settings: vi.fn(async () => settings),
    toggleSite: vi.fn(async () => (settings = { ...settings, sites: settings.sites.includes('ledger.example') ? settings.sites.filter((s) => s !== 'ledger.example') : [...settings.sites, 'ledger.example'] })),
    resume: vi.fn(async () => (settings = { ...settings, paused: false })),
    openOptions: vi.fn(),
    addClaim: vi.fn(async (c: Parameters<PopupBackend['addClaim']>[0]) => ({ ...USER_CLAIM, id: 'user:new', linkId: `${c.from}~${c.relation}~${c.to}` })),
    updateClaim: vi.fn(async (id: string, patch: Parameters<PopupBackend['updateClaim']>[1]) => ({
      ...USER_CLAIM,
      id,
      ...(patch.link ? { linkId: `${patch.link.from}~${patch.link.relation}~${patch.link.to}` } : {}),
    })),
    deleteClaim: vi.fn(async () => ({ claim: USER_CLAIM })),
    restoreClaim: vi.fn(async () => undefined),
    addEntity: vi.fn(async (name: string, kind: 'actor' | 'malware' = 'actor') => {
      const entity = { id: `user:${name.toLowerCase()}`, kind, name, aliases: [], provenance: ['user'] };
      byId.set(entity.id, entity);
      return entity;
    }),
    rescan: vi.fn(async () => undefined),
    pageClaims: vi.fn(async (url: string) => (url === page?.url ? (opts.pageClaims ?? []) : [])),
  } satisfies PopupBackend;
  return backend;
}
