/** Loads what the explorer lists: every entity and how many links touch each. */
import type { Repository } from '../../core/db/repository';
import { countLinks, indexEntities, type Indexed } from '../explorer/filter';

export async function loadExplorerRows(repo: Repository): Promise<Indexed[]> {
  const [entities, ends] = await Promise.all([repo.allEntities(), repo.linkEnds()]);
  return indexEntities(entities, countLinks(ends));
}
