/**
 * An ImportPlan and its preview cross the worker boundary by structured clone, which keeps plain objects but
 * turns ImportError instances into bare Errors (losing file/path/field). Errors travel as plain issues and are
 * rebuilt on the page side.
 */
import type { ImportPreview } from '../../core/db/import-export';
import { ImportError, type ImportIssue, type ImportPlan } from '../../core/importers/index';

export type WirePlan = Omit<ImportPlan, 'errors'> & { errors: ImportIssue[] };

export function toWire(plan: ImportPlan): WirePlan {
  return { ...plan, errors: plan.errors.map((e) => e.toIssue()) };
}

export function fromWire(wire: WirePlan): ImportPlan {
  return { ...wire, errors: wire.errors.map((issue) => new ImportError(issue)) };
}

export type WirePreview = Omit<ImportPreview, 'errors'> & { errors: ImportIssue[] };

export function previewToWire(preview: ImportPreview): WirePreview {
  return { ...preview, errors: preview.errors.map((e) => e.toIssue()) };
}

export function previewFromWire(wire: WirePreview): ImportPreview {
  return { ...wire, errors: wire.errors.map((issue) => new ImportError(issue)) };
}
