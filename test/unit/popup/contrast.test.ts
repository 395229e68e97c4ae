/** WCAG AA contrast of the shared tokens (src/ui/tokens.css), in light and dark. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(path.resolve(import.meta.dirname, '../../../src/ui/tokens.css'), 'utf8');

function tokens(block: string): Record<string, string> {
  return Object.fromEntries([...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1]!, m[2]!]));
}
const light = tokens(css.slice(0, css.indexOf('@media')));
const dark = { ...light, ...tokens(css.slice(css.indexOf('@media'))) };

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function ratio(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

const TEXT = ['fg', 'fg-muted', 'accent', 'actor', 'malware', 'tool', 'ransomware', 'ok', 'warn', 'refuted', 'historical'];
const BACKGROUNDS = ['bg', 'bg-soft', 'bg-raised'];
const PAIRS: [string, string][] = [
  ['ok', 'ok-soft'],
  ['warn', 'warn-soft'],
  ['refuted', 'refuted-soft'],
  ['historical', 'historical-soft'],
  ['accent-fg', 'accent'],
  ['fg', 'accent-soft'],
  ['bg', 'fg'],
];

describe.each([
  ['light', light],
  ['dark', dark],
])('tokens (%s)', (_name, t) => {
  it('text colours reach 4.5:1 on every background', () => {
    const low = TEXT.flatMap((fg) => BACKGROUNDS.map((bg) => [fg, bg, ratio(t[fg]!, t[bg]!)] as const)).filter(([, , r]) => r < 4.5);
    expect(low).toEqual([]);
  });
  it('badges and buttons reach 4.5:1', () => {
    expect(PAIRS.map(([fg, bg]) => [fg, bg, ratio(t[fg]!, t[bg]!)] as const).filter(([, , r]) => r < 4.5)).toEqual([]);
  });
  it('control borders and the focus ring reach 3:1', () => {
    expect(['line-strong', 'focus'].map((k) => [k, ratio(t[k]!, t.bg!)] as const).filter(([, r]) => r < 3)).toEqual([]);
  });
});
