/**
 * A file wrong everywhere (a list of a million objects without a valid id, a galaxy of values without names) was
 * answered with one error object per problem: 300,000 of them took 435 MB and 7.7 s in Node, and the page shows the
 * first hundred anyway. The parsers list the first MAX_LISTED_ERRORS and stand one summary line for the rest, which
 * still counts them, so the reader learns how many problems the file has in all.
 */
import { describe, expect, it } from 'vitest';
import { MAX_LISTED_ERRORS } from '../../../src/core/importers/common';
import { detectAndParse, issueTotal } from '../../../src/core/importers/index';

const N = MAX_LISTED_ERRORS + 2500;

describe('a file with more errors than are listed', () => {
  it.each([
    ['a STIX bundle', JSON.stringify({ type: 'bundle', id: 'bundle--11111111-2222-4333-8444-000000000000', objects: Array.from({ length: N }, (_, i) => ({ type: 'malware', id: `malware-${i}`, name: `M${i}` })) })],
    ['a MISP galaxy', JSON.stringify({ type: 'threat-actor', name: 'Threat Actor', values: Array.from({ length: N }, (_, i) => ({ uuid: `11111111-2222-4333-8444-${String(i).padStart(12, '0')}` })) })],
  ])('%s lists the first ones and counts the rest in one line', (_what, text) => {
    const plan = detectAndParse(text, 'wrong.json');
    expect(plan.errors).toHaveLength(MAX_LISTED_ERRORS + 1);
    expect(issueTotal(plan.errors)).toBe(N);
    const summary = plan.errors.at(-1)!;
    expect(summary.counts).toBe(N - MAX_LISTED_ERRORS);
    expect(summary.reason).toBe(`…and ${N - MAX_LISTED_ERRORS} more errors not listed (${N} in all).`);
    expect(plan.errors[MAX_LISTED_ERRORS - 1]!.path).toMatch(new RegExp(`^(objects|values)\\[${MAX_LISTED_ERRORS - 1}\\]`));
  });
});
