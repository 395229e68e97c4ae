/**
 * The encoding of bytes that declare none and are not UTF-8, guessed from the bytes as browsers do (Chromium with
 * compact_enc_det, Firefox with chardetng): a Japanese report saved as Shift_JIS, a Russian one in KOI8-R or
 * windows-1251, read as windows-1252, came out as mojibake in which no name could be spotted. The guess is chardet's
 * (statistical detectors for the legacy multi-byte and single-byte encodings), taken only when it is one TextDecoder
 * can decode and chardet is reasonably sure and well ahead of its next guess; otherwise windows-1252 stays the answer, as for an undeclared Western page.
 */
import { analyse } from 'chardet';

/**
 * chardet's confidence (0–100) below which its guess is not taken, and how far ahead of the next guess it must be. A
 * single-byte guess is diluted by the markup around the text (a KOI8-R page: 39, the text alone 57), where a short
 * Latin-1 text ties several Latin encodings (27 and 27): a clear lead is what tells them apart.
 */
export const MIN_CONFIDENCE = 25;
export const MIN_LEAD = 2;
/**
 * A guess this sure is taken whatever comes next: the multi-byte detectors score their neighbours high too (an EUC-JP
 * page: EUC-JP 100, Big5 74), their lead is in the sequences only the right one accepts.
 */
export const SURE = 90;
/** What is looked at: enough for the statistics, and a 100 MB file is not read twice through. */
const SAMPLE_BYTES = 64 * 1024;

/** The WHATWG name of the encoding guessed (as TextDecoder resolves it), or undefined when there is no good guess. */
export function guessEncoding(bytes: Uint8Array): string | undefined {
  const [best, next] = analyse(bytes.subarray(0, SAMPLE_BYTES));
  if (!best || best.confidence < MIN_CONFIDENCE) return undefined;
  if (best.confidence < SURE && next && best.confidence < MIN_LEAD * next.confidence) return undefined;
  try {
    const encoding = new TextDecoder(best.name).encoding;
    // UTF-8 was tried first and failed; UTF-16 or UTF-32 without a byte-order mark is not what an undeclared page is.
    return encoding.startsWith('utf-') ? undefined : encoding;
  } catch {
    return undefined;
  }
}
