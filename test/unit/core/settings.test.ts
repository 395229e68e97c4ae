import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isEnabledFor, siteOf, suppressedFor, toggleSite, withDefaults } from '../../../src/core/settings';

describe('settings', () => {
  it('turns a site off and on again, in either mode', () => {
    const off = toggleSite(DEFAULT_SETTINGS, 'https://www.example.com/a');
    expect(isEnabledFor(off, 'https://example.com/b')).toBe(false);
    expect(isEnabledFor(off, 'https://other.org/')).toBe(true);
    expect(isEnabledFor(toggleSite(off, 'https://example.com/'), 'https://example.com/')).toBe(true);
    const only = { ...DEFAULT_SETTINGS, siteMode: 'only' as const };
    expect(isEnabledFor(only, 'https://example.com/')).toBe(false);
    expect(isEnabledFor(toggleSite(only, 'https://example.com/'), 'https://example.com/')).toBe(true);
  });

  it('pauses everywhere', () => {
    expect(isEnabledFor({ ...DEFAULT_SETTINGS, paused: true }, 'https://example.com/')).toBe(false);
  });

  it('applies suppressions globally or per site', () => {
    const s = { ...DEFAULT_SETTINGS, suppressed: [{ term: 'Cobalt' }, { term: 'Lazarus', site: 'church.example' }] };
    expect(suppressedFor(s, 'https://church.example/x')).toEqual(['Cobalt', 'Lazarus']);
    expect(suppressedFor(s, 'https://news.example/x')).toEqual(['Cobalt']);
  });

  it('fills missing stored fields with defaults', () => {
    expect(withDefaults({ paused: true, colors: { actor: '#000000' } as never }).colors.malware).toBe(DEFAULT_SETTINGS.colors.malware);
    expect(siteOf('not a url')).toBe('');
  });
});

describe('confidence derivation', async () => {
  const { deriveConfidence, bandOf } = await import('../../../src/core/model/confidence');
  const claim = (stance: 'supports' | 'refutes', confidence: number | undefined, publisher: string, reliability?: 'A' | 'B' | 'C' | 'E') => ({
    id: Math.random().toString(), linkId: 'l', stance, origin: 'bundled', created: '2026-01-01',
    ...(confidence === undefined ? {} : { confidence }),
    source: { title: 't', publisher, ...(reliability ? { reliability } : {}) },
  });

  it('is unspecified without claims, or when no claim states a confidence; never 0', () => {
    expect(deriveConfidence({ status: 'active' }, []).confidence).toBeUndefined();
    expect(deriveConfidence({ status: 'active' }, [claim('supports', undefined, 'MITRE', 'B')]).confidence).toBeUndefined();
    // An unstated refutation from a reliable source still disputes the link.
    expect(deriveConfidence({ status: 'active' }, [claim('supports', 70, 'A', 'B'), claim('refutes', undefined, 'B', 'A')]).status).toBe('disputed');
    expect(bandOf(undefined)).toBeUndefined();
  });

  it('rises with independent reliable sources but not with one outlet repeating itself', () => {
    const one = deriveConfidence({ status: 'active' }, [claim('supports', 70, 'A', 'B')]).confidence!;
    const two = deriveConfidence({ status: 'active' }, [claim('supports', 70, 'A', 'B'), claim('supports', 70, 'B', 'B')]).confidence!;
    const sameStudy = deriveConfidence({ status: 'active' }, [claim('supports', 70, 'A', 'B'), { ...claim('supports', 70, 'B', 'B'), source: { title: 't', publisher: 'B', basedOn: 'A' } }]).confidence!;
    const same = deriveConfidence({ status: 'active' }, [claim('supports', 70, 'A', 'B'), claim('supports', 70, 'A', 'B')]).confidence!;
    expect(two).toBeGreaterThan(one);
    expect(same).toBe(one);
    expect(sameStudy).toBe(one);
    const weak = deriveConfidence({ status: 'active' }, [claim('supports', 70, 'A', 'E')]).confidence!;
    expect(weak).toBeLessThan(one);
  });

  it('marks a link disputed or refuted when reliable sources refute it', () => {
    const disputed = deriveConfidence({ status: 'active' }, [claim('supports', 85, 'A', 'B'), claim('refutes', 50, 'B', 'C')]);
    expect(disputed.status).toBe('disputed');
    const refuted = deriveConfidence({ status: 'active' }, [claim('supports', 30, 'A', 'C'), claim('refutes', 85, 'B', 'A')]);
    expect(refuted.status).toBe('refuted');
    expect(refuted.confidence).toBeLessThan(10);
  });

  it('lets an analyst override the number, keeping the claims', () => {
    const d = deriveConfidence({ status: 'active', override: { confidence: 95, reason: 'IR case', at: '' } }, [claim('supports', 50, 'A')]);
    expect(d).toMatchObject({ confidence: 95, overridden: true, supporting: 1 });
  });
});
