/** The bokmål words of the code cells of notebooks/what-matters-most.html (notebooks/lib/lang.ts). */
import { translator } from '../lang.ts';

export const NB: Readonly<Record<string, string>> = {
  'Baseline policy': 'Politikk som utgangspunkt',
  'Each knob moves': 'Hver spak beveger seg',
  'across its whole range': 'over hele spennet sitt',
  'across its window near the {0} policy': 'i vinduet sitt nær politikken {0}',
  'one run': 'én kjøring',
  '{0} runs': '{0} kjøringer',
  'in {0} s': 'på {0} s',
  'Morris screening of {0} knobs…': 'Morris-screening av {0} spaker …',
  'Morris screening: {0} of {1} points run…': 'Morris-screening: {0} av {1} punkter kjørt …',
  'from memory': 'fra minnet',
  'Morris screening: {0} points ({1} paths × {2}) of {3} people for {4} weeks, {5} each, {6}; both outcomes from the same runs.':
    'Morris-screening: {0} punkter ({1} baner × {2}) med {3} personer i {4} uker, {5} per punkt, {6}; begge utfallene fra de samme kjøringene.',
  'moving it up moves the outcome either way': 'å skru den opp trekker utfallet begge veier',
  'moving it up {0} the outcome': 'å skru den opp {0} utfallet',
  'mu*: change {0} (percentage points), 95% interval': 'mu*: endring {0} (prosentpoeng), 95\u00a0%-intervall',
  'Moving the knob up': 'Å skru spaken opp',
  'mu* (how much) against sigma (how much it depends on the rest), pp': 'mu* (hvor mye) mot sigma (hvor mye det avhenger av resten), pp',
  '{0}, {1}': '{0}; {1}',
  'Knob': 'Spak',
  'Range': 'Spenn',
  'In work: mu* [95%]': 'I arbeid: mu* [95\u00a0%]',
  'mu, sigma': 'mu; sigma',
  'Mismatched: mu* [95%]': 'Feil nivå: mu* [95\u00a0%]',
  'What the knob does': 'Hva spaken gjør',
  'Morris indices in percentage points, both outcomes (sorted by mu* relative to the largest, summed over the two outcomes)':
    'Morris-indekser i prosentpoeng, begge utfallene (sortert etter mu* i forhold til den største, summert over de to utfallene)',
  'What it says': 'Hva analysen sier',
  'In work: ': 'I arbeid: ',
  'the knobs with the largest mu* are {0} ({1}). ': 'størst mu* har {0} ({1}). ',
  'The intervals of the top knobs overlap: at this size the screening does not tell them apart.':
    'Intervallene til de øverste spakene overlapper: i denne størrelsen skiller ikke screeningen dem fra hverandre.',
  'The top knob\'s interval is clear of the next one\'s.': 'Intervallet til den øverste spaken er klart atskilt fra den nestes.',
  'Services at a level that does not fit: ': 'Tiltak på et nivå som ikke passer: ',
  'The intervals of the top two overlap.': 'Intervallene til de to øverste overlapper.',
  'The two outcomes are shares of different things (services started, people), so their effects cannot be compared as one number. Read each against its own scale: the strongest knob moves the share of ill-fitting services by {0} points, and the share of people in work by {1} points. In the model, how well services fit people responds strongly to policy; whether people end up in work responds far less.':
    'De to utfallene er andeler av ulike ting (påbegynte tiltak, personer), så virkningene kan ikke sammenlignes som ett tall. Les hvert av dem mot sin egen skala: den sterkeste spaken flytter andelen tiltak på feil nivå med {0} poeng, og andelen personer i arbeid med {1} poeng. I modellen reagerer hvor godt tiltakene passer folk, sterkt på politikken; om folk ender i arbeid, reagerer langt svakere.',
  'The same analysis from the command line': 'Samme analyse fra kommandolinjen',
  'The command line runs the design through the project\'s sweep engine (in parallel, resumable) and computes the same indices. These commands give exactly the numbers above, one outcome each:':
    'Kommandolinjen kjører designet gjennom prosjektets sweep-motor (parallelt, kan gjenopptas) og beregner de samme indeksene. Disse kommandoene gir nøyaktig tallene ovenfor, ett utfall hver:',
  'At full size — the whole mixed office, 1,000 people, 2 runs averaged at every point — swap the scenario and the size:':
    'I full størrelse — hele det blandede kontoret, 1000 personer, gjennomsnitt av 2 kjøringer i hvert punkt — bytt scenario og størrelse:',
  'At full size — the whole mixed office, 1,000 people, 2 runs averaged at every point (same windows) — swap the scenario and the size:':
    'I full størrelse — hele det blandede kontoret, 1000 personer, gjennomsnitt av 2 kjøringer i hvert punkt (samme vinduer) — bytt scenario og størrelse:',
  'The project README\'s screening of six of the knobs for employment, at the same size:':
    'Screeningen i prosjektets README av seks av spakene for sysselsetting, i samme størrelse:',
  'Top three for': 'De tre øverste for',
  'skip the Sobol analysis': 'hopp over Sobol-analysen',
  'The Sobol analysis is skipped; choose an outcome above to run it.': 'Sobol-analysen er hoppet over; velg et utfall ovenfor for å kjøre den.',
  'Sobol analysis of {0}…': 'Sobol-analyse av {0} …',
  'Sobol analysis of {0}: {1} of {2} points run…': 'Sobol-analyse av {0}: {1} av {2} punkter kjørt …',
  'Sobol analysis of {0}: {1} points (N = {2} × 5), {3}; both outcomes from the same runs.':
    'Sobol-analyse av {0}: {1} punkter (N = {2} × 5), {3}; begge utfallene fra de samme kjøringene.',
  'S1: alone': 'S1: alene',
  'ST: with interactions': 'ST: med samspill',
  'Share of the variance: S1 and ST with 95% intervals': 'Andel av variansen: S1 og ST med 95\u00a0%-intervaller',
  'Share of variance': 'Andel av variansen',
  'In work: S1': 'I arbeid: S1',
  'In work: ST': 'I arbeid: ST',
  'Mismatched: S1': 'Feil nivå: S1',
  'Mismatched: ST': 'Feil nivå: ST',
  'Sobol indices of {0} (others at {1}), with 95% bootstrap intervals': 'Sobol-indekser for {0} (de andre som i {1}), med 95\u00a0%-bootstrapintervaller',
  '{0}: the S1 add up to {1}, and the widest ST interval spans {2}. ': '{0}: S1 summerer seg til {1}, og det bredeste ST-intervallet spenner over {2}. ',
  'S1 adding up to nearly 1 means the knobs act mostly one by one; well below 1, through interactions. An interval wider than about half the scale means the indices are not settled: with one run of 300 people per point, the noise between runs is then about as large as what the knobs do, and it shows up as spurious “interaction” (ST above S1) and as S1 below zero. The full-size command settles them:':
    'At S1 summerer seg til nesten 1, betyr at spakene stort sett virker hver for seg; godt under 1, gjennom samspill. Et intervall bredere enn omtrent halve skalaen betyr at indeksene ikke er avklart: med én kjøring av 300 personer per punkt er støyen mellom kjøringene da omtrent like stor som det spakene gjør, og den viser seg som falskt «samspill» (ST over S1) og som S1 under null. Kommandoen i full størrelse avklarer dem:',
  'To run it from the command line at full size, for the top three knobs of the screening (here for mismatched services):':
    'Slik kjører du den fra kommandolinjen i full størrelse, for de tre øverste spakene i screeningen (her for tiltak på feil nivå):',
  'One at a time': 'Én om gangen',
  'show the curves (≈4 s)': 'vis kurvene (≈4 s)',
  'not now': 'ikke nå',
  'Sweeping {0} knobs one at a time around {1}…': 'Går gjennom {0} spaker én om gangen rundt {1} …',
  'One at a time: {0} of {1} runs done…': 'Én om gangen: {0} av {1} kjøringer ferdige …',
  'One at a time: {0} runs ({1} knobs × 5 levels × {2}) of {3} people for {4} weeks around {5}, {6}.':
    'Én om gangen: {0} kjøringer ({1} spaker × 5 nivåer × {2}) med {3} personer i {4} uker rundt {5}, {6}.',
  '{0}, as each knob moves alone from {1} (one at a time)': '{0}, når hver spak beveger seg alene fra {1} (én om gangen)',
  'Mean and 95% interval over {0} runs; the ringed point is the level nearest the {1} baseline. The meeting multiplier\'s levels 0.25–4 are drawn evenly on 0–1.':
    'Gjennomsnitt og 95\u00a0%-intervall over {0} kjøringer; punktet med ring er nivået nærmest utgangspunktet {1}. Møtehyppighetens nivåer 0,25–4 er tegnet jevnt fordelt på 0–1.',
  'Knob value (0–1)': 'Spakens verdi (0–1)',
};

export const t = translator(NB);
