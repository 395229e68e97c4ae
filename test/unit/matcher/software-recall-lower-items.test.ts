/**
 * Session 24, helper S: a lower-case writer's notes as list items (lower-case-writing.ts lowerCaseSentence). A coined
 * name in an item is read when the item itself goes on in lower case after a full stop, as a ticket's notes do; a
 * changelog's one-line items in lower case ("- name: fix …") are titles, and stay unmarked. And a software name of
 * ordinary words in such a line before its own noun ("cobalt strike beacon"). Texts written for the test.
 */
import { describe, expect, it } from 'vitest';
import { compileDictionary, createMatcher } from '../../../src/core/matcher/index';
import { e } from './fixtures';

const matcher = createMatcher(
  compileDictionary([e('tarnquill', 'malware', 'TarnQuill'), e('velmora', 'malware', 'Velmora'), e('sharpmole', 'tool', 'SharpMole'), e('copper-lantern', 'tool', 'Copper Lantern')], { version: 'lower-items' }),
);
const found = (t: string) => matcher.match(t).map((m) => m.text);

const TICKET = [
  'case 7731: ransomware precursor on two hosts, edr flagged credential dumping on the file server.',
  'triage done by night shift. lateral movement seen, no encryption yet.',
  'containment: both hosts isolated, service account disabled.',
  '',
  'notes',
];

describe('a ticket\'s notes written as items', () => {
  it('a coined name inside an item that goes on in lower case', () => {
    const t = [...TICKET, '- r.ortiz: the loader looks like tarnquill or velmora from the strings. no network traffic yet.', '- k.lee: no alert fired for the sharpmole archive. raising with detection eng.'].join('\n');
    expect(found(t)).toEqual(['tarnquill', 'velmora', 'sharpmole']);
  });
});

describe('items that are titles', () => {
  it('a changelog of lower-case entries on a page about security fixes', () => {
    const t = [
      'mytool (5.2.1-1) stable; urgency=high',
      '  * New upstream release with fixes for vulnerabilities exploited in the wild, credential leaks and malware loaders:',
      '    - tarnquill: fix the buffer check in the parser',
      '      (reported by the fuzzing team, CVE-2031-1234)',
      '    - velmora: handle a malformed header without crashing',
      '      after a malformed ransomware sample was fed to it',
      '    - sharpmole: drop the unused export',
    ].join('\n');
    expect(found(t)).toEqual([]);
  });
});

describe('a software name of ordinary words in a lower-case writer\'s line', () => {
  it('before a noun for its own instances', () => {
    expect(found([...TICKET, '10:02 hash on vt, most engines say copper lantern beacon. config pulled by r.ortiz.'].join('\n'))).toEqual(['copper lantern']);
  });
  it('the same words as a thing, or in capitalised prose', () => {
    expect(found([...TICKET, '10:02 someone left a copper lantern on the desk. no idea whose.'].join('\n'))).toEqual([]);
    expect(found('The ransomware crew dumped credentials before exfiltration. We found a copper lantern beacon in the garden shed, a gift from the office.')).toEqual([]);
  });
});
