/**
 * Session 18, helper A: a threat's word-like name as a product in someone's software stack ("We use Phoenix for our
 * API and Hive for the analytics warehouse", "we switched to Hive for the event pipeline"). An engineering blog or a
 * company's security page says what it runs next to the threats it guards against; frameworks, databases and
 * services are named after ordinary words that feeds also list as threats. The writer's own use of the thing for a
 * purpose of theirs says it: a first-person "we use", "we run", "we switched to" earlier in the sentence, and "for our
 * …", "for the …" right after the name. A threat is what others use ("the affiliates use Hive for the encryption").
 */

import { once } from './once';

/** The purpose after the name: "for our API", "for the analytics warehouse", "for all internal builds". */
const PURPOSE_AFTER = /^[ \u00a0]+for[ \u00a0]+(?:our|the|all|its|their|your|my|internal|production|every)[ \u00a0]/i;
/** The writer's choice, in the name's sentence before it: "we use", "I run", "our team moved to", "we've standardised on". */
const OWN_USE = once(() => /(?:^|[^\p{L}])(?:we|i|our[ \u00a0]+(?:team|teams|engineers|developers|company))(?:['\u2019]ve|[ \u00a0]+have|[ \u00a0]+now|[ \u00a0]+also|[ \u00a0]+still|[ \u00a0]+mostly|[ \u00a0]+mainly|[ \u00a0]+currently)*[ \u00a0]+(?:use|used|run|ran|chose|picked|adopted|deploy|deployed|host|switched[ \u00a0]+to|moved[ \u00a0]+to|migrated[ \u00a0]+to|rely[ \u00a0]+on|standardi[sz]ed[ \u00a0]+on|went[ \u00a0]+with|settled[ \u00a0]+on)(?![\p{L}])/iu);
/** How far back the sentence is read. */
const SENTENCE_CHARS = 160;

/** Is the name at [s, e) a product the writer uses for a purpose of theirs ("We use Phoenix for our API")? */
export function ownStackChoice(text: string, s: number, e: number): boolean {
  // " for " right after the name: most names stop here
  if (text.charCodeAt(e + 1) !== 102 || !PURPOSE_AFTER.test(text.slice(e, e + 24))) return false;
  const from = Math.max(0, s - SENTENCE_CHARS);
  const before = text.slice(from, s);
  // the sentence the name is in: after its last sentence end
  const end = Math.max(before.lastIndexOf('. '), before.lastIndexOf('! '), before.lastIndexOf('? '), before.lastIndexOf('\n'));
  return OWN_USE().test(end >= 0 ? before.slice(end + 1) : before);
}
