/** Loads what the explorer lists: every entity and how many links touch each. */
import type { Repository } from '../../core/db/repository';
import { countLinks, indexEntities, type Indexed } from '../explorer/filter';

export async function loadExplorerRows(repo: Repository): Promise<Indexed[]> {
  // Only the two ends of each link are needed for the counts.
  const [entities, ends] = await Promise.all([repo.allEntities(), repo.db.links.toArray((rows) => rows.map((l) => ({ from: l.from, to: l.to })))]);
  return indexEntities(entities, countLinks(ends));
}
