/** Which <pre> elements are read: a mail archive's message is, code, logs and data are not. */
import { describe, expect, it } from 'vitest';
import { preReadsAsProse, unwrapLines, unwrapLinesIn } from '../../../src/core/page-text';

const MAIL = `Hello list,

We have observed a new campaign by the Lazarus Group targeting developers with fake
job offers. The first stage is delivered by e-mail (see the attached report), and the
second stage is a backdoor that talks to a server in another country.

> On Tue, someone wrote:
> > Is this related to TrickBot?
> Probably not.

Regards,
Alice <alice@example.org>
https://www.openwall.com/lists/oss-security/2024/03/29/4
`;

const PYTHON = `import json, sys

def load(path):
    with open(path) as f:
        data = json.load(f)
    for item in data["entries"]:
        if item.get("family") == "TrickBot":
            print(item["name"], item["first_seen"])
    return data

def main():
    families = load(sys.argv[1])
    print(len(families), "families loaded from the Lazarus Group feed")

if __name__ == "__main__":
    main()
`;

const YARA = `rule Lazarus_Loader_Strings
{
    meta:
        author = "analyst"
        description = "strings seen in the loader used by the Lazarus Group"
    strings:
        $a = "cmd.exe /c start" ascii wide
        $b = "update_service_host" ascii
        $c = { 4D 5A 90 00 03 00 00 00 }
    condition:
        uint16(0) == 0x5A4D and filesize < 400KB and 2 of them
}
`;

const LOG = Array.from({ length: 8 }, (_, i) => `2024-03-29 10:01:0${i} INFO connect 10.0.0.${i}:443 host=web-${i} status=ok bytes=${1000 + i}`).join('\n');

describe('preReadsAsProse', () => {
  it('reads a mailing-list message', () => {
    expect(preReadsAsProse(MAIL, '', false)).toBe(true);
  });
  it('does not read code, rules or logs, even when they name an actor', () => {
    for (const text of [PYTHON, YARA, LOG]) expect(text.length).toBeGreaterThan(200);
    expect(preReadsAsProse(PYTHON, '', false)).toBe(false);
    expect(preReadsAsProse(YARA, '', false)).toBe(false);
    expect(preReadsAsProse(LOG, '', false)).toBe(false);
  });
  it('does not read a <pre> marked as code, whatever its text', () => {
    expect(preReadsAsProse(MAIL, 'language-text', false)).toBe(false);
    expect(preReadsAsProse(MAIL, 'hljs', false)).toBe(false);
    expect(preReadsAsProse(MAIL, '', true)).toBe(false);
    // Marked as code by its markup: its text is never built.
    const untouched = () => {
      throw new Error('text read');
    };
    expect(preReadsAsProse(untouched, 'hljs', false)).toBe(false);
    expect(preReadsAsProse(untouched, '', true)).toBe(false);
    expect(preReadsAsProse(() => MAIL, '', false)).toBe(true);
  });
  it('does not read a short snippet', () => {
    expect(preReadsAsProse('Lazarus Group returns.', '', false)).toBe(false);
  });
});

describe('unwrapLines', () => {
  it('joins lines wrapped by hand, keeps blank lines, keeps the length', () => {
    const text = 'linked to Wizard\nSpider.\n\nNext paragraph\nhere.';
    expect(unwrapLines(text)).toBe('linked to Wizard Spider.\n\nNext paragraph here.');
    expect(unwrapLines(text)).toHaveLength(text.length);
  });
  it('keeps the rows of a table and the items of a list on their own lines', () => {
    const table = 'Leak posts\n| Group | Posts |\n|---|---|\n| Harbor | 4 |\nThat was\nthe week.';
    expect(unwrapLines(table)).toBe('Leak posts\n| Group | Posts |\n|---|---|\n| Harbor | 4 |\nThat was the week.');
    const list = 'Seen this week:\n- Harbor\n* Lantern\n2. Meadow\nand a\nwrapped line';
    expect(unwrapLines(list)).toBe('Seen this week:\n- Harbor\n* Lantern\n2. Meadow and a wrapped line');
  });
  it('keeps the lines of a chat or log that open with a time of day apart, and joins prose with a time inside a line', () => {
    const chat = '21:08 <kraken> not yet. there is a new service\n21:10 <kraken> decoded, it is a stager\n[21:11:02] <hydra_> isolate it';
    expect(unwrapLines(chat)).toBe(chat);
    const wrapped = 'The encryption started at 02:15\non Friday and ran until the\nnight shift noticed.';
    expect(unwrapLines(wrapped)).toBe('The encryption started at 02:15 on Friday and ran until the night shift noticed.');
  });
  it('keeps the rows of comma-separated values on their own lines, and joins prose that has commas', () => {
    const csv = 'sha256,malware_family,first_seen\n4f1a9c,Harbor,2023-01-04\n9b2c7d,Lantern,2023-01-05\nSent to\nthe team.';
    expect(unwrapLines(csv)).toBe('sha256,malware_family,first_seen\n4f1a9c,Harbor,2023-01-04\n9b2c7d,Lantern,2023-01-05 Sent to the team.');
    const prose = 'Harbor, the crew said,\ndemanded 1,000,000\ndollars from 1,200 firms.';
    expect(unwrapLines(prose)).toBe('Harbor, the crew said, demanded 1,000,000 dollars from 1,200 firms.');
  });
  it('gives any part of a text the same joins as the whole, wherever the part is cut', () => {
    // Breaks decided by the line before them (a table row's "|", a CSV row) and after (a list marker, a CSV row),
    // with cuts at the break, just before and just after it.
    const text = [
      'The crew known as Wizard',
      'Spider was named in the',
      'report.',
      '',
      'sha256,malware_family',
      '4f1a9c,Harbor',
      'Seen this week:',
      '- Harbor',
      '12) Lantern',
      '| Group | Posts |',
      'after the table',
      '21:08 <kraken> not yet',
      '[21:10] decoded',
      'Harbor, the crew said,',
      'demanded 1,000,000',
      'dollars.',
    ].join('\n');
    const whole = unwrapLines(text);
    expect(whole).toContain('Wizard Spider');
    for (let from = 0; from <= text.length; from++) {
      for (let to = from; to <= text.length; to++) expect(unwrapLinesIn(text, from, to)).toBe(whole.slice(from, to));
    }
  });
});
