/**
 * Human label for a provenance value: "bundled" → "Bundled with ActorLens", "misp:threat-actor" → "MISP galaxy: threat
 * actors" (a galaxy offered as a feed is named as its feed card names it), "misp:malpedia" → "MISP galaxy: malpedia".
 */
import { t } from '../../platform/i18n';
import { presetTitleOf } from '../import/presets';

export function sourceLabel(provenance: string): string {
  if (provenance === 'bundled') return t('optSourceBundled');
  if (provenance === 'user') return t('optSourceUser');
  if (provenance === 'attack') return t('optSourceAttack');
  const preset = presetTitleOf(provenance);
  if (preset) return t(preset);
  const [kind, ...rest] = provenance.split(':');
  const detail = rest.join(':');
  if (kind === 'misp' && detail) return t('optSourceMisp', detail);
  if (kind === 'stix' && detail) return t('optSourceStix', detail);
  return provenance;
}
