/** Loads what the explorer lists: every entity, how many links touch each and how far they reach. */
import type { Repository } from '../../core/db/repository';
import { indexEntities, type Indexed } from '../explorer/filter';
import { linkStats, type LinkStats } from '../explorer/reach';

/** Link counts and reach, from one read of the links table. */
export async function readLinkStats(repo: Repository): Promise<LinkStats> {
  return linkStats(await repo.linkEnds());
}

export async function loadExplorerRows(repo: Repository): Promise<Indexed[]> {
  const [entities, stats] = await Promise.all([repo.allEntities(), readLinkStats(repo)]);
  return indexEntities(entities, stats);
}
