/**
 * The card's secondary texts (where a name was seen, the source under a claim, the keyboard hint) on the card's own
 * background, light and dark: WCAG AA for small text. The hint ("Esc closes · Alt+Shift+K next highlight") read
 * 3.9:1 on both, faint on a dark page's card.
 */
import { describe, expect, it } from 'vitest';
import { CARD_CSS } from '../../../src/content/card-css';

/** The value of `prop` in the rule for exactly `selector`, or undefined. */
function declared(selector: string, prop: string): string | undefined {
  for (const m of CARD_CSS.matchAll(/([^{}]+)\{([^}]*)\}/g)) {
    if (!m[1]!.split(',').map((s) => s.trim()).includes(selector)) continue;
    const value = new RegExp(`(?:^|;)\\s*${prop}\\s*:\\s*([^;]+)`).exec(m[2]!)?.[1]?.trim();
    if (value) return value;
  }
  return undefined;
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const ratio = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
};

describe('card text contrast', () => {
  const lightBg = declared('.card', 'background')!;
  const darkBg = declared('.card.dark', 'background')!;

  it.each(['.why', '.muted', '.hint'])('%s on the light card', (cls) => {
    const color = declared(cls, 'color')!;
    expect(ratio(color, lightBg), `${color} on ${lightBg}`).toBeGreaterThanOrEqual(4.5);
  });

  it.each(['.why', '.muted', '.hint'])('%s on the dark card', (cls) => {
    // a class without a dark rule keeps its light colour
    const color = declared(`.dark ${cls}`, 'color') ?? declared(cls, 'color')!;
    expect(ratio(color, darkBg), `${color} on ${darkBg}`).toBeGreaterThanOrEqual(4.5);
  });

  it('the card\'s own text on both', () => {
    expect(ratio(declared('.card', 'color')!, lightBg)).toBeGreaterThanOrEqual(4.5);
    expect(ratio(declared('.card.dark', 'color')!, darkBg)).toBeGreaterThanOrEqual(4.5);
  });
});
