/**
 * Session 17, helper A: matcher misses and false positives left open by audit Z. Sentences written for these tests,
 * matched with a small fixture dictionary (entities written for the tests) or the bundled dataset.
 */
import { describe, expect, it } from 'vitest';
import { compileDictionary, createMatcher, type Match } from '../../../src/core/matcher/index';
import { ENTITIES, e } from './fixtures';

const m = createMatcher(
  compileDictionary(
    [
      ...ENTITIES,
      e('viper-kl', 'malware', 'Viper Keylogger', [{ name: 'Viper Keylogger', ambiguous: true }]),
      e('royalish', 'ransomware', 'Regal', [{ name: 'Regal', ambiguous: true }]),
      { ...e('quorvex', 'actor', 'Quorvex'), externalIds: { attack: ['G9101'] } },
      { ...e('brindle', 'malware', 'BrindleLoader'), externalIds: { attack: ['S9102', 'T9103'] } },
    ],
    { version: 'audit-a' },
  ),
);
const picks = (text: string) => m.match(text).map((x: Match) => `${x.text}=${x.entityId ?? 'possible'}`);
/** A sentence that gives a text security context, as a report's other sentences would. */
const SEC = ' Analysts saw phishing mail carrying a backdoor, and the ransomware used a C2 server.';

describe('a naming clause whose name opens with a common word', () => {
  it('names a possible actor of two Title Case words ("a cluster we track as Copper Wren")', () => {
    expect(picks(`Analysts found a cluster we track as Copper Wren sending phishing.${SEC}`)).toEqual(['Copper Wren=possible']);
    expect(picks(`We watched the threat actor Copper Wren for a year.${SEC}`)).toEqual(['Copper Wren=possible']);
  });
  it('not a common word alone, nor after a naming word in a Title Case headline', () => {
    expect(picks(`Analysts found a cluster we track as Copper sending phishing.${SEC}`)).toEqual([]);
    expect(picks(`New Threat Actor Spoofs Philippine Government\n${SEC}`)).toEqual([]);
  });
  it('the announced name stands where a shorter dictionary name inside it is refused', () => {
    // "Lead" would be the capitals-only LEAD read in Title Case; it is the first word of the announced name here
    expect(picks(`We watched the threat actor Lead Wren for a year.${SEC}`)).toEqual(['Lead Wren=possible']);
  });
});

describe('a software name that ends in its kind word carries its own cue', () => {
  it('at a sentence start and before a noun ("The Viper keylogger rule fired")', () => {
    expect(picks(`The Viper keylogger rule fired twice.${SEC}`)).toEqual(['Viper keylogger=viper-kl']);
    expect(picks(`Yesterday the Viper keylogger rule fired twice.${SEC}`)).toEqual(['Viper keylogger=viper-kl']);
  });
  it('but not where the kind word is missing (an ordinary compound stays an ordinary compound)', () => {
    expect(picks(`The Viper River trail reopened.${SEC}`)).toEqual([]);
  });
});

describe('a security vendor or agency before a name at a sentence start', () => {
  it('the name is inside the sentence ("The FBI Lazarus advisory describes…")', () => {
    expect(picks(`The FBI Lazarus advisory describes the loader.${SEC}`)).toEqual(['Lazarus=lazarus']);
    expect(picks(`Kaspersky Lazarus research shows new loaders.${SEC}`)).toEqual(['Lazarus=lazarus']);
  });
  it('not in a Title Case heading, where every word has a capital', () => {
    expect(picks(`FBI Lazarus Report Released\n${SEC}`)).toEqual([]);
  });
});

describe('YARA rule names', () => {
  it('the rule category is the cue of a flagged name inside it ("APT_NK_Lazarus_DreamJob_Loader")', () => {
    expect(picks('Rule APT_NK_Lazarus_DreamJob_Loader matched the sample.')).toEqual(['Lazarus=lazarus']);
    expect(picks('Rule MAL_Regal_Encryptor_2023 matched.')).toEqual(['Regal=royalish']);
  });
  it('not a category that says nothing of the kind, nor a rule name inside a path', () => {
    expect(picks('Rule SUSP_Lazarus_Strings fired.')).toEqual([]);
    expect(picks('Loaded rules/APT_NK_Lazarus_Loader.yar from disk.')).toEqual([]);
  });
});

describe('security words count in the section a name stands in', () => {
  // Patch notes: one section on account security gives the page its vocabulary; the others are about the game.
  const notes = (weapons: string) =>
    'Patch 7.1 Notes\n\nWeapons\n' +
    weapons +
    '\n\nAccount security\nWe have seen phishing mail sent to players. Malware posing as a cheat tool steals session tokens, a ' +
    'ransomware crew targeted our forums, and a backdoor hid in a fake mod loader. Report any phishing to support.\n\n' +
    'Bug fixes\nFixed a crash when the map opened on the ridge. Lazarus attacks no longer clip through the castle walls, and ' +
    'the lighthouse keeper stops walking into the sea after a restart.';
  it('an ordinary-word name under another heading is not confirmed by the security section', () => {
    const weapons =
      'The crossbow reloads faster, and the smith now sells two new shields at the market in the old port. The hammer ' +
      'swings slower against armoured foes, and the arena boss Lazarus gains a second phase after half of its health.';
    expect(picks(notes(weapons))).toEqual([]);
  });
  it('a coined name is: it names nothing else, and reports put threats under headings without security words', () => {
    const report =
      'Summary\nThe intrusion began with a phishing mail; the malware then fetched a backdoor from a C2 server.\n\n' +
      'The ties that did not hold\nOne researcher linked Quorvex to a bank heist, but the evidence was later read again ' +
      'and the connection is now doubted by everyone who looked.';
    expect(picks(report)).toEqual(['Quorvex=quorvex']);
  });
  it('a name in the security section itself still is', () => {
    const t = notes('The crossbow reloads faster.').replace('a ransomware crew targeted', 'the Quorvex crew and Lazarus targeted');
    // (the later "Lazarus attacks" under "Bug fixes" then reads as the entity the page named: one sense per text)
    expect(picks(t)).toEqual(['Quorvex=quorvex', 'Lazarus=lazarus', 'Lazarus=lazarus']);
  });
  it('a report whose sections each have security words keeps its names', () => {
    const report =
      'Summary\nThe intrusion began with a phishing mail that carried a loader; the loader fetched a backdoor from a C2 server ' +
      'and the operators later ran ransomware on the file servers.\n\nAttribution\nWe attribute the backdoor to Quorvex: ' +
      'its malware reuses code and servers that earlier reports tied to the same actor, whose phishing lures looked alike.';
    expect(picks(report)).toEqual(['Quorvex=quorvex']);
  });
  it('a section too short to tell is read with the text around it', () => {
    expect(picks(`The malware dropped a backdoor; the crew used phishing.\n\nHow Quorvex Got In\nIt mailed an invoice.`)).toEqual(['Quorvex=quorvex']);
  });
});

describe('a long paragraph without security words, on a page with one paragraph that has them', () => {
  const story = (first: string) =>
    first +
    '\n\nAt the office Tomas was bent over his laptop. "Someone sent the accountants a phishing mail," he said. "The ' +
    'attachment dropped malware, a ransomware loader, and the backdoor tried to reach a C2 server." She nodded.';
  it('does not read an ordinary-word name in it as the threat', () => {
    const first =
      'The rain had not stopped since the ferry docked in the harbour. Mara pulled her coat tight and walked past the ' +
      'old theatre, where a poster still advertised a play about pirates. Her brother waited at the corner by the ' +
      'statue of Lazarus, the saint the town is named after, and he smiled as if nothing at all had changed since spring.';
    expect(picks(story(first))).toEqual([]);
  });
  it('does where a distinctive threat name comes first in it, or where the paragraph is short', () => {
    const first =
      'The rain had not stopped since the ferry docked in the harbour. Mara pulled her coat tight and walked past the ' +
      'old theatre, reading that TrickBot had been rebuilt. Her brother waited at the corner, sure that Lazarus had ' +
      'bought the code, and he smiled as if nothing at all had changed since spring, long before the town woke up.';
    expect(picks(story(first))).toEqual(['TrickBot=trickbot', 'Lazarus=lazarus']);
    expect(picks(story('Her brother was sure that Lazarus had bought the code.'))).toEqual(['Lazarus=lazarus']);
  });
});

describe('ordinary uses of threat names', () => {
  it('a place named with the name ("Quorvex Valley", "Lazarus Street")', () => {
    expect(picks(`Hikers crossed Quorvex Valley at dawn, and the shop on Lazarus Street stayed shut.${SEC}`)).toEqual([]);
    expect(picks(`Quorvex hit a valley town's utility with phishing.${SEC}`)).toEqual(['Quorvex=quorvex']);
  });
  it('a family of people, not the software family', () => {
    expect(picks(`Members of the Regal family attended the ceremony.${SEC}`)).toEqual([]);
    expect(picks(`The Quorvex family next door lit a fire.${SEC}`)).toEqual([]);
    expect(picks(`Researchers tracked the Emotet family across campaigns.${SEC}`)).toEqual(['Emotet=emotet']);
    expect(picks(`New members of the Emotet family appeared in March.${SEC}`)).toEqual(['Emotet=emotet']);
  });
  it("one's own team, and a team after a ransomware name, are no crew", () => {
    expect(picks(`We hired the new Regal team last week.${SEC}`)).toEqual([]);
    expect(picks(`Our Cobalt team won the hackathon.${SEC}`)).toEqual([]);
    expect(picks(`The Regal team won the regional final.${SEC}`)).toEqual([]);
    expect(picks(`Banks were hit by the Cobalt team again.${SEC}`)).toEqual(['Cobalt=cobalt-group']);
  });
  it('an ordinary-word name before an ordinary compound stays unmarked ("a Cobalt accent colour")', () => {
    expect(picks(`The theme adds a Cobalt accent colour.${SEC}`)).toEqual([]);
  });
});

describe('ATT&CK ids of groups and software', () => {
  it('are spotted as the entity that carries them, next to its name or instead of it', () => {
    expect(picks('The actor G9101 ran S9102 on the hosts.')).toEqual(['G9101=quorvex', 'S9102=brindle']);
    expect(picks('Quorvex (G9101) ran BrindleLoader.')).toEqual(['Quorvex=quorvex', 'G9101=quorvex', 'BrindleLoader=brindle']);
  });
  it('not a technique id, an unknown id, or an id in lower case', () => {
    expect(picks('The actor used T9103 and T1566, and the threat actor G9999 ran s9102.')).toEqual([]);
  });
});
