/**
 * Search by any word of a name, not only its start: analysts type a naming family ("panda", "typhoon", "kitten",
 * "sleet") as often as a name's first word. The repository's name index answers "the whole name starts with"; its
 * word index (Repository.entitiesByLaterWord) finds the entities a later word of which starts with the query, and
 * this ranks them and says which name matched. Pure.
 */
import { laterWordKeys, nameKey } from '../../core/db/keys';
import { allNames, type Entity } from '../../core/model/entity';

export interface WordHit {
  entity: Entity;
  /** The name or alias that matched. */
  matched: string;
}

interface Entry {
  entity: Entity;
  /** Per name: the name and the keys of the name from each of its words on ("wicked panda" → "wickedpanda", "panda"). */
  names: { name: string; keys: string[] }[];
}

export function buildWordIndex(entities: readonly Entity[]): Entry[] {
  return entities.map((entity) => ({ entity, names: allNames(entity).map((a) => ({ name: a.name, keys: laterWordKeys(a.name) })) }));
}

/**
 * Entities with a name or alias one of whose inner words starts with the query (as typed; case, accents and
 * punctuation ignored), the canonical name's matches first, then by name. `skip` holds ids already found otherwise.
 */
export function searchWords(index: readonly Entry[], query: string, limit: number, skip: ReadonlySet<string> = new Set()): WordHit[] {
  const key = nameKey(query);
  if (!key || limit <= 0) return [];
  const hits: (WordHit & { score: number })[] = [];
  for (const { entity, names } of index) {
    if (skip.has(entity.id)) continue;
    const at = names.findIndex((n) => n.keys.some((k) => k.startsWith(key)));
    if (at >= 0) hits.push({ entity, matched: names[at]!.name, score: at === 0 ? 0 : 1 });
  }
  hits.sort((a, b) => a.score - b.score || a.entity.name.localeCompare(b.entity.name));
  return hits.slice(0, limit).map(({ entity, matched }) => ({ entity, matched }));
}
