/** AnnoCTR eval corpus loader and span scoring (see ../shared/eval/README.md for the scoring definitions). */
import { readFileSync } from 'node:fs';

export const LABELS = ['actors', 'malware', 'tools'] as const;
export type Label = (typeof LABELS)[number];

export interface GoldSpan {
  start: number;
  end: number;
  surface: string;
  entity?: string;
}
export interface Report {
  id: string;
  source: string;
  text: string;
  actors: GoldSpan[];
  malware: GoldSpan[];
  tools: GoldSpan[];
}
export interface PredSpan {
  start: number;
  end: number;
  surface: string;
  label: Label;
}

export function loadReports(path: string): Report[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Report);
}

export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  p: number;
  r: number;
  f1: number;
}
export function prf(tp: number, fp: number, fn: number): Prf {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return { tp, fp, fn, p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

export interface LabelScores {
  exact: Prf;
  /** overlap: a prediction counts if it touches a gold span of the label, a gold span if a prediction touches it. */
  overlap: { p: number; r: number; f1: number };
  /** per report: distinct predicted surfaces vs distinct gold surfaces, summed over reports. */
  doc: Prf;
  misses: Map<string, number>;
  falsePositives: Map<string, number>;
}

const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

export function score(reports: readonly Report[], preds: readonly PredSpan[][], label: Label): LabelScores {
  let tp = 0, fp = 0, fn = 0, oPredOk = 0, oPred = 0, oGoldOk = 0, oGold = 0, dTp = 0, dFp = 0, dFn = 0;
  const misses = new Map<string, number>();
  const falsePositives = new Map<string, number>();
  reports.forEach((rep, i) => {
    const gold = rep[label];
    const pr = (preds[i] ?? []).filter((p) => p.label === label);
    const goldKeys = new Set(gold.map((g) => `${g.start}:${g.end}`));
    const predKeys = new Set(pr.map((p) => `${p.start}:${p.end}`));
    for (const p of pr) {
      if (goldKeys.has(`${p.start}:${p.end}`)) tp++;
      else {
        fp++;
        bump(falsePositives, p.surface);
      }
      oPred++;
      if (gold.some((g) => g.start < p.end && p.start < g.end)) oPredOk++;
    }
    for (const g of gold) {
      if (!predKeys.has(`${g.start}:${g.end}`)) {
        fn++;
        bump(misses, g.surface);
      }
      oGold++;
      if (pr.some((p) => g.start < p.end && p.start < g.end)) oGoldOk++;
    }
    const gs = new Set(gold.map((g) => g.surface));
    const ps = new Set(pr.map((p) => p.surface));
    for (const s of ps) {
      if (gs.has(s)) dTp++;
      else dFp++;
    }
    for (const s of gs) if (!ps.has(s)) dFn++;
  });
  const op = oPred ? oPredOk / oPred : 0;
  const or = oGold ? oGoldOk / oGold : 0;
  return { exact: prf(tp, fp, fn), overlap: { p: op, r: or, f1: op + or ? (2 * op * or) / (op + or) : 0 }, doc: prf(dTp, dFp, dFn), misses, falsePositives };
}
