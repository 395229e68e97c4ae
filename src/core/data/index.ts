/**
 * The bundled knowledge base, expanded from the authoring format into model objects.
 * BUNDLED_VERSION changes whenever the data changes, so installs re-seed (user data is never touched).
 */
import type { Entity } from '../model/entity';
import { canonicalEnds, linkId, type Claim, type Link } from '../model/link';
import type { BundledEntity, BundledLink } from './bundled-types';
import { CHINA_ENTITIES } from './entities-china';
import { COMMODITY_ENTITIES } from './entities-commodity';
import { CORE_ENTITIES } from './entities-core';
import { CRIME_ENTITIES } from './entities-crime';
import { DUAL_USE_ENTITIES } from './entities-dual-use';
import { IRAN_ENTITIES } from './entities-iran';
import { NORTH_KOREA_ENTITIES } from './entities-north-korea';
import { OTHER_STATE_ENTITIES } from './entities-other-states';
import { RANSOMWARE_ENTITIES } from './entities-ransomware';
import { RUSSIA_ENTITIES } from './entities-russia';
import { SOFTWARE_ENTITIES } from './entities-software';
import { SYSTEM_TOOL_ENTITIES } from './entities-system-tools';
import { CORE_LINKS } from './links-core';
import { CRIME_LINKS } from './links-crime';
import { STATE_LINKS } from './links-state';

export const BUNDLED_VERSION = '2026.11.30-7';
const SEEDED_AT = '2026-11-27T00:00:00.000Z';

const ENTITY_GROUPS: BundledEntity[][] = [
  CORE_ENTITIES,
  NORTH_KOREA_ENTITIES,
  RUSSIA_ENTITIES,
  CHINA_ENTITIES,
  IRAN_ENTITIES,
  OTHER_STATE_ENTITIES,
  CRIME_ENTITIES,
  SOFTWARE_ENTITIES,
  COMMODITY_ENTITIES,
  DUAL_USE_ENTITIES,
  SYSTEM_TOOL_ENTITIES,
  RANSOMWARE_ENTITIES,
];
const LINK_GROUPS: BundledLink[][] = [CORE_LINKS, STATE_LINKS, CRIME_LINKS];

export interface Dataset {
  entities: Entity[];
  links: Link[];
  claims: Claim[];
}

export function bundledDataset(): Dataset {
  const entities: Entity[] = ENTITY_GROUPS.flat().map((e) => ({ ...e, provenance: ['bundled'] }));
  const links: Link[] = [];
  const claims: Claim[] = [];
  for (const l of LINK_GROUPS.flat()) {
    const id = linkId(l.from, l.relation, l.to);
    links.push({ id, ...canonicalEnds(l.from, l.relation, l.to), relation: l.relation, status: l.status, note: l.note, provenance: ['bundled'] });
    l.claims.forEach((c, i) => {
      claims.push({
        id: `${id}#${i}`,
        linkId: id,
        source: c.source,
        stance: c.stance,
        ...(c.confidence !== undefined ? { confidence: c.confidence } : {}),
        ...(c.quote ? { quote: { type: 'TextQuoteSelector', exact: c.quote } } : {}),
        origin: 'bundled',
        created: SEEDED_AT,
      });
    });
  }
  return { entities, links, claims };
}
