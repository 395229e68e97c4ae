/**
 * A MISP instance's own export of galaxy clusters (Galaxies → Export, format "MISP", or the REST API's cluster views):
 * a list of `{ "GalaxyCluster": { value, uuid, type, description, GalaxyElement: [{ key, value }],
 * GalaxyClusterRelation: [{ referenced_galaxy_cluster_uuid, referenced_galaxy_cluster_type, Tag: [{ name }] }] },
 * "Galaxy": { name, type } }`, or `{ "response": [...] }`, or one `{ "GalaxyCluster": … }`. An analyst who keeps their
 * own clusters in MISP gets this file, not the misp-galaxy repository's. It is read as the repository format the
 * instance would write with its "misp-galaxy" option (one `meta` key per element key, `related` per relation) and
 * parsed by parseMispGalaxy, so both formats obey one set of rules.
 */
import { FORBIDDEN_KEYS, isObject, own, type Json, type JsonObject } from './sanitize';
import { ImportError, type ImportIssue } from './types';

/** Element keys whose values parseMispGalaxy reads as lists, even when the cluster has one. */
const LIST_KEYS = new Set(['synonyms', 'refs', 'name-attribution']);

/** The clusters of an instance export, with the path each has in the file; undefined when `json` is none. */
export function mispExportClusters(json: Json): { cluster: JsonObject; galaxy: JsonObject | undefined; path: string }[] | undefined {
  const entry = (item: Json, path: string) => {
    const cluster = isObject(item) ? own(item, 'GalaxyCluster') : undefined;
    if (!isObject(cluster)) return undefined;
    // The galaxy sits beside the cluster in an export and inside it in some API answers.
    const galaxy = own(item as JsonObject, 'Galaxy') ?? own(cluster, 'Galaxy');
    return { cluster, galaxy: isObject(galaxy) ? galaxy : undefined, path: `${path}.GalaxyCluster` };
  };
  if (isObject(json) && isObject(own(json, 'GalaxyCluster'))) return [entry(json, '')!].map((e) => ({ ...e, path: 'GalaxyCluster' }));
  const list = isObject(json) && Array.isArray(own(json, 'response')) ? (own(json, 'response') as Json[]) : json;
  const prefix = list === json ? '' : 'response';
  if (!Array.isArray(list) || !list.length) return undefined;
  const out = list.map((item, i) => entry(item, `${prefix}[${i}]`));
  return out.every((e) => e !== undefined) ? (out as NonNullable<(typeof out)[number]>[]) : undefined;
}

/**
 * The clusters as a misp-galaxy repository file, and how to say a problem's place in the original file; or the one
 * problem that keeps them from being one (clusters of several galaxies).
 */
export function mispExportAsGalaxy(
  clusters: NonNullable<ReturnType<typeof mispExportClusters>>,
): { galaxy: JsonObject; place: (path: string) => string } | { problem: string; path?: string; field?: string } {
  // Element keys become object keys below: the forbidden-key rule the file's own keys obey applies to them too.
  for (const { cluster, path } of clusters) {
    const elements = own(cluster, 'GalaxyElement');
    if (!Array.isArray(elements)) continue;
    const j = elements.findIndex((e) => isObject(e) && FORBIDDEN_KEYS.has(String(own(e, 'key'))));
    if (j >= 0) {
      const key = String(own(elements[j] as JsonObject, 'key'));
      return { problem: `Forbidden element key "${key}" (possible prototype pollution); the file is rejected.`, path: `${path}.GalaxyElement[${j}]`, field: 'key' };
    }
  }
  const types = [...new Set(clusters.map(({ cluster }) => own(cluster, 'type')).map((t) => (typeof t === 'string' ? t.trim() : '')))];
  if (types.length !== 1 || !types[0]) {
    const named = types.filter(Boolean).map((t) => JSON.stringify(t.slice(0, 60)));
    return {
      problem: named.length > 1 ? `This MISP export holds clusters of several galaxies (${named.join(', ')}): export one galaxy at a time.` : 'This MISP export has clusters without a galaxy "type".',
    };
  }
  const type = types[0];
  const galaxyName = clusters.map(({ galaxy }) => galaxy && own(galaxy, 'name')).find((n) => typeof n === 'string');
  const values = clusters.map(({ cluster }) => {
    const value: JsonObject = {};
    for (const key of ['value', 'uuid', 'description'] as const) {
      const v = own(cluster, key);
      if (v !== undefined) value[key] = v;
    }
    const elements = own(cluster, 'GalaxyElement');
    if (elements !== undefined) value.meta = elementsAsMeta(elements);
    const relations = own(cluster, 'GalaxyClusterRelation');
    if (relations !== undefined) value.related = relationsAsRelated(relations);
    return value;
  });
  return {
    galaxy: { type, name: typeof galaxyName === 'string' ? galaxyName : type, values },
    place: (path) => path.replace(/^values\[(\d+)\]/u, (_, i: string) => clusters[Number(i)]?.path ?? `[${i}]`),
  };
}

/** GalaxyElement [{ key, value }] as `meta` (a malformed list is passed on as is, for the parser to refuse). */
function elementsAsMeta(elements: Json): Json {
  if (!Array.isArray(elements)) return elements;
  const meta: JsonObject = {};
  for (const element of elements) {
    if (!isObject(element)) return elements;
    const key = own(element, 'key');
    const value = own(element, 'value');
    if (typeof key !== 'string' || value === undefined) return elements;
    // Own properties only: "toString" or "valueOf" is an element key like any other, not the inherited method.
    const had = own(meta, key);
    if (had === undefined) meta[key] = LIST_KEYS.has(key) ? [value] : value;
    else meta[key] = Array.isArray(had) ? [...had, value] : [had, value];
  }
  return meta;
}

/** GalaxyClusterRelation as `related` (dest-uuid, type, tags). */
function relationsAsRelated(relations: Json): Json {
  if (!Array.isArray(relations)) return relations;
  return relations.map((relation) => {
    if (!isObject(relation)) return relation;
    const related: JsonObject = {};
    const dest = own(relation, 'referenced_galaxy_cluster_uuid');
    const type = own(relation, 'referenced_galaxy_cluster_type');
    if (dest !== undefined) related['dest-uuid'] = dest;
    if (type !== undefined) related.type = type;
    const tags = own(relation, 'Tag');
    if (Array.isArray(tags)) related.tags = tags.map((t) => (isObject(t) ? (own(t, 'name') ?? null) : t));
    return related;
  });
}

/** An issue of the converted file, placed in the original. */
export function placeIssue<T extends ImportIssue>(issue: T, place: (path: string) => string): T {
  const path = place(issue.path);
  if (path === issue.path) return issue;
  return (issue instanceof ImportError ? new ImportError({ ...issue.toIssue(), path }) : { ...issue, path }) as T;
}
