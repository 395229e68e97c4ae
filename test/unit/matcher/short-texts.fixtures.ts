/**
 * Short texts written for these tests: one to three sentences, as a social feed, a headline list or a news ticker
 * shows them. ORDINARY texts are about other things and use names of the dictionary (a city, a saint, a river, a
 * Dune creature, a football club, a magician) and now and then a security word in its everyday sense: nothing in them
 * is a threat. SECURITY texts name actors and malware by the names their readers use; `names` lists what a reader
 * sees there (the written surface of each).
 */
export const ORDINARY: readonly string[] = [
  'AC Milan beat Inter 2-1 on Sunday after a late header from the captain.',
  'The Bethany Road bridge reopens on Monday after six weeks of repairs.',
  'In the new Dune film the Sandworm rises from the dunes in one long shot that the whole cinema gasped at.',
  'Lazarus rose from the tomb on the fourth day, the gospel of John says.',
  'The Hackers won the pub league again, beating the Chessmen 4-0 at home.',
  'Reminder from IT: phishing emails often fake urgency, so check the sender before you click any link.',
  'Senator accused of backdoor deal over harbour contract, opposition demands inquiry.',
  'The Trojan horse was left at the gates of Troy, and the Greeks hid inside it.',
  'Rain clears by noon; expect sunshine in Turin and highs of 24 degrees.',
  'Houdini escaped from a locked milk can in front of a packed theatre in 1908.',
  'Our recipe of the week: cobalt-blue plates are optional, but the saffron risotto is not.',
  'Rex, our golden retriever, turned nine today and got an extra biscuit.',
  'The Turla river floods every spring, and the villages along it move their cattle uphill.',
  'Athena was the goddess of wisdom, and her owl still appears on Greek coins.',
  'Loki steals the show again in the final episode of the season.',
  'Silence fell over the stadium when the penalty hit the post.',
  'Top of the charts this week: a new single by the Cyclops Brothers and a reissued album from the Seventies.',
  'Shares of Rex Energy rose 3% in early trading after the quarterly report.',
  'Vidar, the silent god of vengeance, avenges his father at Ragnarok.',
  'Denis scored twice as the under-12s won the cup final on penalties.',
  'The council approved a new cycle path between Bethany and the old mill.',
  'Skynet is the villain of the Terminator films, an AI that turns on its makers.',
  'Gladius is the Latin word for sword, and the legionaries carried one on the right hip.',
  'Bake the bread for 40 minutes, then let it cool on a rack before slicing.',
  'Hackers FC sign a new goalkeeper from the reserves ahead of the derby.',
  'The minister dismissed claims of a backdoor tax rise as "pure fiction".',
  'Phishing trips on the lake are cancelled this weekend because of the storm warning.',
  'Our awareness week starts Monday: learn to spot phishing, use a password manager and report anything odd.',
  'The Cobalt line of the metro is closed between two stations until Friday.',
  'Emma and Denis will host the quiz night at the library on Thursday.',
  'A Trojan warrior stood guard at the gate in the school play, and the audience cheered.',
  'Stocks to watch: Apollo, Zeus Holdings and Hermes all report earnings this week.',
  'The band Medusa plays the Old Town Hall on Saturday; tickets are still available.',
  'The Royal family opened the flower show in the rain on Tuesday.',
  'Play resumes at 3pm after the rain delay at the cricket ground.',
  'Lazarus Street is closed for the Sunday market from 8 am to 2 pm.',
  'In chess, a backdoor mate is a rook on the back rank with the king boxed in by its own pawns.',
  'Cyclops, the one-eyed giant, traps Odysseus and his men in a cave.',
  'The film follows Houdini on his last tour, and critics call it warm and funny.',
  'Loki the cat went missing on Friday; he is black with a white chest.',
  // a security word in its everyday sense next to a name that is also a threat's
  'Thanks to Denis for reporting the backdoor in the login form.',
  'Rex Tillerson warned of cyber attacks on the grid.',
  'Bella, our intern, ran the phishing awareness quiz this week.',
  'Tripoli port hit by cyberattack, officials say.',
  'Denis said the phishing test went well.',
  'Our dog Rex ate a phishing leaflet.',
  'Athena, the new phishing simulator from our IT team, launches on Monday.',
  'Skynet-style malware is a Hollywood fantasy, experts say.',
  'Loki, the trickster god, would make a fine phishing villain.',
  'Houdini is back in cinemas. It is a story of escape, not of malware.',
  'Turla is a river in the west of Ukraine. It floods every spring, and the villagers call the flood a trojan gift.',
  // session 21: look-alikes of the rules for two coined names, a security agency or vendor beside a name, a name's own
  // nouns, a crew after a software name, Title Case headlines
  'Denis and Bella are back from their honeymoon in Tripoli.',
  'Kevin and Rex won the doubles final in straight sets.',
  'Houdini and Loki are the two kittens up for adoption this week.',
  'Zeus and Athena argue about the fate of Troy in the second act.',
  'Skynet and Cyclops are the two robots in the school play.',
  'Turla and Karakurt are names you will meet on a walk along the river.',
  'Sandworm rises again in the new trailer, and the fans cheer.',
  'Lazarus joined CISA in 2021 as a policy adviser.',
  'Lazarus of Mandiant will give the keynote on Friday.',
  'Tripoli hosted the CISA delegation last spring.',
  'Denis says ESET makes the best antivirus for his old laptop.',
  'Bella, who works at Kaspersky, ran the city marathon.',
  'Houdini operators let artists build smoke and fire in a few clicks.',
  'Tripoli operators cut ferry prices for the summer season.',
  'Bella samples of the new perfume are free at the counter.',
  'Loki variants take over the multiverse in season two.',
  'Athena payloads include two weather satellites and a student cube.',
  'The Royal Navy hit the target on the first try, says the NCSC press office.',
  'Denis hit the post twice before the break.',
  'Silence fell when Cobalt Strike, the new racehorse, stumbled at the last fence.',
  'Emotet is a name I made up for my new board game.',
  'Play resumes after the storm hit the stadium, officials said.',
  'Zeus struck Talos with a thunderbolt, and the bronze giant fell into the sea.',
  'Denis hit Dragos twice in the second round and won on points.',
  'Tripoli gang demands ransom for kidnapped businessman.',
  'Tripoli operators upgraded the harbour infrastructure with new loaders and cranes.',
  'Rex crew lures trout with hand-tied flies on the upper river.',
  'Denis dumped the credentials of his old job in the shredder before he left.',
  'Kaspersky ties Denis to the new chess club in town.',
  'In the myth, Agrius the Giant rides a Griffon into battle.',
  'Turla and Shamoon are two words you can find in an atlas.',
  'Royal Hits Back At Critics Over Palace Budget',
  'Houdini Operators Build Smoke And Fire In Minutes',
  'Athena Payloads Reach Orbit After Delay',
  'Rex Tillerson Hits Back, Says CISA Chief',
  'Kevin hits the road again with the Kaspersky rally team.',
  'Denis Hits Wall In ESET-Sponsored Car',
  'Lazarus Strikes Gold For Mandiant In Charity Quiz',
  'Rex Tillerson Warns Of Cyber Attacks On Grid',
  'Turla River Floods Villages, Phishing Scam Warning Issued',
  'Denis Matthews Warns Of Phishing Scams',
  'The coach blamed Kevin for the attacks that failed in the second half, ESET staff laughed.',
];

export interface SecurityText {
  text: string;
  /** What a reader sees named in it. */
  names: readonly string[];
}

export const SECURITY: readonly SecurityText[] = [
  { text: 'Turla used a new backdoor against European ministries.', names: ['Turla'] },
  { text: 'Kimsuky is phishing South Korean think tanks again with fake interview requests.', names: ['Kimsuky'] },
  { text: 'Watch out for Raccoon Stealer ads on search engines.', names: ['Raccoon Stealer'] },
  { text: 'Emotet is back, spreading malware through reply-chain emails.', names: ['Emotet'] },
  { text: 'New Gamaredon phishing wave targets Ukrainian government agencies.', names: ['Gamaredon'] },
  { text: 'TrickBot and Emotet were seen together again on the same hosts.', names: ['TrickBot', 'Emotet'] },
  { text: 'LockBit claims attack on a regional hospital chain.', names: ['LockBit'] },
  { text: 'APT29 targets diplomats with wine-tasting lures.', names: ['APT29'] },
  { text: 'Lazarus hackers stole millions from a crypto exchange.', names: ['Lazarus'] },
  { text: 'Turla operators hid their C2 traffic in satellite links.', names: ['Turla'] },
  { text: 'Kimsuky sends spear-phishing mails posing as journalists.', names: ['Kimsuky'] },
  { text: 'Qakbot malware returns in a small spam campaign.', names: ['Qakbot'] },
  { text: 'Gamaredon keeps deploying its backdoor on Ukrainian networks.', names: ['Gamaredon'] },
  { text: 'Emotet spam now carries OneNote attachments with ransomware loaders behind them.', names: ['Emotet'] },
  { text: 'Conti ransomware hit another county government.', names: ['Conti'] },
  { text: 'Ursnif banking trojan is spreading in Italy through fake invoices.', names: ['Ursnif'] },
  { text: 'Vidar infostealer is sold on underground forums for $150 a month.', names: ['Vidar'] },
  { text: 'Andariel exploited a zero-day in remote management software.', names: ['Andariel'] },
  { text: 'MuddyWater uses legitimate remote tools to keep a backdoor on victim hosts.', names: ['MuddyWater'] },
  { text: 'Sandworm hackers targeted logistics firms in Poland.', names: ['Sandworm'] },
  { text: 'Researchers tie Turla to a new spyware implant on embassy laptops.', names: ['Turla'] },
  { text: 'Fancy Bear sent phishing emails to election officials.', names: ['Fancy Bear'] },
  { text: 'Charming Kitten poses as a conference organiser to phish academics.', names: ['Charming Kitten'] },
  { text: 'Gozi is still one of the most active banking malware families.', names: ['Gozi'] },
  { text: 'Kimsuky hackers breached a defence contractor last year.', names: ['Kimsuky'] },
  { text: 'Dridex malware infections are rising again in the UK.', names: ['Dridex'] },
  { text: 'AsyncRAT delivered through fake browser updates.', names: ['AsyncRAT'] },
  { text: 'Emotet botnet takedown: police seize servers in three countries.', names: ['Emotet'] },
  { text: 'Gamaredon used a USB worm and phishing to reach air-gapped hosts.', names: ['Gamaredon'] },
  { text: 'The Turla group has a long history of cyber-espionage against foreign ministries.', names: ['Turla'] },
  { text: 'Raccoon Stealer is back with version 2.3 and a new panel.', names: ['Raccoon Stealer'] },
  { text: 'Kimsuky is back. The group is phishing think tanks again.', names: ['Kimsuky'] },
  { text: 'Gamaredon returns after a quiet summer. The hackers now hide their backdoor in Word templates.', names: ['Gamaredon'] },
  { text: 'Remcos RAT spreads via tax-themed phishing in March.', names: ['Remcos RAT'] },
  { text: 'Andariel deployed ransomware on healthcare networks in South Korea.', names: ['Andariel'] },
  { text: 'Ursnif malware hides its payload in image files.', names: ['Ursnif'] },
  { text: 'Vidar steals browser cookies and crypto wallets; it is often delivered by malware loaders.', names: ['Vidar'] },
  { text: 'Kimsuky exfiltrated research data from a nuclear institute.', names: ['Kimsuky'] },
  // session 21: no word of attack, but two coined threat names, a security agency or vendor, the software's own nouns
  { text: 'Qakbot is back, now pushing Pikabot.', names: ['Qakbot', 'Pikabot'] },
  { text: 'Sandworm hit the grid again, says CERT-UA.', names: ['Sandworm'] },
  { text: 'We saw Cobalt Strike beacons calling home from three hosts.', names: ['Cobalt Strike'] },
  { text: 'Dridex operators switched to a new loader this week.', names: ['Dridex'] },
  { text: 'LockBit claims attack on city hall', names: ['LockBit'] },
  { text: 'Volt Typhoon still inside US utilities, officials warn', names: ['Volt Typhoon'] },
  { text: 'Scattered Spider member arrested in Spain', names: ['Scattered Spider'] },
  { text: 'APT28 phishing hits European ministries', names: ['APT28'] },
  { text: 'Gamaredon targets Ukrainian officials again, CERT-UA warns.', names: ['Gamaredon'] },
  { text: 'Ursnif and Hancitor rode the same invoice spam last month.', names: ['Ursnif', 'Hancitor'] },
  { text: 'Kimsuky is impersonating journalists again, according to Microsoft Threat Intelligence.', names: ['Kimsuky'] },
  { text: 'Mimikatz and Impacket were found on the domain controller.', names: ['Mimikatz', 'Impacket'] },
  { text: 'Emotet payloads now arrive as OneNote files.', names: ['Emotet'] },
  { text: 'Analysts found Cobalt Strike beacons on two file servers.', names: ['Cobalt Strike'] },
  { text: 'Hancitor operators moved to a new dropper in March.', names: ['Hancitor'] },
  { text: 'Secureworks says Kimsuky hit a defence contractor in June.', names: ['Kimsuky'] },
  { text: 'Power plants hit by Sandworm again, ESET reports.', names: ['Sandworm'] },
  { text: 'Turla now loads Kazuar from a fake update of a chat app.', names: ['Turla', 'Kazuar'] },
  { text: 'Andariel breached a shipyard last year, NCSC says.', names: ['Andariel'] },
  // headlines in Title Case
  { text: 'Sandworm Hits Ukrainian Grid Again, CERT-UA Says', names: ['Sandworm'] },
  { text: 'Dridex Operators Switch To New Loader', names: ['Dridex'] },
  { text: 'Cobalt Strike Beacons Found On University Network', names: ['Cobalt Strike'] },
  { text: "Kimsuky targeted nuclear researchers, ESET's analysts found.", names: ['Kimsuky'] },
  { text: 'Turla Used A New Backdoor Against European Ministries', names: ['Turla'] },
  { text: 'Kimsuky Phishing Campaign Targets Think Tanks', names: ['Kimsuky'] },
  { text: 'Qakbot Returns, Now Pushing Pikabot', names: ['Qakbot', 'Pikabot'] },
  // missed before session 21 (STILL_MISSED then)
  { text: 'Dridex operators switched to a new loader last month.', names: ['Dridex'] },
  { text: 'Cobalt Strike beacons found on a university network.', names: ['Cobalt Strike'] },
  { text: 'Qakbot is back after the takedown, now pushing Pikabot through hijacked email threads.', names: ['Qakbot', 'Pikabot'] },
  { text: 'Sandworm hit Ukrainian power grid again, says CERT-UA.', names: ['Sandworm'] },
  { text: 'Mandiant ties Turla to attacks on embassies in Europe.', names: ['Turla'] },
  { text: 'Mimikatz was used to dump credentials after the intrusion.', names: ['Mimikatz'] },
];

/**
 * Short security texts a reader reads and the matcher still misses: no word of attack and one name alone ("Emotet
 * returns after five-month break": "returns", "takedown" are ordinary words), a flagged name reported by the police or
 * the FBI (who speak of every crime), a curated name's alias that is not its canonical name ("Bazar" of BazarLoader;
 * "Gamaredon" of Gamaredon Group in a Title Case headline, where a capital after a name that is not the curated one is
 * read as a longer name's). Measured, not asserted.
 */
export const STILL_MISSED: readonly SecurityText[] = [
  { text: 'Emotet returns after five-month break', names: ['Emotet'] },
  { text: 'Lazarus struck another crypto exchange, the FBI says.', names: ['Lazarus'] },
  { text: 'Trickbot now drops Bazar on hosts it already controls.', names: ['Trickbot', 'Bazar'] },
  { text: 'Gamaredon Uses New Backdoor Against Ukrainian Agencies', names: ['Gamaredon'] },
];

/**
 * Ordinary short texts the matcher still marks: two curated software names that are also rarer English words or names
 * (a worm, a mythical beast, a folk hero, a pattern), which the pair rule reads as threats named together
 * (short-text-signals.ts). Written to find the rule's limits; measured, not asserted.
 */
export const STILL_SPOTTED: readonly string[] = [
  'Helminth infections and Griffon sightings are both rare.',
  'The Appleseed and Sunburst apple trees flowered early.',
];
