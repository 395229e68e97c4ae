/**
 * Mapping of STIX relationship types and MISP galaxy `related[].type` values onto ActorLens's closed
 * vocabulary (RELATIONS in model/link.ts), and back to STIX for export.
 *
 * Import (feed type → ActorLens relation; "reversed" = the link runs target → source):
 *
 * | feed                | type                                   | ActorLens relation   | reversed |
 * |---------------------|----------------------------------------|----------------------|----------|
 * | STIX, MISP          | uses                                   | uses                 |          |
 * | STIX, MISP          | attributed-to                          | attributed-to        |          |
 * | STIX, MISP          | variant-of, derived-from               | shares-code-with     |          |
 * | STIX                | authored-by                            | develops             | yes      |
 * | STIX                | duplicate-of                           | overlaps-with        |          |
 * | STIX, MISP          | related-to                             | affiliated-with      |          |
 * | STIX                | controls, drops, downloads             | uses                 |          |
 * | STIX                | revoked-by, targets, indicates, …      | (skipped)            |          |
 * | MISP                | similar, overlaps, same-as             | overlaps-with        |          |
 * | MISP                | used-by                                | uses                 | yes      |
 * | MISP                | deploys, delivers, executes, drops     | uses                 |          |
 * | MISP                | is-deployed-by, dropped-by,            | uses                 | yes      |
 * |                     | executed-by, is-injected-by, delivered-by |                   |          |
 * | MISP                | successor-of, preceded-by              | succeeded-by         | yes      |
 * | MISP                | followed-by, succeeded-by, predecessor-of | succeeded-by      |          |
 * | MISP                | parent-of                              | shares-code-with     | yes      |
 * | MISP                | linked-to, associated-with, part-of,   | affiliated-with      |          |
 * |                     | communicates-with, interacts-with      |                      |          |
 * | MISP                | targets                                | (skipped: victims, not actors) |  |
 * | any                 | anything else                          | affiliated-with (+ a warning) |  |
 *
 * A STIX relationship carrying `x_actorlens_relation` (our own exports) keeps that exact relation; the
 * direction still follows the STIX type (authored-by is reversed).
 *
 * Export (ActorLens relation → STIX relationship_type; our exact relation always goes in
 * `x_actorlens_relation`):
 *
 * | ActorLens relation                                              | STIX type      | direction   |
 * |-----------------------------------------------------------------|----------------|-------------|
 * | uses, operates                                                  | uses           | same        |
 * | attributed-to                                                   | attributed-to  | same        |
 * | develops                                                        | authored-by    | reversed    |
 * | obtains-access-from, sells-access-to, affiliated-with,          | related-to     | same        |
 * | shares-code-with, shares-infrastructure-with, overlaps-with,    |                |             |
 * | succeeded-by                                                    |                |             |
 */
import { RELATIONS, type Relation } from '../model/link';

export interface MappedRelation {
  relation: Relation;
  /** The ActorLens link runs from the feed's target to its source. */
  reversed: boolean;
  /** The feed type was unknown and mapped to the default. */
  defaulted?: boolean;
}

const f = (relation: Relation): MappedRelation => ({ relation, reversed: false });
const r = (relation: Relation): MappedRelation => ({ relation, reversed: true });

const STIX_TO_OURS: Record<string, MappedRelation | null> = {
  uses: f('uses'),
  'attributed-to': f('attributed-to'),
  'variant-of': f('shares-code-with'),
  'derived-from': f('shares-code-with'),
  'authored-by': r('develops'),
  'duplicate-of': f('overlaps-with'),
  'related-to': f('affiliated-with'),
  controls: f('uses'),
  drops: f('uses'),
  downloads: f('uses'),
  'revoked-by': null,
  targets: null,
  indicates: null,
  mitigates: null,
  'based-on': null,
  'originates-from': null,
  'located-at': null,
  'beacons-to': null,
  'exfiltrates-to': null,
  'communicates-with': null,
  hosts: null,
  owns: null,
  compromises: null,
  exploits: null,
  impersonates: null,
  'investigates': null,
  remediates: null,
  'characterizes': null,
  'analysis-of': null,
  'static-analysis-of': null,
  'dynamic-analysis-of': null,
  'av-analysis-of': null,
  'consists-of': null,
  'delivers': f('uses'),
  'subtechnique-of': null,
  'detects': null,
};

const MISP_TO_OURS: Record<string, MappedRelation | null> = {
  uses: f('uses'),
  'used-by': r('uses'),
  'attributed-to': f('attributed-to'),
  similar: f('overlaps-with'),
  overlaps: f('overlaps-with'),
  'same-as': f('overlaps-with'),
  'variant-of': f('shares-code-with'),
  'derived-from': f('shares-code-with'),
  'parent-of': r('shares-code-with'),
  deploys: f('uses'),
  delivers: f('uses'),
  executes: f('uses'),
  drops: f('uses'),
  dropped: f('uses'),
  'is-deployed-by': r('uses'),
  'dropped-by': r('uses'),
  'executed-by': r('uses'),
  'is-injected-by': r('uses'),
  'delivered-by': r('uses'),
  'successor-of': r('succeeded-by'),
  'preceded-by': r('succeeded-by'),
  'followed-by': f('succeeded-by'),
  'succeeded-by': f('succeeded-by'),
  'predecessor-of': f('succeeded-by'),
  'linked-to': f('affiliated-with'),
  'associated-with': f('affiliated-with'),
  'related-to': f('affiliated-with'),
  'part-of': f('affiliated-with'),
  'communicates-with': f('affiliated-with'),
  'interacts-with': f('affiliated-with'),
  targets: null,
};

const DEFAULT: MappedRelation = { relation: 'affiliated-with', reversed: false, defaulted: true };

/** null = not a link between actors/software (skipped); defaulted = unknown type. */
export function mapStixRelation(type: string, custom?: unknown): MappedRelation | null {
  const key = type.trim().toLowerCase();
  const base = Object.prototype.hasOwnProperty.call(STIX_TO_OURS, key) ? STIX_TO_OURS[key]! : DEFAULT;
  if (!base) return null;
  if (typeof custom === 'string' && (RELATIONS as readonly string[]).includes(custom)) {
    return { relation: custom as Relation, reversed: base.reversed };
  }
  return base;
}

export function mapMispRelation(type: string): MappedRelation | null {
  const key = type.trim().toLowerCase();
  return Object.prototype.hasOwnProperty.call(MISP_TO_OURS, key) ? MISP_TO_OURS[key]! : DEFAULT;
}

/** STIX 2.1 relationship_type for an ActorLens relation; reversed = source and target swap. */
export function stixRelationFor(relation: Relation): { type: string; reversed: boolean } {
  switch (relation) {
    case 'uses':
    case 'operates':
      return { type: 'uses', reversed: false };
    case 'attributed-to':
      return { type: 'attributed-to', reversed: false };
    case 'develops':
      return { type: 'authored-by', reversed: true };
    default:
      return { type: 'related-to', reversed: false };
  }
}
