/** Feed and --import files as Windows tools save them (UTF-16), read by the CLI scripts. */
import { describe, expect, it } from 'vitest';
import { feedText } from '../../../scripts/lib/feeds';

describe('feedText (--import files)', () => {
  it('reads UTF-16 JSON by its byte-order mark, or without one, and UTF-8 with or without one (the mark dropped)', () => {
    const json = '{"type":"threat-actor","values":[{"value":"Asnarök"}]}';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]);
    expect(feedText(le)).toBe(json);
    const be = Buffer.from(json, 'utf16le').swap16();
    expect(feedText(be)).toBe(json);
    expect(feedText(Buffer.from(`\ufeff${json}`))).toBe(json);
    expect(feedText(Buffer.from(json))).toBe(json);
  });
});
