/**
 * A report naming a crew with the crew noun before the name: a naming verb whose object is the crew ("we dubbed the
 * eCrime gang “K.V.R.”") or a crime qualifier before the noun ("the ransomware group Tarnwick"). The name is a possible
 * actor and is spotted at its other mentions. Texts written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { compileDictionary, createMatcher } from '../../../src/core/matcher/index';
import { e } from './fixtures';

const matcher = createMatcher(compileDictionary([e('trickbot', 'malware', 'TrickBot'), e('lockbit', 'ransomware', 'LockBit'), e('storm-0558', 'actor', 'Storm-0558')], { version: 'naming-statements' }));
/** `ctx`: the page's security context as the content script passes it, or 'own' for the text's own words alone. */
const spots = (text: string, ctx: boolean | 'own' = true) => matcher.match(text, ctx === 'own' ? {} : { securityContext: ctx });
const possible = (text: string, ctx: boolean | 'own' = true) =>
  spots(text, ctx)
    .filter((m) => m.possible)
    .map((m) => m.text);

describe('a naming verb whose object is the crew', () => {
  it('"we dubbed the eCrime gang “K.V.R.”": the initialism without the sentence’s dot, then its bare mentions', () => {
    const text = 'Based on the servers it reused, we dubbed the eCrime gang “K.V.R.”. K.V.R is an operator of phishing kits. We found K.V.R.’s web shell on the host.';
    const ms = spots(text).filter((m) => m.possible);
    expect(ms.map((m) => m.text)).toEqual(['K.V.R', 'K.V.R', 'K.V.R']);
    expect(ms.every((m) => m.entityId === null && m.kind === 'actor')).toBe(true);
    expect(ms[0]?.rule).toBe('named-crew');
    expect(possible('Our team dubbed the gang "P.Q.Z." after its panel. P.Q.Z sells access.')).toEqual(['P.Q.Z', 'P.Q.Z']);
  });
  it('a heading and a title line before the naming are spotted too', () => {
    const text = 'Uncovering K.V.R\nK.V.R. & TrickBot: a phishing kit seller\nWe dubbed the eCrime gang "K.V.R.". It sells TrickBot loads.';
    expect(possible(text)).toEqual(['K.V.R', 'K.V.R', 'K.V.R']);
  });
  it('named, call, nicknamed, code-named, with modifiers between the determiner and the noun', () => {
    expect(possible('We named the threat actor Kestrelmoon after the first lure.')).toEqual(['Kestrelmoon']);
    expect(possible('We dubbed the group Tarnwick. Tarnwick then deployed TrickBot.')).toEqual(['Tarnwick', 'Tarnwick']);
    expect(possible('We call this group Tarnwick in what follows.')).toEqual(['Tarnwick']);
    expect(possible('Researchers nicknamed the crew Velvet Quarry; Velvet Quarry sent the invoices.')).toEqual(['Velvet Quarry', 'Velvet Quarry']);
    expect(possible('We named the second identified threat actor QWX based on its mail servers.')).toEqual(['QWX']);
    expect(possible('Analysts code-named the Russian-speaking operators Quillmoor.')).toEqual(['Quillmoor']);
  });
  it('track and designate name with "as"', () => {
    expect(possible('We track these operators as Greyfin. Greyfin rents TrickBot.')).toEqual(['Greyfin', 'Greyfin']);
    expect(possible('We refer to this actor as Greyfin in the tables.')).toEqual(['Greyfin']);
    expect(possible('We are calling the gang Greyfin for now.')).toEqual(['Greyfin']);
    expect(possible('Send it to the group as Greyfin asked.')).toEqual([]);
    expect(possible('We track this group for its phishing, and Greyfin is unrelated.')).toEqual([]);
  });
});

describe('a crime qualifier before the crew noun', () => {
  it('"the Nigerian eCrime gang K.V.R.", "the cybercriminal gang K.V.R, and…"', () => {
    expect(possible('The Nigerian eCrime gang K.V.R. sells phishing kits. Later K.V.R moved to invoices.')).toEqual(['K.V.R', 'K.V.R']);
    expect(possible('We watched the cybercriminal gang K.V.R, and we saw its phishing panel.')).toEqual(['K.V.R']);
  });
  it('ransomware, hacking, state-sponsored, China-nexus, financially motivated, threat actor group', () => {
    const [m] = spots('The ransomware group Tarnwick leaked the files. Tarnwick then posted the list.').filter((x) => x.possible);
    expect([m?.text, m?.kind, m?.entityId, m?.rule]).toEqual(['Tarnwick', 'actor', null, 'crew-noun']);
    expect(possible('The ransomware group Tarnwick leaked the files. Tarnwick then posted the list.')).toEqual(['Tarnwick', 'Tarnwick']);
    expect(possible('The hacking crew Tarnwick defaced the portal.')).toEqual(['Tarnwick']);
    expect(possible('A state-sponsored actor Tarnwick ran the phishing.')).toEqual(['Tarnwick']);
    expect(possible('The China-nexus group Tarnwick ran the phishing.')).toEqual(['Tarnwick']);
    expect(possible('The financially motivated gang Tarnwick ran the phishing.')).toEqual(['Tarnwick']);
    expect(possible('The threat actor group Tarnwick ran the phishing.')).toEqual(['Tarnwick']);
    expect(possible('The intrusion set Quillhaven reused the loader.')).toEqual(['Quillhaven']);
  });
  it('a name the dictionary has stays the dictionary’s', () => {
    const ms = spots('The ransomware group LockBit has claimed the attack.');
    expect(ms.map((m) => [m.text, m.entityId])).toEqual([['LockBit', 'lockbit']]);
  });
  it('"the hacking group Anonymous": a collective’s real name, spotted as a possible actor after the cue', () => {
    expect(possible('The hacktivist group Anonymous claimed the outage of the phishing portal.')).toEqual(['Anonymous']);
  });
});

describe('what is not a crew’s name', () => {
  it('the subject of a relative clause after the crew noun', () => {
    expect(possible('The group Microsoft tracks as Storm-0558 stole keys.')).toEqual([]);
    expect(possible('The ransomware gang Sophos calls Tarnwick leaked the files.')).toEqual([]);
    expect(possible('The ransomware group Sophos observed used TrickBot.')).toEqual([]);
    expect(possible('The criminal gang Police arrested ran the phishing kit.')).toEqual([]);
    expect(possible('It was the criminal group We spoke to in March.')).toEqual([]);
    // the clause's own naming verb names the crew (naming-clause.test.ts), not its subject
    expect(possible('The espionage group Researchers have dubbed Tarnwick is back.')).toEqual(['Tarnwick']);
  });
  it('a crew noun with neither a naming verb nor a qualifier, or a noun phrase the walk leaves', () => {
    expect(possible('Attacks by the group Tarnwick rose.')).toEqual([]);
    expect(possible('They called the police and the group Tarnwick replied.')).toEqual([]);
  });
  it('an initialism of a place or a Latin phrase, which would otherwise spread to its other mentions', () => {
    expect(possible('The hacking group U.S. officials blamed is back. The U.S. response was slow.')).toEqual([]);
    expect(possible('The threat actor U.S. prosecutors charged ran the phishing.')).toEqual([]);
  });
  it('a day, a job title, a cluster of activity', () => {
    expect(possible('She called the group Friday about the phishing drill.')).toEqual([]);
    expect(possible('The board named the group CEO after the breach.')).toEqual([]);
    expect(possible('We named the first cluster Shadewick after its C2 domains.')).toEqual([]);
  });
  it('a Title Case headline', () => {
    expect(possible('Threat Actors Distribute Malicious Apps')).toEqual([]);
    expect(possible('Ransomware Group Targets Hospitals')).toEqual([]);
  });
  it('nothing on an ordinary page', () => {
    expect(possible('We named the dog Rex. She called the group Friday.', false)).toEqual([]);
    expect(possible('The criminal gang Police arrested were sentenced on Monday.', 'own')).toEqual([]);
    expect(possible('Our choir dubbed the group Bluewater for the tour.', 'own')).toEqual([]);
    expect(possible('The hacking group Tarnwick was the villain of the film.', 'own')).toEqual([]);
  });
});
