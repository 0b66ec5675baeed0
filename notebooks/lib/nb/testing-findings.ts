/** The bokmål words of the code cells of notebooks/testing-findings.html (notebooks/lib/lang.ts). */
import { translator } from '../lang.ts';

export const NB: Readonly<Record<string, string>> = {
  'Size': 'Størrelse',
  'Running {0} hypotheses…': 'Kjører {0} hypoteser …',
  'at the quick size ({0} of {1} with fewer replications or people than their files)': 'i rask størrelse ({0} av {1} med færre replikasjoner eller personer enn filene sine)',
  'at the files\' own settings': 'med filenes egne innstillinger',
  'Ran the {0} shipped hypotheses in {1} s, {2}.': 'Kjørte de {0} medfølgende hypotesene på {1} s, {2}.',
  'The effect of each hypothesis, in units of its smallest effect that matters': 'Effekten av hver hypotese, målt i dens minste effekt som betyr noe',
  'Mean and 95% interval of the paired difference in the expected direction (e / δ); {0}': 'Gjennomsnitt og 95 %-intervall for den parvise forskjellen i forventet retning (e / δ); {0}',
  'quick size': 'rask størrelse',
  'the files\' settings': 'filenes innstillinger',
  '0: no difference. 1: the smallest effect that matters (δ). −1: an effect that large, the other way. Hover for the numbers in the metric\'s own units.':
    '0: ingen forskjell. 1: den minste effekten som betyr noe (δ). −1: en like stor effekt, motsatt vei. Hold pekeren over for tallene i målets egne enheter.',
  'Effect in the expected direction ÷ smallest effect that matters →': 'Effekt i forventet retning ÷ minste effekt som betyr noe →',
  'no effect': 'ingen effekt',
  '{0}, expected higher under B': '{0}, forventet høyere under B',
  '{0}, expected lower under B': '{0}, forventet lavere under B',
  'smallest effect: {0}': 'minste effekt: {0}',
  'group: {0}': 'gruppe: {0}',
  'groups: {0} (A) vs {1} (B), same runs': 'grupper: {0} (A) mot {1} (B), de samme kjøringene',
  'Hypothesis (findings)': 'Hypotese (funn)',
  'A vs B': 'A mot B',
  'Metric (expected)': 'Mål (forventet)',
  '{0}, {1} × {2} people, {3} weeks': '{0}, {1} × {2} personer, {3} uker',
  'B − A, 95% interval, p': 'B − A, 95 %-intervall, p',
  'Smallest effect': 'Minste effekt',
  'Verdict': 'Dom',
  'The {0} shipped hypotheses: paired differences B − A over the replications ({1})': 'De {0} medfølgende hypotesene: parvise forskjeller B − A over replikasjonene ({1})',
  'the files\' own settings': 'filenes egne innstillinger',
  'quick size: fewer replications and people than the files': 'rask størrelse: færre replikasjoner og personer enn filene',
  'Hypothesis': 'Hypotese',
  'What would change it': 'Hva som ville endre den',
  'Reproduce at the file\'s settings': 'Gjenta med filens innstillinger',
  'How far each verdict is from changing': 'Hvor langt hver dom er fra å endre seg',
  'Each hypothesis in words': 'Hver hypotese i ord',
  'The module\'s own explanation of each result, with the file\'s source and notes. Open one to read it.': 'Modulens egen forklaring av hvert resultat, med filens kilde og merknader. Åpne en for å lese den.',
  'Source. ': 'Kilde. ',
  'Notes. ': 'Merknader. ',
  'Quick size: {0} replications of {1} people; the file asks for {2} of {3} ({4}).': 'Rask størrelse: {0} replikasjoner av {1} personer; filen ber om {2} av {3} ({4}).',
};

export const t = translator(NB);
