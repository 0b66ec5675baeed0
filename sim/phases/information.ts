import { F_SEARCHED_INFO } from '../agents.ts';
import {
  CH_CHANCE, CH_NGO, CH_PEERS, CH_WEBSITE, DISCOURAGED, EV_FOUND_INFO, EV_SEARCHED_IN_VAIN, P_INFO_CHANNEL,
  P_INFO_SEARCH, P_INFO_WHICH, UNEMPLOYED,
} from '../constants.ts';
import type { Model } from '../model-type.ts';
import { uniform } from '../rng.ts';
import { pickBit } from '../services.ts';

/** Factor on the weekly chance of searching for information, for a discouraged person (F2, F14). */
export const DISCOURAGED_INFO_SEARCH = 0.3;

/**
 * Phase 2, information search (F2, F10). A person who is out of work and in
 * no measure, and who knows of no service that fits them, may spend the week
 * searching. Channels are tried in one draw: the official website (needs
 * digital skills and language), peers (needs a network and a peer who knows),
 * an NGO, or chance. The advisor channel runs in the advisors phase. Every
 * week spent searching is counted (`weeksSearchingInfoPerPerson`) and leaves
 * less time and energy for job search that week (`behaviour.infoSearchCost`).
 */
export function information(m: Model): void {
  const a = m.agents;
  const b = m.scenario.behaviour;
  const K = a.peersPerAgent;
  const kSearch = m.keys.week[P_INFO_SEARCH];
  const kChannel = m.keys.week[P_INFO_CHANNEL];
  const kWhich = m.keys.week[P_INFO_WHICH];
  const week = m.week;
  a.knownPrev.set(a.known);
  for (let i = 0; i < m.n; i++) {
    const f = a.flags[i];
    if ((f & F_SEARCHED_INFO) !== 0) a.flags[i] = f & ~F_SEARCHED_INFO; // written only when it changes
    const st = a.state[i];
    if (st !== UNEMPLOYED && st !== DISCOURAGED) continue;
    const missing = a.fit[i] & ~a.known[i];
    if (missing === 0 || (a.known[i] & a.fit[i] & ~a.refused[i]) !== 0) continue; // nothing to find, or knows what to ask for
    const pSearch = st === DISCOURAGED ? b.infoSearch * DISCOURAGED_INFO_SEARCH : b.infoSearch;
    if (uniform(i, kSearch) >= pSearch) continue;
    a.infoWeeks[i]++;
    a.flags[i] |= F_SEARCHED_INFO;
    // what peers know that would fit me
    let peerKnows = 0;
    for (let k = 0; k < K; k++) peerKnows |= a.knownPrev[a.peers[i * K + k]];
    peerKnows &= missing;
    const pWeb = b.websiteSuccess * a.digital[i] * a.language[i];
    const pPeer = peerKnows !== 0 ? b.peerSuccess * a.network[i] : 0;
    const u = uniform(i, kChannel);
    let channel = -1;
    if (u < pWeb) channel = CH_WEBSITE;
    else if (u < pWeb + pPeer) channel = CH_PEERS;
    else if (u < pWeb + pPeer + b.ngoSuccess) channel = CH_NGO;
    else if (u < pWeb + pPeer + b.ngoSuccess + b.chanceSuccess) channel = CH_CHANCE;
    if (channel < 0) {
      if (i < m.tracked) m.events.add(i, week, EV_SEARCHED_IN_VAIN, 0, 0);
      continue;
    }
    const s = pickBit(channel === CH_PEERS ? peerKnows : missing, uniform(i, kWhich));
    a.known[i] |= 1 << s;
    if (channel !== CH_WEBSITE) a.knownInformal[i] |= 1 << s;
    if (i < m.tracked) m.events.add(i, week, EV_FOUND_INFO, s, channel);
  }
}
