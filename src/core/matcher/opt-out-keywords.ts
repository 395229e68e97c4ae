/**
 * Session 24, helper B3 (probe set 3, an e-mail newsletter's footer): a word in capitals that a reader is told to send
 * back to unsubscribe or opt out ("reply with STOP", "text STOP to 60123", "Reply STOP to unsubscribe"), as e-mail
 * letters and text messages end. Feeds list a ransomware family called STOP; on a security newsletter its words would
 * confirm the keyword as that family. The verb of replying before it, or "to unsubscribe" after it, says it is the
 * keyword. A threat's cue next to it ("STOP ransomware") keeps it the threat (the caller asks first).
 */
import { once } from './once';

/** "reply with", "text", "send", "type", "respond with" before the word, an opening quote allowed. */
const REPLY_BEFORE = once(() => /(?:^|[^\p{L}\p{N}_-])(?:reply(?:ing)?|respond(?:ing)?|text(?:ing)?|txt|sms|send(?:ing)?|type)(?:[ \u00a0]+(?:back[ \u00a0]+)?with|[ \u00a0]+back)?[ \u00a0]+["'\u201c\u2018]?$/iu);
/** "to unsubscribe", "to opt out", "to cancel", "to be removed" after the word, a closing quote allowed. */
const OPT_OUT_AFTER = once(() => /^["'\u201d\u2019]?[ \u00a0]+to[ \u00a0]+(?:unsubscribe|opt[ \u00a0-]?out|cancel|end|quit|stop|be[ \u00a0]+removed)(?![\p{L}\p{N}_-])/iu);

/** Is the name at [s, e), one word in capitals, a keyword the reader is told to send back? */
export function optOutKeyword(text: string, s: number, e: number): boolean {
  if (e - s < 2 || e - s > 12) return false;
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    if (c < 65 || c > 90) return false;
  }
  return REPLY_BEFORE().test(text.slice(Math.max(0, s - 24), s)) || OPT_OUT_AFTER().test(text.slice(e, e + 24));
}
