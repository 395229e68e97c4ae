/**
 * A one-sentence post with no word of attack (short-text-signals.ts): who reports the attack, the software's own
 * nouns, its crew, two coined names of the curated data together. Each signal alone is an ordinary word.
 */
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../src/core/data/index';
import { compileDictionary, createMatcher } from '../../../src/core/matcher/index';
import { e } from './fixtures';

const data = bundledDataset();
/** As a feed lists them: imported ids, first names and a goddess as malware. */
const FEED_LIKE = [e('misp:t-athena', 'malware', 'Athena'), e('misp:t-denis', 'malware', 'Denis'), e('misp:t-bella', 'malware', 'Bella'), e('misp:t-houdini', 'malware', 'Houdini')];
/** A feed merges its aliases into bundled entities, first names and myths among them (as in the public feeds). */
const MERGED: Record<string, string[]> = { njrat: ['Jorik'], plugx: ['Kaba'], 'quasar-rat': ['Yggdrasil'] };
const entities = data.entities.map((x) => (MERGED[x.id] ? { ...x, aliases: [...x.aliases, ...(MERGED[x.id] as string[]).map((name) => ({ name }))] } : x));
const m = createMatcher(compileDictionary([...entities, ...FEED_LIKE], { version: 'short-text-signals', links: data.links }));
const spotted = (text: string) => m.match(text).map((x) => x.text);

describe('a security agency or vendor reporting the attack', () => {
  it('vouches for a flagged name that does the attack, or suffers its passive', () => {
    expect(spotted('Sandworm hit the grid again, says CERT-UA.')).toEqual(['Sandworm']);
    expect(spotted('Power plants hit by Sandworm again, ESET reports.')).toEqual(['Sandworm']);
    expect(spotted('Secureworks says Kimsuky hit a defence contractor in June.')).toEqual(['Kimsuky']);
  });
  it('or blamed for an attack by an attribution, not by a coach', () => {
    expect(spotted('Mandiant ties Turla to attacks on embassies in Europe.')).toEqual(['Turla']);
    expect(spotted('Kaspersky ties Turla to the new chess club in town.')).toEqual([]);
    expect(spotted('The coach blamed Kimsuky for the attacks that failed, ESET staff laughed.')).toEqual([]);
  });
  it('needs both halves: the agency, and the attack done by the name', () => {
    expect(spotted('Sandworm hit the grid again, says my uncle.')).toEqual([]);
    expect(spotted('Lazarus joined CISA in 2021 as a policy adviser.')).toEqual([]);
    expect(spotted('Tripoli hosted the CISA delegation, and the storm hit the coast.')).toEqual([]);
  });
  it('not a platform owner, the police, nor the FBI for an attack of any kind: they speak of every crime and every person', () => {
    expect(spotted('Sandworm hit the grid again, says Microsoft.')).toEqual([]);
    expect(spotted('Lazarus struck a rival in the bar, the police say.')).toEqual([]);
    expect(spotted('Lazarus struck a rival in the bar, the FBI says.')).toEqual([]);
  });
  it('an agency of law enforcement, for an attack of the trade only', () => {
    expect(spotted('FBI warns of Sandworm attacks on water utilities.')).toEqual(['Sandworm']);
    expect(spotted('Europol says Lazarus hacked three crypto exchanges last year.')).toEqual(['Lazarus']);
    // an ordinary verb of attack whose object is a target of the trade (session 23)
    expect(spotted('Lazarus struck another crypto exchange, the FBI says.')).toEqual(['Lazarus']);
    expect(spotted('Water utilities hacked by Sandworm, FBI warns.')).toEqual(['Sandworm']);
    expect(spotted('The NSA ties Sandworm to the hack of a power company.')).toEqual(['Sandworm']);
    expect(spotted('Lazarus stole crypto with fake job offers and malware, the FBI says.')).toEqual(['Lazarus']);
    // a person's attack, a crime of any kind
    expect(spotted('Lazarus attacks the guard in the final scene, the FBI says.')).toEqual([]);
    expect(spotted('The FBI ties Lazarus to the robbery of a jewellery store.')).toEqual([]);
    expect(spotted('FBI warns of Sandworm sightings on the film set.')).toEqual([]);
    // breaching, compromising: of an agreement, of an investigation
    expect(spotted('Silence breached the agreement, the Justice Department says.')).toEqual([]);
    expect(spotted('The FBI says Lazarus compromised the integrity of the investigation.')).toEqual([]);
  });
  it('the agency or vendor must be who reports, not a sponsor or a team beside the story', () => {
    expect(spotted('Kevin hits the road again with the Kaspersky rally team.')).toEqual([]);
    expect(spotted('Lazarus Strikes Gold For Mandiant In Charity Quiz')).toEqual([]);
    expect(spotted("Kimsuky targeted nuclear researchers, ESET's analysts found.")).toEqual(['Kimsuky']);
  });
  it('in a headline written in Title Case too', () => {
    expect(spotted('Sandworm Hits Ukrainian Grid Again, CERT-UA Says')).toEqual(['Sandworm']);
    expect(spotted('Mandiant Ties Turla To Attacks On Embassies')).toEqual(['Turla']);
    expect(spotted('Rex Tillerson Hits Back, Says CISA Chief')).toEqual([]);
  });
  it('not a person of the agency or vendor', () => {
    expect(spotted('Lazarus of Mandiant hit back at the critics.')).toEqual([]);
    expect(spotted('Denis, who works at ESET, hit the jackpot.')).toEqual([]);
  });
});

describe("a software's own nouns", () => {
  it('after a curated name, English words or coined', () => {
    expect(spotted('We saw Cobalt Strike beacons calling home from three hosts.')).toEqual(['Cobalt Strike']);
    expect(spotted('Emotet payloads now arrive as OneNote files.')).toEqual(['Emotet']);
  });
  it('in a Title Case headline too', () => {
    expect(spotted('Cobalt Strike Beacons Found On University Network')).toEqual(['Cobalt Strike']);
    expect(spotted('Dridex Operators Switch To New Loader')).toEqual(['Dridex']);
  });
  it('not after a name only a feed lists (a goddess, a rocket), nor nouns that follow perfumes and films', () => {
    expect(spotted('Athena payloads include two weather satellites.')).toEqual([]);
    expect(spotted('Cobalt Strike samples were on the desk.')).toEqual([]);
    expect(spotted('Emotet variants take over the multiverse.')).toEqual([]);
  });
});

describe('a kind of malware and a noun for its instances after a software name', () => {
  it('vouch for a coined name, flagged too', () => {
    expect(spotted('A new Lumma loader variant spreads via fake CAPTCHA pages.')).toEqual(['Lumma']);
    expect(spotted('Zloader stealer payloads hide in MSI files.')).toEqual(['Zloader']);
  });
  it('not one noun alone, nor after an English word', () => {
    expect(spotted('A new Lumma variant spreads via fake CAPTCHA pages.')).toEqual([]);
    expect(spotted('Royal loader variants were shown at the farm fair.')).toEqual([]);
  });
});

describe('a return', () => {
  it("vouches for a curated coined malware name as the data writes it, in a headline's Title Case too", () => {
    expect(spotted('Emotet returns after five-month break')).toEqual(['Emotet']);
    expect(spotted('Emotet Returns After Five-Month Break')).toEqual(['Emotet']);
    expect(spotted('Hancitor resurfaces in small invoice campaigns.')).toEqual(['Hancitor']);
  });
  it('not a name without a return, a tool, glued words in Title Case (a band, a film), nor a feed\'s name', () => {
    expect(spotted('Emotet is a name I made up for my new board game.')).toEqual([]);
    expect(spotted('Psexec returns exit code 5 when access is denied.')).toEqual([]);
    expect(spotted('Darkside returns with a new album in March.')).toEqual([]);
    expect(spotted('Houdini returns to the stage after a five-month break.')).toEqual([]);
  });
  it('leaves the name a partner of another coined name', () => {
    expect(spotted('Emotet returns, now pushing Pikabot.')).toEqual(['Emotet', 'Pikabot']);
  });
  it('not a name the words next to it make a pet or a speaker', () => {
    expect(spotted('Emotet, my cat, returns home every evening.')).toEqual([]);
    expect(spotted('Emotet said it returns tomorrow.')).toEqual([]);
  });
});

describe('a crew after a software name', () => {
  it('with a noun of the trade in the sentence', () => {
    expect(spotted('Dridex operators switched to a new loader this week.')).toEqual(['Dridex']);
    expect(spotted('Hancitor operators moved to a new dropper in March.')).toEqual(['Hancitor']);
  });
  it('not alone: the operators of a 3D program, of a port', () => {
    expect(spotted('Dridex operators switched to a new office this week.')).toEqual([]);
    expect(spotted('Houdini operators let artists build smoke in a few clicks.')).toEqual([]);
  });
});

describe('two coined names of the curated data', () => {
  it('vouch for each other in one sentence, both software', () => {
    expect(spotted('Qakbot is back, now pushing Pikabot.')).toEqual(['Qakbot', 'Pikabot']);
    expect(spotted('Mimikatz and Impacket were found on the domain controller.')).toEqual(['Mimikatz', 'Impacket']);
  });
  it('in a Title Case headline too', () => {
    expect(spotted('Qakbot Returns, Now Pushing Pikabot')).toEqual(['Qakbot', 'Pikabot']);
  });
  it('not one alone, nor across sentences', () => {
    expect(spotted('Qakbot is back, now with a new look.')).toEqual([]);
    expect(spotted('Qakbot is back. So is Pikabot.')).toEqual([]);
  });
  it('not names only a feed lists (first names), nor an actor (a river, a spider, a Giant of myth)', () => {
    expect(spotted('Denis and Bella are back from their honeymoon.')).toEqual([]);
    expect(spotted('Turla and Karakurt are names you will meet on a walk along the river.')).toEqual([]);
    expect(spotted('Uroburos and Agrius appear in the same old myth.')).toEqual([]);
  });
  it('one of the two may be a short form of a curated name (Bazar of BazarLoader)', () => {
    expect(spotted('Trickbot now drops Bazar on infected hosts.')).toEqual(['Trickbot', 'Bazar']);
    expect(spotted('Bazar is back, dropped by Trickbot on the same hosts.')).toEqual(['Bazar', 'Trickbot']);
    expect(spotted('The Grand Bazar reopens after a five-month break.')).toEqual([]);
  });
  it('not an alias a feed merged into a curated entity (a first name, a myth), nor two aliases', () => {
    expect(spotted('Trickbot now drops Jorik on infected hosts.')).toEqual([]);
    expect(spotted('Yggdrasil and Kaba are back in the new saga.')).toEqual([]);
    expect(spotted('Qbot is back, now pushing Bokbot.')).toEqual([]);
  });
  it('not a name the words next to it make a person', () => {
    expect(spotted('Qakbot said Pikabot was fine.')).toEqual([]);
  });
});
