/**
 * Confidence: stored as STIX 2.1's 0–100, shown with ICD 203 / MISP estimative words.
 * Absent means "unspecified", never 0.
 *
 * Derivation rule for a link (deterministic, documented in README):
 * 1. Each claim weighs w = reliabilityWeight(source.reliability) times its own confidence. A claim that states
 *    no confidence counts as 50 ("roughly even") for the status only; when no claim states one, the link's
 *    confidence is unspecified.
 * 2. Supporting claims combine as independent evidence: support = 100 · (1 − Π(1 − w·c/100)), counting only
 *    one claim per underlying analysis (source.basedOn, else publisher: the strongest), because the same
 *    outlet repeating itself, or three outlets reporting one vendor's study, is not independent evidence.
 * 3. Refuting claims combine the same way into `refute`.
 * 4. confidence = round(support · (1 − refute/100)).
 * 5. Status (refute counted with unstated claims as 50): refute ≥ 60 and refute ≥ support → refuted; refute ≥ 30 → disputed (unless the curator said
 *    refuted); otherwise the asserted status stands (historical stays historical).
 * 6. An analyst override replaces the number (not the claims); the reason is kept and shown.
 */
import type { Claim, Link, LinkStatus, Reliability } from './link';

export interface Band {
  key: string;
  /** Representative STIX value for the word (Appendix A DNI scale). */
  value: number;
  min: number;
  max: number;
}

/** ICD 203 (DNI) scale, STIX 2.1 Appendix A. */
export const ICD203: readonly Band[] = [
  { key: 'almostNoChance', value: 5, min: 0, max: 9 },
  { key: 'veryUnlikely', value: 15, min: 10, max: 19 },
  { key: 'unlikely', value: 30, min: 20, max: 39 },
  { key: 'roughlyEven', value: 50, min: 40, max: 59 },
  { key: 'likely', value: 70, min: 60, max: 79 },
  { key: 'veryLikely', value: 85, min: 80, max: 89 },
  { key: 'almostCertain', value: 95, min: 90, max: 100 },
];

export type ConfidenceWord = (typeof ICD203)[number]['key'];

export function bandOf(confidence: number | undefined): Band | undefined {
  if (confidence === undefined || !Number.isFinite(confidence)) return undefined;
  const c = Math.max(0, Math.min(100, Math.round(confidence)));
  return ICD203.find((b) => c >= b.min && c <= b.max);
}

export function valueOfWord(word: string): number | undefined {
  return ICD203.find((b) => b.key === word)?.value;
}

/** MISP estimative-language likelihood-probability tag values → STIX midpoints. */
export const MISP_LIKELIHOOD: Record<string, number> = {
  'almost-no-chance': 5,
  'very-unlikely': 15,
  unlikely: 30,
  'roughly-even-chance': 50,
  likely: 70,
  'very-likely': 85,
  'almost-certain': 95,
};

export function reliabilityWeight(r: Reliability | undefined): number {
  switch (r) {
    case 'A': return 1;
    case 'B': return 0.9;
    case 'C': return 0.75;
    case 'D': return 0.5;
    case 'E': return 0.25;
    default: return 0.6; // F or unknown: cannot be judged
  }
}

function combine(claims: readonly Claim[], unstated: number | undefined): number {
  const bestPerPublisher = new Map<string, number>();
  for (const claim of claims) {
    if (claim.confidence === undefined && unstated === undefined) continue;
    const key = (claim.source.basedOn ?? claim.source.publisher ?? claim.source.url ?? claim.id).toLowerCase();
    const strength = reliabilityWeight(claim.source.reliability) * (claim.confidence ?? unstated ?? 50);
    bestPerPublisher.set(key, Math.max(bestPerPublisher.get(key) ?? 0, strength));
  }
  let doubt = 1;
  for (const s of bestPerPublisher.values()) doubt *= 1 - s / 100;
  return 100 * (1 - doubt);
}

export interface DerivedConfidence {
  /** 0–100, undefined when the link has no claims and no override. */
  confidence: number | undefined;
  status: LinkStatus;
  supporting: number;
  refuting: number;
  overridden: boolean;
}

export function deriveConfidence(link: Pick<Link, 'status' | 'override'>, claims: readonly Claim[]): DerivedConfidence {
  const pro = claims.filter((c) => c.stance === 'supports');
  const con = claims.filter((c) => c.stance === 'refutes');
  // A claim that states no confidence still counts towards the status (as "roughly even"), but the number is
  // derived only from claims that state one: a feed's bare "uses" is unspecified, not "unlikely".
  const support = combine(pro, undefined);
  const refute = combine(con, undefined);
  const refuteForStatus = combine(con, 50);
  let status: LinkStatus = link.status;
  if (status !== 'refuted') {
    if (refuteForStatus >= 60 && refuteForStatus >= support) status = 'refuted';
    else if (refuteForStatus >= 30) status = 'disputed';
  }
  const stated = claims.some((c) => c.confidence !== undefined);
  let confidence: number | undefined = stated ? Math.round(support * (1 - refute / 100)) : undefined;
  if (link.override) confidence = link.override.confidence;
  return { confidence, status, supporting: pro.length, refuting: con.length, overridden: !!link.override };
}
