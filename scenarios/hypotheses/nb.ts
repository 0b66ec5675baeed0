/**
 * The shipped hypotheses' texts in Norwegian bokmål, by name: `statement`,
 * `source` and `notes` of each file in this folder (the notebooks' bokmål
 * pages show them; `pathways hypothesis` writes the files' English). Each
 * entry keeps the English it translates (`en`), so a file whose text changed
 * shows its new English rather than an old translation
 * (test/hypothesis-nb.test.ts checks that every shipped file has its entry and
 * that the entries are current).
 */

/** What a hypothesis file says in words. */
export interface HypothesisWords {
  statement: string;
  source?: string;
  notes?: string;
}

/** One hypothesis in bokmål, with the English it translates. */
export interface HypothesisNb extends HypothesisWords {
  en: HypothesisWords;
}

export const HYPOTHESES_NB: Readonly<Record<string, HypothesisNb>> = {
  'rights-services': {
    en: {
      statement: 'Under standardised allocation, where contact persons and many services go to people with economic rights first, jobseekers without economic rights at registration start fewer services per person than benefit recipients in the same office.',
      source: 'Study A (resourceful immigrant women): services went mainly to people with economic rights, who are a cost item for the office; pattern 1 of docs/MODEL.md.',
      notes: 'Both sides run the same policy; the comparison is between two groups of the same runs (paired by replicate). A quarter of a service per person over five years (one more measure for one person in four) is the smallest gap an office would notice.',
    },
    statement: 'Under standardisert tildeling, der kontaktpersoner og mange tiltak går først til dem med økonomiske rettigheter, starter arbeidssøkere som er registrert uten økonomiske rettigheter, færre tiltak per person enn ytelsesmottakerne på det samme kontoret.',
    source: 'Studie A (ressurssterke innvandrerkvinner): tiltakene gikk for det meste til dem med økonomiske rettigheter, som er en utgiftspost for kontoret; mønster 1 i docs/MODEL.md.',
    notes: 'Begge sider kjører den samme politikken; sammenligningen er mellom to grupper i de samme kjøringene (parvis per replikasjon). Et kvart tiltak per person over fem år (ett tiltak til for hver fjerde person) er den minste forskjellen et kontor ville merke.',
  },
  'mismatch-level': {
    en: {
      statement: 'Personalised allocation, which explores the person\'s level and matches the level of what is offered, lowers the share of services given at a level that does not fit the person compared with standardised allocation (one level for all).',
      source: 'Study A: an engineer got a job-search course for people who can hardly read or use a computer; pattern 2 of docs/MODEL.md.',
      notes: 'Five percentage points of started services is the smallest change in mismatch a practitioner would see in their own caseload.',
    },
    statement: 'Tilpasset tildeling, som utforsker personens nivå og tilpasser nivået på det som tilbys, gir en lavere andel tiltak på et nivå som ikke passer personen, enn standardisert tildeling (ett nivå for alle).',
    source: 'Studie A: en ingeniør fikk et jobbsøkerkurs for folk som knapt kan lese eller bruke en datamaskin; mønster 2 i docs/MODEL.md.',
    notes: 'Fem prosentpoeng av de startede tiltakene er den minste endringen i feiltilpasning en veileder ville se blant sine egne brukere.',
  },
  'lock-in-year1': {
    en: {
      statement: 'People in a long service search less (lock-in). Personalised allocation puts more refugees into the introduction programme and other long services, so at the end of the first year fewer refugees are in work than under standardised allocation.',
      source: 'Card, Kluve & Weber 2010, 2018: training programmes show small or negative effects in the first year. Read on refugees, the group with most long places (the introduction programme); on the whole population the two presets differ by under 1 percentage point in year 1, because long places are few and filled under both, and without any places the refugees\' dip vanishes (test/statics/magnitudes.test.ts).',
      notes: 'One percentage point of employment is the smallest effect on employment that evaluations of labour market programmes treat as relevant. Only the first year is simulated.',
    },
    statement: 'Folk i et langt tiltak søker mindre (innlåsing). Tilpasset tildeling setter flere flyktninger i introduksjonsprogrammet og andre lange tiltak, så ved slutten av det første året er færre flyktninger i arbeid enn under standardisert tildeling.',
    source: 'Card, Kluve & Weber 2010, 2018: opplæringstiltak viser små eller negative effekter det første året. Lest for flyktninger, gruppen med flest lange plasser (introduksjonsprogrammet); for hele befolkningen skiller de to forhåndsinnstillingene seg med under 1 prosentpoeng i år 1, fordi de lange plassene er få og blir fylt under begge, og uten plasser forsvinner flyktningenes dupp (test/statics/magnitudes.test.ts).',
    notes: 'Ett prosentpoeng sysselsetting er den minste effekten på sysselsetting som evalueringer av arbeidsmarkedstiltak regner som relevant. Bare det første året simuleres.',
  },
  'lock-in-payoff': {
    en: {
      statement: 'After the lock-in of the first year, the long services of personalised allocation pay off: by the end of year 3 more people are in work than under standardised allocation.',
      source: 'Card, Kluve & Weber 2010, 2018: human-capital programmes show larger positive effects two to three years after; pattern 3 of docs/MODEL.md.',
      notes: 'One percentage point of employment, as for the first year.',
    },
    statement: 'Etter innlåsingen det første året lønner de lange tiltakene under tilpasset tildeling seg: ved slutten av år 3 er flere i arbeid enn under standardisert tildeling.',
    source: 'Card, Kluve & Weber 2010, 2018: tiltak som bygger humankapital, viser større positive effekter to til tre år etter; mønster 3 i docs/MODEL.md.',
    notes: 'Ett prosentpoeng sysselsetting, som for det første året.',
  },
  'relationship-attendance': {
    en: {
      statement: 'For young, vulnerable users, keeping the same helper over time and following up missed meetings (home visits, repeated messages) raises the share of meetings that take place compared with changing advisors in monthly slots.',
      source: 'Study B (action research with young users, 14 months): long-term contact with the same helper and persistence made them show up; pattern 4 of docs/MODEL.md.',
      notes: 'A followed-up missed meeting counts as attended, so part of this effect holds by definition (see docs/MODEL.md §9). Five percentage points of meetings is about one more meeting in twenty.',
    },
    statement: 'For unge, sårbare brukere gir det å beholde den samme hjelperen over tid og følge opp møter de ikke kom til (hjemmebesøk, gjentatte meldinger), en høyere andel møter som blir holdt, enn skiftende veiledere i månedlige timer.',
    source: 'Studie B (aksjonsforskning med unge brukere, 14 måneder): langvarig kontakt med den samme hjelperen og utholdenhet fikk dem til å møte opp; mønster 4 i docs/MODEL.md.',
    notes: 'Et møte som ble fulgt opp etter at personen uteble, regnes som holdt, så en del av denne effekten gjelder per definisjon (se docs/MODEL.md §9). Fem prosentpoeng av møtene er omtrent ett møte til av tjue.',
  },
  'relationship-employment': {
    en: {
      statement: 'For young people not in work, education or training, the same helper over time with follow-up raises the share in work after five years compared with changing advisors.',
      source: 'Study B: the relationship is the key factor; pattern 4 of docs/MODEL.md (employment, which unlike attendance is not partly true by definition).',
      notes: 'One percentage point of employment. Read for the group youth only (not the young natives on unemployment benefit).',
    },
    statement: 'For unge som verken er i arbeid, utdanning eller opplæring, gir den samme hjelperen over tid, med oppfølging, en høyere andel i arbeid etter fem år enn skiftende veiledere.',
    source: 'Studie B: relasjonen er den viktigste faktoren; mønster 4 i docs/MODEL.md (sysselsetting, som i motsetning til oppmøte ikke delvis er sant per definisjon).',
    notes: 'Ett prosentpoeng sysselsetting. Lest bare for gruppen youth, unge utenfor arbeid, utdanning og opplæring (ikke de unge innfødte på dagpenger).',
  },
  'activity-gap': {
    en: {
      statement: 'When activity counts as success (standardised allocation), the office fills measures that do not turn into work: the gap between the share of person-weeks in a measure and the share of person-weeks in work is larger than under personalised allocation.',
      source: 'Study A: placing someone in any measure counts as a good result for the office even when it does not fit; pattern 5 of docs/MODEL.md.',
      notes: 'One percentage point of person-weeks (about 2.6 weeks per person over five years) is the smallest gap that matters. The sign of this difference depends on the horizon (docs/MODEL.md §9 calls pattern 5 the most fragile); the full five years are simulated.',
    },
    statement: 'Når aktivitet regnes som suksess (standardisert tildeling), fyller kontoret tiltak som ikke fører til arbeid: forskjellen mellom andelen personuker i et tiltak og andelen personuker i arbeid er større enn under tilpasset tildeling.',
    source: 'Studie A: å plassere noen i et hvilket som helst tiltak regnes som et godt resultat for kontoret, også når det ikke passer; mønster 5 i docs/MODEL.md.',
    notes: 'Ett prosentpoeng av personukene (omtrent 2,6 uker per person over fem år) er den minste forskjellen som betyr noe. Fortegnet på denne forskjellen avhenger av tidshorisonten (docs/MODEL.md §9 kaller mønster 5 det mest skjøre); alle fem årene simuleres.',
  },
  'information-proactive': {
    en: {
      statement: 'If advisors tell people face to face about services that fit (proactive information) instead of leaving them to the website, jobseekers without economic rights spend fewer weeks hunting for information about what exists, even when everything else stays standardised.',
      source: 'Study A: people spent much time and energy finding out what exists and found useful services by coincidence or through friends; Study B: being sent to the website made young people postpone contact.',
      notes: 'One week per person over five years (a working week of each person\'s time) is the smallest saving that matters.',
    },
    statement: 'Hvis veilederne forteller folk ansikt til ansikt om tiltak som passer (oppsøkende informasjon) i stedet for å overlate dem til nettsiden, bruker arbeidssøkere uten økonomiske rettigheter færre uker på å lete etter informasjon om hva som finnes, også når alt annet forblir standardisert.',
    source: 'Studie A: folk brukte mye tid og krefter på å finne ut hva som finnes, og fant nyttige tiltak ved en tilfeldighet eller gjennom venner; studie B: å bli henvist til nettsiden fikk unge til å utsette kontakten.',
    notes: 'Én uke per person over fem år (en arbeidsuke av hver persons tid) er den minste besparelsen som betyr noe.',
  },
  'trust-disclosure': {
    en: {
      statement: 'Continuity alone pays off in work: with the same advisor instead of changing ones (all else as with rotating advisors), more young people are in work after five years. The mechanism in the model is trust that lets them disclose hidden problems so help can fit; disclosure itself is not measured here, only its consequence for employment.',
      source: 'Study B: users concealed problems for fear of losing benefits; as trust grew, problems and resources became visible, so help could fit.',
      notes: 'Only advisorTurnover changes (to 0): follow-up and exploration stay as under rotating advisors, so this isolates the trust built by continuity. One percentage point of employment.',
    },
    statement: 'Kontinuitet alene lønner seg i arbeid: med den samme veilederen i stedet for skiftende (alt annet som med roterende veiledere) er flere unge i arbeid etter fem år. Mekanismen i modellen er tillit som gjør at de forteller om skjulte problemer, slik at hjelpen kan passe; selve det å fortelle måles ikke her, bare følgen for sysselsettingen.',
    source: 'Studie B: brukerne holdt problemer skjult av frykt for å miste ytelser; etter hvert som tilliten vokste, ble problemer og ressurser synlige, så hjelpen kunne passe.',
    notes: 'Bare advisorTurnover endres (til 0): oppfølging og utforsking forblir som med roterende veiledere, så dette isolerer tilliten som kontinuitet bygger. Ett prosentpoeng sysselsetting.',
  },
  'recognition-attendance': {
    en: {
      statement: 'Meetings that explore and recognise the person lower shame and raise self-efficacy, so young people show up to more of their meetings, even when advisors keep changing.',
      source: 'Study B: shame about being a benefit user erodes agency; recognition and coping reduce shame and raise self-efficacy.',
      notes: 'Only exploration changes (0.3 to 0.9) under rotating advisors. In the model exploration also strengthens trust at each meeting, so this is recognition together with the trust it brings. Five percentage points of meetings.',
    },
    statement: 'Møter som utforsker og anerkjenner personen, minsker skam og øker mestringstro, så unge møter opp til flere av møtene sine, også når veilederne stadig skifter.',
    source: 'Studie B: skam over å være stønadsmottaker tærer på handlekraften; anerkjennelse og mestring minsker skammen og øker mestringstroen.',
    notes: 'Bare exploration endres (0,3 til 0,9) med roterende veiledere. I modellen styrker utforsking også tilliten ved hvert møte, så dette er anerkjennelse sammen med tilliten den gir. Fem prosentpoeng av møtene.',
  },
  overqualification: {
    en: {
      statement: 'Labour immigrants with education from abroad often end up in jobs below their level; personalised allocation (career guidance with recognition of qualifications, matched level, no push to take any job) lowers the share of those in work whose job is below their level.',
      source: 'Study A: non-recognition of foreign qualifications and overqualification; Statistics Norway 2021.',
      notes: 'Five percentage points of those in work is the smallest change in overqualification that matters.',
    },
    statement: 'Arbeidsinnvandrere med utdanning fra utlandet havner ofte i jobber under sitt nivå; tilpasset tildeling (karriereveiledning med godkjenning av kvalifikasjoner, tilpasset nivå, ikke press for å ta enhver jobb) senker andelen av dem i arbeid som har en jobb under sitt nivå.',
    source: 'Studie A: manglende godkjenning av utenlandske kvalifikasjoner og overkvalifisering; Statistisk sentralbyrå 2021.',
    notes: 'Fem prosentpoeng av dem i arbeid er den minste endringen i overkvalifisering som betyr noe.',
  },
};

/** A shipped hypothesis's words in bokmål, when its entry translates the English it has now; else undefined. */
export function hypothesisNb(name: string, en: HypothesisWords): HypothesisWords | undefined {
  const nb = Object.hasOwn(HYPOTHESES_NB, name) ? HYPOTHESES_NB[name] : undefined;
  if (!nb || nb.en.statement !== en.statement || nb.en.source !== en.source || nb.en.notes !== en.notes) return undefined;
  return { statement: nb.statement, source: nb.source, notes: nb.notes };
}
