/** Authoring format of the bundled dataset: compact to write, expanded into model objects by index.ts. */
import type { Entity } from '../model/entity';
import type { LinkStatus, Relation, Source, Stance } from '../model/link';

export type BundledEntity = Omit<Entity, 'provenance'>;

export interface BundledClaim {
  source: Source;
  stance: Stance;
  /** The source's own confidence as STIX 0–100 (ICD 203 word midpoints: 70 likely, 85 very likely…). */
  confidence?: number;
  /** A short passage of the source that carries the claim (a citation, kept short). */
  quote?: string;
}

export interface BundledLink {
  from: string;
  relation: Relation;
  to: string;
  status: LinkStatus;
  /** Why the link is believed or rejected, in the team's own words. */
  note: string;
  claims: BundledClaim[];
}
