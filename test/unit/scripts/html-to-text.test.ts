/** How `npm run scan` turns a page into the text the content script reads, on pages a hostile or careless site makes. */
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../scripts/lib/html-to-text';
import { topFirstStack } from '../../../scripts/lib/parser-stack';
import { rng } from '../../../scripts/lib/rng';

/** What a browser builds and happy-dom does not, so html-to-text-dom.test.ts cannot compare them (HTML standard). */
describe('the tree a browser builds', () => {
  it('text and body elements before </head>, or without it (both tags are optional), are in the body', () => {
    expect(htmlToText('<html><head><meta charset="utf-8"><title>Report</title><p>Lazarus Group</p></head><body><p>TrickBot</p>')).toBe('Lazarus Group\nTrickBot');
    expect(htmlToText('<!doctype html><html><head><title>Report</title><link rel="stylesheet" href="a.css"><p>Lazarus Group')).toBe('Lazarus Group');
    expect(htmlToText('<head><title>Lazarus Group</title><style>p{}</style><script>TrickBot()</script><noscript>Emotet</noscript></head><p>a')).toBe('a');
  });

  it('an open declarative shadow root is read in place of its template; a closed one, a second one or one on no host is not', () => {
    expect(htmlToText('<div><template shadowrootmode="open"><p>Lazarus Group</p></template><p>light</p></div>')).toBe('Lazarus Group\nlight');
    expect(htmlToText('<threat-card><template shadowrootmode="OPEN">TrickBot</template></threat-card>')).toBe('TrickBot');
    expect(htmlToText('<div><template shadowrootmode="closed">Emotet</template>a</div>')).toBe('a');
    expect(htmlToText('<div><template shadowrootmode="open">b</template><template shadowrootmode="open">Emotet</template></div>')).toBe('b');
    expect(htmlToText('<ul><template shadowrootmode="open">Emotet</template></ul>')).toBe('');
  });

  it('CDATA is text in an SVG and a comment elsewhere', () => {
    expect(htmlToText('<svg><text><![CDATA[TrickBot]]></text></svg><p><![CDATA[Emotet]]>a</p>')).toBe('TrickBot\na');
  });
});

describe('deep nesting', () => {
  it('reads a page nested 300,000 elements deep at once (three such pages took 175 s; 2,000,000 deep never ended)', () => {
    const n = 300_000;
    const started = performance.now();
    expect(htmlToText(`${'<div>'.repeat(n)}Lazarus Group${'</div>'.repeat(n)}<p>TrickBot</p>`)).toBe('Lazarus Group\nTrickBot');
    expect(htmlToText(`${'<b>'.repeat(n)}Lazarus Group${'</i>'.repeat(n)}`)).toBe('Lazarus Group');
    expect(htmlToText(`<p>a</p>${'<svg>'.repeat(n)}`)).toBe('a');
    expect(performance.now() - started).toBeLessThan(15_000);
  });

  it('the stand-in stack answers as the array it replaces', () => {
    const random = rng(7);
    const names = ['div', 'p', 'b', 'svg', 'li'];
    const real = ['html', 'body', 'div'].reverse();
    const fast = topFirstStack(real);
    for (let i = 0; i < 5000; i++) {
      const r = random();
      const name = names[Math.floor(random() * names.length)] as string;
      if (r < 0.5) expect(fast.unshift(name)).toBe(real.unshift(name));
      else if (r < 0.8) expect(fast.shift()).toBe(real.shift());
      else if (r < 0.99) expect([fast.indexOf(name), fast.includes(name)]).toEqual([real.indexOf(name), real.includes(name)]);
      else fast.length = real.length = 0;
      expect([fast.length, fast[0], fast[1], fast[fast.length - 1], fast[fast.length]]).toEqual([real.length, real[0], real[1], real[real.length - 1], real[real.length]]);
    }
  });
});
