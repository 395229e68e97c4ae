/** Human label for a provenance value: "bundled" → "Bundled with ActorLens", "misp:threat-actor" → "MISP galaxy: threat-actor". */
import { t } from '../../platform/i18n';

export function sourceLabel(provenance: string): string {
  if (provenance === 'bundled') return t('optSourceBundled');
  if (provenance === 'user') return t('optSourceUser');
  if (provenance === 'attack') return t('optSourceAttack');
  const [kind, ...rest] = provenance.split(':');
  const detail = rest.join(':');
  if (kind === 'misp' && detail) return t('optSourceMisp', detail);
  if (kind === 'stix' && detail) return t('optSourceStix', detail);
  return provenance;
}
