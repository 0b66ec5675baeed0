/** The bokmål words of the code cells of notebooks/calibration.html (notebooks/lib/lang.ts). */
import { translator } from '../lang.ts';

export const NB: Readonly<Record<string, string>> = {
  // the shipped fits
  'Scenario': 'Scenario',
  'Targets used for fitting': 'Måltall brukt til kalibrering',
  'Held-out targets (never fitted)': 'Måltall holdt utenfor (aldri tilpasset)',
  'fit': 'til kalibrering',
  'held out': 'holdt utenfor',
  '{0} of {1} within the band': '{0} av {1} innenfor spennet',
  '{0} replicates of {1} people over {2} weeks, seed {3}': '{0} replikasjoner med {1} personer over {2} uker, frø {3}',
  'within the band': 'innenfor spennet',
  'outside the band': 'utenfor spennet',
  '{0}, weight {1}': '{0}, vekt {1}',
  'published {0} ({1})': 'publisert {0} ({1})',
  'model {0}: {1}': 'modellen {0}: {1}',
  '✓ within': '✓ innenfor',
  '✗ outside': '✗ utenfor',
  'the 95% interval runs off the chart ({0} replicates)': '95 %-intervallet går ut av diagrammet ({0} replikasjoner)',
  ' (model: mean and 95% interval over {0} replicates)': ' (modellen: gjennomsnitt og 95 %-intervall over {0} replikasjoner)',
  ' ({0}): {1} of {2} fit targets and {3} of {4} held-out targets within their bands, at the scenario\'s own size ({5}).':
    ' ({0}): {1} av {2} måltall til kalibrering og {3} av {4} måltall holdt utenfor ligger innenfor spennene sine, med scenariets egen størrelse ({5}).',
  'Target': 'Måltall',
  '{0}, weight {1}; {2}': '{0}, vekt {1}; {2}',
  'Published and model': 'Publisert og modellen',
  'published ': 'publisert ',
  'band {0} ({1})': 'spenn {0} ({1})',
  'model ': 'modellen ',
  '95% interval {0}': '95 %-intervall {0}',
  '✓ within the band': '✓ innenfor spennet',
  '✗ outside the band': '✗ utenfor spennet',
  'where the band comes from': 'hvor spennet kommer fra',
  'Source': 'Kilde',
  'link': 'lenke',
  'where in the source': 'hvor i kilden',
  'How the figure is translated into the model': 'Hvordan tallet oversettes til modellen',
  'The targets of {0}: sources and translations': 'Måltallene for {0}: kilder og oversettelser',
  // a calibration run
  'Calibration': 'Kalibrering',
  'No calibration runs are shipped (scenarios/targets/calibrations/ holds no folder with a fit.json).':
    'Det følger ingen kalibreringer med (scenarios/targets/calibrations/ har ingen mappe med en fit.json).',
  'converged': 'konvergerte',
  'stopped at the budget': 'stoppet ved budsjettet',
  'stopped ({0})': 'stoppet ({0})',
  ': {0} on {1}, 1 parameter ({2}), {3} evaluations of a budget of {4}, {5}. Each evaluation: {6}, common random numbers.':
    ': {0} på {1}, 1 parameter ({2}), {3} evalueringer av et budsjett på {4}, {5}. Hver evaluering: {6}, felles tilfeldige tall.',
  ': {0} on {1}, {2} parameters ({3}), {4} evaluations of a budget of {5}, {6}. Each evaluation: {7}, common random numbers.':
    ': {0} på {1}, {2} parametere ({3}), {4} evalueringer av et budsjett på {5}, {6}. Hver evaluering: {7}, felles tilfeldige tall.',
  'Distance: ': 'Avstand: ',
  ' at the scenario\'s own values, ': ' med scenariets egne verdier, ',
  ' at the calibrated point': ' i det kalibrerte punktet',
  ' (the best particle of the last population; its tolerance ε = {0})': ' (den beste partikkelen i den siste populasjonen; toleransen dens er ε = {0})',
  'Make it again (the files go to the folder after ': 'Lag den på nytt (filene havner i mappen etter ',
  ' runs it on N threads):': ' kjører den på N tråder):',
  // the search
  'For ABC the points are proposals, coloured by generation; a generation\'s points must come within its tolerance to be kept, so later generations lie lower.':
    'For ABC er punktene forslag, farget etter generasjon; punktene i en generasjon må komme innenfor toleransen dens for å bli beholdt, så senere generasjoner ligger lavere.',
  'For Nelder–Mead the shape says which step asked for the point; the line is the best distance so far.':
    'For Nelder–Mead viser formen hvilket steg som ba om punktet; linjen er den beste avstanden så langt.',
  'generation {0}': 'generasjon {0}',
  'Distance by evaluation: {0}': 'Avstand etter evaluering: {0}',
  '{0} evaluations': '{0} evalueringer',
  '; {0} gave no number and are left out': '; {0} ga ikke noe tall og er utelatt',
  '; log scale': '; logaritmisk skala',
  'Evaluation →': 'Evaluering →',
  '↑ Distance': '↑ Avstand',
  'calibrated: {0}': 'kalibrert: {0}',
  '{0}, iteration {1}': '{0}, iterasjon {1}',
  'evaluation {0} ({1})': 'evaluering {0} ({1})',
  'distance {0}': 'avstand {0}',
  'Plane': 'Plan',
  'start: the scenario\'s values': 'start: scenariets verdier',
  'calibrated': 'kalibrert',
  'The path of the search in the plane of {0} and {1}': 'Søkets vei i planet av {0} og {1}',
  'Every proposal, coloured by generation; the frame is the box of the ranges searched': 'Hvert forslag, farget etter generasjon; rammen er boksen av områdene som ble søkt i',
  'Every point tried, numbered in order; the line joins each new best point; the frame is the box of the ranges searched':
    'Hvert punkt som ble prøvd, nummerert i rekkefølge; linjen forbinder hvert nytt beste punkt; rammen er boksen av områdene som ble søkt i',
  'This run varied a single parameter: its path over the evaluations is below.': 'Denne kjøringen varierte én parameter: veien dens over evalueringene står nedenfor.',
  'Each parameter over the evaluations': 'Hver parameter over evalueringene',
  'start': 'start',
  'evaluation {0}: {1}, distance {2}': 'evaluering {0}: {1}, avstand {2}',
  // the parameters
  'The calibrated values against the start, in their ranges': 'De kalibrerte verdiene mot starten, i områdene sine',
  'Position in the range searched (0 = its low end, 1 = its high end) →': 'Plassering i området det ble søkt i (0 = nedre ende, 1 = øvre ende) →',
  'Grey: the range searched; orange square: the start (the scenario\'s own value); blue star: the calibrated value; blue band: the posterior\'s 95% interval.':
    'Grått: området det ble søkt i; oransje kvadrat: starten (scenariets egen verdi); blå stjerne: den kalibrerte verdien; blått bånd: posteriorfordelingens 95 %-intervall.',
  'Grey: the range searched; orange square: the start (the scenario\'s own value); blue star: the calibrated value.':
    'Grått: området det ble søkt i; oransje kvadrat: starten (scenariets egen verdi); blå stjerne: den kalibrerte verdien.',
  'Parameter': 'Parameter',
  'Range': 'Område',
  'Start': 'Start',
  'Calibrated': 'Kalibrert',
  'Posterior mean (sd)': 'Posterior-gjennomsnitt (sd)',
  '95% interval': '95 %-intervall',
  'Width of the prior\'s': 'Andel av priorens bredde',
  'The parameters of {0}': 'Parameterne i {0}',
  // every target at the calibrated point
  'Every target at the calibrated point': 'Hvert måltall i det kalibrerte punktet',
  '{0} of {1} fit targets and {2} of {3} held-out targets within their bands, at the calibration\'s size ({4}; the shipped fit above is at the scenario\'s own size).':
    '{0} av {1} måltall til kalibrering og {2} av {3} måltall holdt utenfor ligger innenfor spennene sine, med kalibreringens størrelse ({4}; den medfølgende tilpasningen ovenfor har scenariets egen størrelse).',
  'Fit target': 'Måltall til kalibrering',
  'Miss from the band’s centre, in half-widths': 'Avvik fra midten av spennet, i halve bredder',
  'Weight': 'Vekt',
  'Part of the distance': 'Del av avstanden',
  'The distance at the calibrated point, {0}, target by target: weight × (miss from the band\'s centre ÷ half-width)²':
    'Avstanden i det kalibrerte punktet, {0}, måltall for måltall: vekt × (avvik fra midten av spennet ÷ halv bredde)²',
  // the posterior
  'No ABC run is shipped: make one with `--method abc`.': 'Det følger ingen ABC-kjøring med: lag en med `--method abc`.',
  'From the run **{0}**: the {1} particles of the last complete population, each with its importance weight. The histograms weigh each particle by its weight; the dashed line is the uniform prior, the blue band the 95% interval (weighted quantiles). A histogram as flat as the prior says the targets do not tell that parameter\'s values apart.':
    'Fra kjøringen **{0}**: de {1} partiklene i den siste fullstendige populasjonen, hver med sin viktighetsvekt. Histogrammene vekter hver partikkel med vekten dens; den stiplede linjen er den uniforme priorfordelingen, det blå båndet 95 %-intervallet (vektede kvantiler). Et histogram like flatt som prioren sier at måltallene ikke skiller mellom verdiene til den parameteren.',
  'From the run **{0}** (the first ABC run shipped; pick an ABC run above to see another): the {1} particles of the last complete population, each with its importance weight. The histograms weigh each particle by its weight; the dashed line is the uniform prior, the blue band the 95% interval (weighted quantiles). A histogram as flat as the prior says the targets do not tell that parameter\'s values apart.':
    'Fra kjøringen **{0}** (den første medfølgende ABC-kjøringen; velg en ABC-kjøring ovenfor for å se en annen): de {1} partiklene i den siste fullstendige populasjonen, hver med sin viktighetsvekt. Histogrammene vekter hver partikkel med vekten dens; den stiplede linjen er den uniforme priorfordelingen, det blå båndet 95 %-intervallet (vektede kvantiler). Et histogram like flatt som prioren sier at måltallene ikke skiller mellom verdiene til den parameteren.',
  'mean {0}, 95% interval {1} – {2} ({3} of the prior\'s)': 'gjennomsnitt {0}, 95 %-intervall {1} – {2} ({3} av priorens)',
  '↑ Density': '↑ Tetthet',
  '{0} – {1}: {2} of the weight': '{0} – {1}: {2} av vekten',
  'Dashed: the uniform prior; light blue: the 95% interval; orange: the calibrated value (solid) and the start (dotted).':
    'Stiplet: den uniforme priorfordelingen; lyseblått: 95 %-intervallet; oransje: den kalibrerte verdien (heltrukket) og starten (prikket).',
  'The particles in the plane of {0} and {1}': 'Partiklene i planet av {0} og {1}',
  'Area by importance weight; the dashed box holds each parameter\'s 95% interval; the frame is the prior\'s box':
    'Arealet etter viktighetsvekt; den stiplede boksen rommer hver parameters 95 %-intervall; rammen er priorens boks',
  'particle {0} (generation {1})': 'partikkel {0} (generasjon {1})',
  'weight {0}, distance {1}': 'vekt {0}, avstand {1}',
  'The tolerance by generation': 'Toleransen etter generasjon',
  'Each generation keeps only proposals whose distance is at most ε; generation 0 keeps every draw from the prior (ε = ∞)':
    'Hver generasjon beholder bare forslag med en avstand på høyst ε; generasjon 0 beholder hver trekning fra prioren (ε = ∞)',
  'Generation →': 'Generasjon →',
  '↑ Tolerance ε (distance)': '↑ Toleranse ε (avstand)',
  'ε {0}; {1} kept': 'ε {0}; {1} beholdt',
  'Generation': 'Generasjon',
  'Tolerance ε': 'Toleranse ε',
  '∞ (the prior)': '∞ (prioren)',
  'Simulations': 'Simuleringer',
  'Kept': 'Beholdt',
  'Effective size': 'Effektiv størrelse',
  'The generations of {0}: {1} particles each; the posterior is the last (effective size {2}); stopped: {3}':
    'Generasjonene i {0}: {1} partikler hver; posteriorfordelingen er den siste (effektiv størrelse {2}); stoppet: {3}',
  // things to notice
  '`{0}` (published {1}, model {2})': '`{0}` (publisert {1}, modellen {2})',
  '**Held-out targets that miss in the shipped {0}**: {1}. Nothing was fitted to them, so a miss here says what the scenario does not reproduce: read the target\'s translation in the table above before reading it as a fault of the model.':
    '**Måltall holdt utenfor som bommer i det medfølgende scenariet {0}**: {1}. Ingenting ble tilpasset dem, så en bom her sier hva scenariet ikke gjenskaper: les måltallets oversettelse i tabellen ovenfor før du leser det som en feil ved modellen.',
  'Every held-out target of the shipped {0} lies within its band.': 'Hvert måltall holdt utenfor i det medfølgende scenariet {0} ligger innenfor spennet sitt.',
  '**Held-out targets that miss after the calibration {0}**: {1} ({2} of {3} within). Compare them with the shipped fit: a calibration that gains on the fit targets and loses on the held-out ones fits the targets rather than the mechanism.':
    '**Måltall holdt utenfor som bommer etter kalibreringen {0}**: {1} ({2} av {3} innenfor). Sammenlign med den medfølgende tilpasningen: en kalibrering som vinner på måltallene til kalibrering og taper på dem som er holdt utenfor, tilpasser seg måltallene heller enn mekanismen.',
  'After the calibration {0}, every held-out target lies within its band.': 'Etter kalibreringen {0} ligger hvert måltall holdt utenfor innenfor spennet sitt.',
  '**{0} stopped at its budget** of {1} evaluations before the simplex had shrunk: the calibrated point is the best found so far, not an optimum. Run it again with a larger `--budget` (the folder\'s journal makes the evaluations already done free).':
    '**Kalibreringen {0} stoppet ved budsjettet sitt** på {1} evalueringer før simplekset hadde krympet: det kalibrerte punktet er det beste som er funnet så langt, ikke et optimum. Kjør den igjen med et større `--budget` (journalen i mappen gjør at evalueringene som allerede er gjort, ikke koster noe).',
  '`{0}` (its 95% interval is {1} as wide as the prior\'s)': '`{0}` (95 %-intervallet er {1} så bredt som priorens)',
  '**Parameters the targets do not pin down** (in {0}): {1}. Their posterior is nearly as wide as the prior: values across the range fit the targets about equally well, so the calibrated value of such a parameter is one choice among many, and a result that depends on it depends on an assumption.':
    '**Parametere som måltallene ikke fastsetter** (i kjøringen {0}): {1}. Posteriorfordelingen deres er nesten like bred som prioren: verdier over hele området passer omtrent like godt til måltallene, så den kalibrerte verdien av en slik parameter er ett valg blant mange, og et resultat som avhenger av den, avhenger av en antakelse.',
  'In {0}, every parameter\'s 95% posterior interval is narrower than 70% of the prior\'s: the targets say something about each of them.':
    'I kjøringen {0} er hver parameters 95 %-posteriorintervall smalere enn 70 % av priorens: måltallene sier noe om hver av dem.',
  '**{0} has only {1} particles** (effective size {2}): its intervals are rough. More `--particles` and a larger `--budget` give a smoother posterior.':
    '**Kjøringen {0} har bare {1} partikler** (effektiv størrelse {2}): intervallene er grove. Flere `--particles` og et større `--budget` gir en jevnere posteriorfordeling.',
};

export const t = translator(NB);
