import { describe, expect, it } from 'vitest';
import { caseSignature, normalizeKey, normalizeText, suppressionKey, toOriginalRange } from '../../../src/core/matcher/index';

describe('normalize', () => {
  it('maps name variants the field writes to one key', () => {
    expect(normalizeKey('APT 29')).toBe('apt29');
    expect(normalizeKey('APT-29')).toBe('apt29');
    expect(normalizeKey('APT29')).toBe('apt29');
    expect(normalizeKey('Storm-0558')).toBe('storm0558');
    expect(normalizeKey('APT-C-36')).toBe('apt c36');
    expect(normalizeKey('Lazarus\u00a0Group')).toBe('lazarus group');
    expect(normalizeKey('Cobalt  -  Strike')).toBe('cobalt strike');
  });
  it('applies NFKC and drops zero-width characters and soft hyphens', () => {
    expect(normalizeKey('Ｔｒｉｃｋ\u200bBot')).toBe('trickbot');
    expect(normalizeKey('Tri\u00adck\u200dBot')).toBe('trickbot');
    expect(normalizeText('TrickBot’s').text).toBe("TrickBot's");
    expect(normalizeText('APT\u201129').text).toBe('APT-29');
  });
  it('keeps an offset map back to the original text', () => {
    const original = 'x Tri\u00adck\u200bBot y';
    const nt = normalizeText(original);
    expect(nt.text).toBe('x TrickBot y');
    const s = nt.text.indexOf('TrickBot');
    const [os, oe] = toOriginalRange(nt, s, s + 8);
    expect(original.slice(os, oe)).toBe('Tri\u00adck\u200bBot');
  });
  it('maps astral characters and NFKC expansions to their original range', () => {
    const original = '𝐀 ﬁle Emotet';
    const nt = normalizeText(original);
    expect(nt.text).toBe('A file Emotet');
    const s = nt.text.indexOf('Emotet');
    const [os, oe] = toOriginalRange(nt, s, s + 6);
    expect(original.slice(os, oe)).toBe('Emotet');
  });
  it('case signature and suppression key', () => {
    expect(caseSignature('APT 29')).toBe('APT29');
    expect(suppressionKey(' apt-29 ')).toBe('apt29');
  });
});
