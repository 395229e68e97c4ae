/**
 * Audit Z: kinds of text nobody had tried — a government joint advisory, detection content (YARA and Sigma rule names,
 * Suricata signatures, EDR alert names), an academic paper, a podcast transcript, a social-media thread, news in
 * German, French and Spanish, a Japanese report, an incident-response timeline, and company pages full of ordinary
 * words that are also threat names. Sentences written for the audit, matched with a small fixture dictionary or the
 * bundled dataset.
 */
import { describe, expect, it } from 'vitest';
import { compileDictionary, createMatcher, type Match } from '../../../src/core/matcher/index';
import type { Entity } from '../../../src/core/model/entity';
import { e } from './fixtures';

const described = (entity: Entity, description: string, provenance?: string[]): Entity => ({ ...entity, description, ...(provenance ? { provenance } : {}) });
const picks = (m: ReturnType<typeof createMatcher>, text: string) => m.match(text).map((x: Match) => `${x.text}=${x.entityId}`);

describe('a joint advisory that sets its ransomware apart from a namesake', () => {
  // a curated ransomware with its "X Ransomware" name, and a feed's unrelated Android banking trojan of the same name
  const m = createMatcher(
    compileDictionary(
      [
        described(e('gorgo', 'ransomware', 'Gorgonite', ['Gorgonite Ransomware']), 'A ransomware-as-a-service operation with a leak blog.', ['bundled']),
        described(e('gorgo-android', 'malware', 'Gorgonite (Android)'), 'Per a vendor, an Android banking trojan that overlays the apps of banks.'),
      ],
      { version: 'audit-z-1' },
    ),
  );
  const ADVISORY =
    'Joint advisory: this report lists Gorgonite ransomware indicators and TTPs seen in phishing and exploitation. ' +
    'It is not related to the Gorgonite Android banking trojan. Gorgonite affiliates buy access from brokers, and ' +
    'Gorgonite actors then run the encryptor.';
  it('its later bare mentions stay the ransomware, not the namesake it was set apart from', () => {
    expect(picks(m, ADVISORY)).toEqual(['Gorgonite ransomware=gorgo', 'Gorgonite=gorgo-android', 'Gorgonite=gorgo', 'Gorgonite=gorgo']);
  });
  it('a text whose words chose only the namesake still reads its later mentions as it (audit U)', () => {
    expect(picks(m, 'Threat report on malware and phishing: the Gorgonite Android banking trojan is back, and Gorgonite now reads one-time codes.')).toEqual([
      'Gorgonite=gorgo-android',
      'Gorgonite=gorgo-android',
    ]);
  });
});
