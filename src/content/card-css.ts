/*
 * The hover card's style sheet, in its shadow root (card.ts).
 *
 * Sizes in em from the browser's default font size (`medium` on the host, which `all: initial` cuts off from the
 * page's own sizes): a reader who set a larger font in the browser gets a larger card, whatever the page's root
 * font size. 13 px text and a 330 px card at the default 16 px. Not printed: a card left open (one opened from the
 * keyboard stays until Esc) would come out over the article in a printout or a PDF, as the highlights would. Not
 * selectable: the reader selecting all and copying while a card is open (the pointer resting on a name) got the
 * card's text ("THREAT ACTOR … Open in ActorLens … Esc closes") pasted after the article's.
 */
export const CARD_CSS = `
:host { all: initial; font-size: medium; position: fixed; top: 0; left: 0; z-index: 2147483647; display: block; width: 0; height: 0; }
@media print { :host { display: none !important; } }
.card { position: fixed; box-sizing: border-box; width: 25.4em; max-width: calc(100vw - 16px); overflow-y: auto; overscroll-behavior: contain;
  font: 0.8125em/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d232b; background: #ffffff;
  border: 1px solid #d5dae1; border-left: 4px solid var(--kind); border-radius: 8px;
  box-shadow: 0 6px 24px rgba(15, 23, 42, 0.18); padding: 10px 12px; pointer-events: auto; text-align: left;
  -webkit-user-select: none; user-select: none; }
.card.dark { color: #e8ecf1; background: #1f252d; border-color: #3a4350; border-left-color: var(--kind); box-shadow: 0 6px 24px rgba(0, 0, 0, 0.5); }
.head { display: flex; align-items: baseline; gap: 8px; flex-wrap: wrap; }
.name { font-weight: 650; font-size: 1.077em; }
.kind { font-size: 0.846em; text-transform: uppercase; letter-spacing: .06em; color: var(--kind-text); font-weight: 600; }
.why { margin-top: 4px; color: #4a5360; }
.dark .why, .dark .muted { color: #aab3bf; }
.muted { color: #5f6875; }
ul { list-style: none; margin: 8px 0 0; padding: 0; display: grid; gap: 3px; }
li { display: flex; gap: 6px; align-items: baseline; flex-wrap: wrap; }
.conf { font-size: 0.846em; padding: 0 6px; border-radius: 9px; background: #eef1f5; color: #333b46; white-space: nowrap; }
.dark .conf { background: #2e3641; color: #d6dce4; }
.conf.refuted, .conf.disputed { background: #fbe9e7; color: #8a2a1a; }
.dark .conf.refuted, .dark .conf.disputed { background: #4a2620; color: #f3c1b7; }
.foot { margin-top: 8px; display: flex; align-items: center; justify-content: space-between; gap: 10px; }
button { white-space: nowrap; font: 600 0.923em system-ui, sans-serif; color: #fff; background: #2c5aa0; border: 0; border-radius: 6px; padding: 5px 10px; cursor: pointer; }
button:focus-visible { outline: 2px solid #f0b429; outline-offset: 2px; }
.here { font-size: 0.846em; padding: 0 5px; border: 1px solid #2c5aa0; border-radius: 4px; color: #1d232b; font-weight: 600; white-space: nowrap; }
.dark .here { border-color: #8cb4f0; color: #e8ecf1; }
.hint { font-size: 0.846em; color: #636b77; }
.dark .hint { color: #98a1ad; }
.claim { margin-top: 4px; font-weight: 600; }
.claim .conf { font-weight: 400; margin-left: 4px; }
.card.compact { padding: 6px 8px; display: flex; flex-direction: column; }
.compact > * { flex-shrink: 0; }
.compact .hint { display: none; }
.compact ul, .compact .foot { margin-top: 4px; }
/* The button before the links: in a small frame the way to the entity stays in view and the links scroll. */
.compact .links { order: 1; }
`;
