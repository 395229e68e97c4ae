/**
 * Session 18, helper A: a threat's name that is also a word for an event's programme ("Agenda", the old name of the
 * Qilin ransomware) used as that word on a conference's page: "Day 1 Agenda", "Conference Agenda", "Agenda for
 * Monday", a heading "Agenda" over lines of times. The conference is about security, so its words would confirm the
 * heading as the ransomware. The words around say it is a programme: a day, a weekday, an event's noun, or times of
 * day on the next line. A threat's cue after it ("Agenda ransomware") keeps it the threat (the caller asks first).
 */

import { once } from './once';

/** Names that are also words for an event's programme. */
const PROGRAMME_WORDS = new Set(['agenda', 'schedule', 'programme', 'program', 'timetable', 'lineup', 'itinerary']);
/** Before the name: "Day 1", "Week 2", "Session 3", "Slide 2" (a talk's deck exported as text), a weekday, an event's noun, a programme's state ("Draft", "Full"). */
const EVENT_BEFORE = once(
  () =>
    /(?:^|[^\p{L}\p{N}])(?:(?:day|week|session|track|part|slide)[ \u00a0]+\d{1,3}|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today['\u2019]s|tomorrow['\u2019]s|conference|summit|meeting|workshop|event|webinar|seminar|training|course|board|committee|draft|tentative|preliminary|detailed|full|final|updated|revised)[ \u00a0]*[:,\u2013\u2014-]?[ \u00a0]*$/iu,
);
/** After the name: "for Day 1", "– Day 2", "(Monday)", "for the conference". */
const EVENT_AFTER = once(
  () =>
    /^(?:[ \u00a0]*[:\u2013\u2014-]?[ \u00a0]*\(?|[ \u00a0]+for[ \u00a0]+(?:the[ \u00a0]+)?)(?:(?:day|week|session|track)[ \u00a0]+\d{1,2}|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|conference|summit|meeting|workshop|event|webinar|seminar)(?![\p{L}\p{N}_-])/iu,
);
/** A time of day opening a line: "09:00", "9.30 am", "14h00", "10 am". */
const TIME_LINE = /^[ \t]*(?:[-*\u2022][ \t]+)?(?:[01]?\d|2[0-3])(?:[:.h][0-5]\d|[ \u00a0]?[ap]\.?m\b)/i;
/**
 * Three short list items in a row: the points of a talk's or a meeting's agenda ("Agenda" over "• Who is X?",
 * "• Initial access", "• Q&A"). A section on the ransomware opens with prose, not with a run of bullets.
 */
const LIST_LINES = /^(?:[ \t]*[-*\u2022\u25aa\u25e6][ \t]+[^\n]{1,80}\n){2}[ \t]*[-*\u2022\u25aa\u25e6][ \t]+/;

/** Is the name at [s, e) a programme's heading ("Day 1 Agenda", "Slide 2 Agenda", "Agenda" over lines of times or bullets)? */
export function programmeHeading(text: string, s: number, e: number): boolean {
  // the name itself is a programme's word: every other name stops here
  if (e - s > 10 || !PROGRAMME_WORDS.has(text.slice(s, e).toLowerCase())) return false;
  if (EVENT_BEFORE().test(text.slice(Math.max(0, s - 24), s)) || EVENT_AFTER().test(text.slice(e, e + 24))) return true;
  // alone on its line (a colon may follow), and the next line that is not blank opens with a time of day, or the
  // next lines are a run of bullets
  const lineStart = text.lastIndexOf('\n', s - 1) + 1;
  if (text.slice(lineStart, s).trim() !== '' || !/^[ \t]*:?[ \t\r]*\n/.test(text.slice(e, e + 8))) return false;
  const rest = text.slice(text.indexOf('\n', e) + 1, e + 200).replace(/^(?:[ \t\r]*\n)+/, '');
  return TIME_LINE.test(rest) || LIST_LINES.test(rest);
}

