/**
 * Entities ActorLens knows about: threat actors (intrusion sets, crews) and the software they are known by.
 * Pure data; shared by the database, the matcher, importers and every UI.
 */

export const ENTITY_KINDS = ['actor', 'malware', 'tool', 'ransomware'] as const;
/** actor = threat actor / intrusion set / crew; ransomware = a ransomware operation or family. */
export type EntityKind = (typeof ENTITY_KINDS)[number];

export interface Alias {
  /** The name as the field writes it ("HIDDEN COBRA", "Diamond Sleet", "APT38"). */
  name: string;
  /** Who uses this name, where known: "Microsoft", "CrowdStrike", "Mandiant", "US government", "MITRE"… */
  usedBy?: string;
  /**
   * The name is also an ordinary word or a common name (ZINC, Cobalt, Silence, Lazarus as a surname…):
   * the matcher spots it only in its exact case and with supporting security context.
   */
  ambiguous?: boolean;
}

export interface ExternalIds {
  /** MITRE ATT&CK ids, e.g. "G0032" (groups) or "S0266" (software). */
  attack?: string[];
  /** MISP galaxy cluster uuids. */
  misp?: string[];
  /** STIX ids this entity was imported from or exported as. */
  stix?: string[];
}

export interface Entity {
  /** Stable id: a slug for bundled entities ("lazarus-group"), a prefixed import id otherwise. */
  id: string;
  kind: EntityKind;
  /** Canonical display name. Always spotted too; it is not repeated in `aliases`. */
  name: string;
  /**
   * The canonical name is also an ordinary word or common name (ransomware "Royal", "Play", "Hive"…):
   * like an ambiguous alias, the matcher should spot it only in its exact case and with security context.
   */
  nameAmbiguous?: boolean;
  aliases: Alias[];
  /** Suspected sponsor state or country of origin (ISO 3166 alpha-2 where known, e.g. "KP"). */
  country?: string;
  /** e.g. "state-sponsored espionage", "financial crime", "destruction". */
  motivation?: string;
  /** ISO date (YYYY or YYYY-MM or YYYY-MM-DD). */
  firstSeen?: string;
  lastSeen?: string;
  /** Short description in ActorLens's own words (or the importing feed's text for imported entities). */
  description?: string;
  externalIds?: ExternalIds;
  /** Where this entity's data came from: "bundled", "misp:threat-actor", "attack", "user"… */
  provenance: string[];
  /** Spotting of this entity is an unconfirmed "possible actor" guess (never stored; matcher output only). */
}

/** All names of an entity, canonical first; the canonical name carries `nameAmbiguous` as its `ambiguous` flag. */
export function allNames(entity: Pick<Entity, 'name' | 'aliases'> & Pick<Partial<Entity>, 'nameAmbiguous'>): Alias[] {
  return [{ name: entity.name, ...(entity.nameAmbiguous ? { ambiguous: true } : {}) }, ...entity.aliases];
}

/**
 * Whether first seen is later than last seen. Dates of different precision are compared on what both give:
 * "2019-06" is within "2019", not after it.
 */
export function seenOutOfOrder(firstSeen: string | undefined, lastSeen: string | undefined): boolean {
  if (!firstSeen || !lastSeen) return false;
  const n = Math.min(firstSeen.length, lastSeen.length);
  return firstSeen.slice(0, n) > lastSeen.slice(0, n);
}
