/**
 * Probe set 3 (session 24): two ordinary uses of threat names on security pages. A talk's slide deck exported as text
 * has a slide titled "Agenda" (Agenda is the old name of the Qilin ransomware); a security newsletter ends by telling
 * the reader to reply with STOP (feeds list a ransomware family called STOP). Texts written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../src/core/data/index';
import { compileDictionary, createMatcher, loadEnglishWords, type Match } from '../../../src/core/matcher/index';
import { e } from './fixtures';

await loadEnglishWords();
const m = createMatcher(compileDictionary([...bundledDataset().entities, e('stop-ransomware', 'ransomware', 'STOP')], { version: 'probe-3-slides' }));
const spotted = (text: string) => m.match(text).map((x: Match) => x.text);

/** A paragraph that gives the page its security context. */
const SECURITY = 'The intruders used phishing to install a backdoor, then deployed ransomware and stole credentials from the domain controller.\n\n';

describe('"Agenda" as the title of a slide or over a list of points', () => {
  it('a numbered slide titled Agenda is the talk\'s outline', () => {
    expect(spotted(SECURITY + 'Slide 1 Hunting Volt Typhoon on the edge\nSlide 2 Agenda\n• Background\n• Edge devices\n• Questions')).toEqual(['Volt Typhoon']);
    expect(spotted(SECURITY + 'Slide 12: Agenda for the afternoon')).toEqual([]);
  });
  it('a heading Agenda over a run of short bullets is a meeting\'s outline', () => {
    expect(spotted(SECURITY + 'Agenda\n- Review of last week\'s phishing wave\n- Lessons from the outage\n- Any other business\n')).toEqual([]);
  });
  it('the ransomware named in prose, or a heading over prose about it, is still spotted', () => {
    expect(spotted(SECURITY + 'On slide 7 we show how Agenda encrypts ESXi hosts.')).toEqual(['Agenda']);
    expect(spotted(SECURITY + 'Agenda\nThe Agenda ransomware operators demanded two million dollars from the clinic.')).toEqual(['Agenda', 'Agenda']);
  });
});

describe('a keyword the reader is told to send back', () => {
  it('"reply with STOP", "text STOP to …", "STOP to unsubscribe" are no ransomware', () => {
    expect(spotted(SECURITY + 'You get this letter because you signed up at our booth. To leave the list, reply with STOP.')).toEqual([]);
    expect(spotted(SECURITY + 'Alerts by text message: send STOP to 80088 at any time.')).toEqual([]);
    expect(spotted(SECURITY + 'Reply "STOP" to unsubscribe from these alerts.')).toEqual([]);
  });
  it('the ransomware family named as such is still spotted', () => {
    expect(spotted(SECURITY + 'Home users are still the main victims of STOP ransomware, which renames every file it encrypts.')).toEqual(['STOP']);
  });
});
