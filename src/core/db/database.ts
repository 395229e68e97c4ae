/**
 * The only module that constructs Dexie. Schema history lives here: never edit a shipped version,
 * add a new one with an upgrade function (tested in test/unit/db/upgrade.test.ts).
 */
import { Dexie, type EntityTable } from 'dexie';
import type { Entity } from '../model/entity';
import type { Claim, Link } from '../model/link';

/** An entity as stored: the model plus derived index keys. */
export interface EntityRow extends Entity {
  /** nameKey() of the canonical name and every alias. */
  keys: string[];
  /** "attack:G0032", "misp:<uuid>", "stix:<id>" — for merging imports by external id. */
  ext: string[];
}

export interface MetaRow {
  key: string;
  value: unknown;
}

/** A page where an entity was spotted (opt-in local history). */
export interface SightingRow {
  id?: number;
  entityId: string;
  url: string;
  title: string;
  at: string;
}

export const DB_NAME = 'actorlens';

export class ActorLensDb extends Dexie {
  entities!: EntityTable<EntityRow, 'id'>;
  links!: EntityTable<Link, 'id'>;
  claims!: EntityTable<Claim, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;
  sightings!: EntityTable<SightingRow, 'id'>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      entities: 'id, kind, *keys, *ext',
      links: 'id, from, to, relation',
      claims: 'id, linkId, origin, pageUrl',
      meta: 'key',
    });
    // v2: opt-in history of pages where an entity was seen.
    this.version(2).stores({
      sightings: '++id, entityId, url, at',
    });
  }
}

export function openDb(name = DB_NAME): ActorLensDb {
  return new ActorLensDb(name);
}
