/** Loads what the explorer lists: every entity and how many links touch each. */
import type { Repository } from '../../core/db/repository';
import { indexEntities, type Indexed } from '../explorer/filter';

export async function loadExplorerRows(repo: Repository): Promise<Indexed[]> {
  const [entities, counts] = await Promise.all([repo.allEntities(), repo.linkCounts()]);
  return indexEntities(entities, counts);
}
