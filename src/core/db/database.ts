/**
 * The only module that constructs Dexie. Schema history lives here: never edit a shipped version,
 * add a new one with an upgrade function (tested in test/unit/db/upgrade.test.ts).
 */
import { Dexie, type EntityTable } from 'dexie';
import type { Entity } from '../model/entity';
import { nameKey, wordKeys } from './keys';
import type { Claim, Link } from '../model/link';
import type { DeletedClaimRow } from './deleted-claims';
import { mergeReversedLinks } from './symmetric-links';

/** An entity as stored: the model plus derived index keys. */
export interface EntityRow extends Entity {
  /** nameKey() of the canonical name and every alias. */
  keys: string[];
  /** "attack:G0032", "misp:<uuid>", "stix:<id>" — for merging imports by external id. */
  ext: string[];
  /**
   * wordKeys() of the canonical name and every alias: each name's key read from each later word on, for the
   * popup's search by any word ("panda" finds Mustang Panda). Index added in v3.
   */
  words: string[];
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
  deleted!: EntityTable<DeletedClaimRow, 'id'>;

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
    // v3: a multi-entry index of the later words of every name and alias, filled here for existing rows (and by
    // toRow() for every row written since).
    this.version(3)
      .stores({
        entities: 'id, kind, *keys, *ext, *words',
      })
      .upgrade((tx) =>
        tx
          .table('entities')
          .toCollection()
          .modify((row: Partial<EntityRow>) => {
            row.words = wordKeys(storedNames(row));
          }),
      );
    // v4: the reader's deleted claims, kept whole until they are restored or deleted for good (deleted-claims.ts).
    // A new table: no existing row changes.
    this.version(4).stores({
      deleted: 'id, at',
    });
    // v5: nameKey() keeps kana voicing marks (ラザルス and ラサルス had one key, so an import merged the two names into
    // one entity and a lookup of either found whichever came first): every stored row's keys are computed again.
    // Rows are rewritten in place; only the derived keys and words change.
    this.version(5)
      .stores({})
      .upgrade((tx) =>
        tx
          .table('entities')
          .toCollection()
          .modify((row: Partial<EntityRow>) => {
            const names = storedNames(row);
            row.keys = [...new Set(names.map(nameKey).filter(Boolean))];
            row.words = wordKeys(names);
          }),
      );
    // v6: a symmetric relation's link is stored once, its ends in id order (symmetric-links.ts): a link stored the
    // other way round joins the one there, with its claims, notes and provenance; what named it by id follows. The
    // data version moves, so the dictionary is compiled again from the links as they are now.
    this.version(6)
      .stores({})
      .upgrade(async (tx) => {
        const turned = await mergeReversedLinks({ links: tx.table('links'), claims: tx.table('claims'), deleted: tx.table('deleted'), meta: tx.table('meta') });
        if (!turned) return;
        const version = (await tx.table('meta').get('dataVersion')) as MetaRow | undefined;
        await tx.table('meta').put({ key: 'dataVersion', value: (typeof version?.value === 'number' ? version.value : 0) + 1 });
      });
  }
}

/** The canonical name and aliases of a stored row, read defensively: an upgrade must not fail on an odd row. */
function storedNames(row: Partial<EntityRow>): string[] {
  const aliases: unknown[] = Array.isArray(row.aliases) ? row.aliases : [];
  return [row.name, ...aliases.map((a) => (a && typeof a === 'object' ? (a as { name?: unknown }).name : undefined))].filter(
    (n): n is string => typeof n === 'string',
  );
}

export function openDb(name = DB_NAME): ActorLensDb {
  return new ActorLensDb(name);
}
