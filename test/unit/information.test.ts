import { describe, expect, it } from 'vitest';
import { F_SEARCHED_INFO } from '../../sim/agents.ts';
import {
  CH_CHANCE, CH_NGO, CH_PEERS, CH_WEBSITE, DISCOURAGED, EMPLOYED, EV_FOUND_INFO, EV_SEARCHED_IN_VAIN, P_INFO_CHANNEL,
  P_INFO_SEARCH, P_INFO_WHICH, SHORT_SERVICE,
} from '../../sim/constants.ts';
import type { Model } from '../../sim/model.ts';
import { information } from '../../sim/phases/information.ts';
import { uniform } from '../../sim/rng.ts';
import { pickBit } from '../../sim/services.ts';
import { bit, eventsOf, makeModel, S, setWeek, type BehaviourInput } from '../helpers.ts';

const NO_CHANNELS = { websiteSuccess: 0, peerSuccess: 0, ngoSuccess: 0, chanceSuccess: 0 };
const model = (b: Partial<BehaviourInput>) =>
  makeModel({ agents: 6, personas: 6, behaviour: { infoSearch: 1, ...NO_CHANNELS, peersPerPerson: 2, ...b } });
const which = (m: Model, i: number, mask: number) => pickBit(mask, uniform(i, m.keys.week[P_INFO_WHICH]));
const FIT = bit(S.jobSearch) | bit(S.office) | bit(S.placement);

describe('information phase', () => {
  it('website: finds one missing fitting service, formally; counts the week; skips those who need not search', () => {
    const m = model({ websiteSuccess: 1 });
    const a = m.agents;
    for (let i = 0; i < 6; i++) a.fit[i] = FIT;
    // 0: knows nothing. 1: no digital skills, so the website fails. 2: knows a fitting service it may ask for.
    // 3: knows one, but was refused it. 4: in work. 5: in a service.
    a.digital[1] = 0;
    a.known[2] = bit(S.office);
    a.known[3] = bit(S.office); a.refused[3] = bit(S.office);
    a.state[4] = EMPLOYED;
    a.state[5] = SHORT_SERVICE; a.service[5] = S.jobSearch;
    setWeek(m, 3);
    information(m);

    const s0 = which(m, 0, FIT);
    expect(FIT & bit(s0)).not.toBe(0);
    expect(a.known[0]).toBe(bit(s0));
    expect(a.knownInformal[0]).toBe(0);
    expect(eventsOf(m, 0)).toEqual([[EV_FOUND_INFO, s0, CH_WEBSITE]]);

    expect(a.known[1]).toBe(0);
    expect(eventsOf(m, 1)).toEqual([[EV_SEARCHED_IN_VAIN, 0, 0]]);

    const s3 = which(m, 3, FIT & ~bit(S.office));
    expect(a.known[3]).toBe(bit(S.office) | bit(s3));

    expect(Array.from(a.infoWeeks)).toEqual([1, 1, 0, 1, 0, 0]);
    expect(Array.from(a.flags, (f) => (f & F_SEARCHED_INFO) !== 0)).toEqual([true, true, false, true, false, false]);
    expect(a.known[2]).toBe(bit(S.office));
    expect(a.known[4]).toBe(0);
    expect(a.known[5]).toBe(0);
    expect(Array.from(a.knownInformal)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('the searched-this-week flag is cleared the next week', () => {
    const m = model({ websiteSuccess: 1 });
    const a = m.agents;
    a.fit[0] = FIT;
    information(m);
    expect(a.flags[0] & F_SEARCHED_INFO).toBe(F_SEARCHED_INFO);
    a.known[0] = FIT; // nothing left to find
    setWeek(m, 1);
    information(m);
    expect(a.flags[0] & F_SEARCHED_INFO).toBe(0);
    expect(a.infoWeeks[0]).toBe(1);
  });

  it('peers: pass on a fitting service they know, which is marked as learnt informally', () => {
    const m = model({ peerSuccess: 1 });
    const a = m.agents;
    a.network.fill(1);
    a.fit[0] = FIT; a.peers[0] = 1; a.peers[1] = 1; // agent 0's peers: agent 1 (twice)
    a.state[1] = EMPLOYED; a.known[1] = bit(S.office) | bit(S.vocational); // only the office course fits agent 0
    a.fit[2] = FIT; a.peers[4] = 3; a.peers[5] = 3; // agent 2's peer, agent 3, knows nothing
    a.state[3] = EMPLOYED;
    information(m);
    expect(a.known[0]).toBe(bit(S.office));
    expect(a.knownInformal[0]).toBe(bit(S.office));
    expect(eventsOf(m, 0)).toEqual([[EV_FOUND_INFO, S.office, CH_PEERS]]);
    expect(a.known[2]).toBe(0);
    expect(eventsOf(m, 2)).toEqual([[EV_SEARCHED_IN_VAIN, 0, 0]]);
  });

  it('peers pass on only what they knew last week (no order effects within a week)', () => {
    const m = model({ peerSuccess: 1, chanceSuccess: 1 });
    const a = m.agents;
    a.network.fill(1);
    // agent 0 learns of the office course by chance this week; agent 1, whose peer is agent 0, must not hear of it yet
    a.fit[0] = bit(S.office);
    a.fit[1] = bit(S.office); a.peers[2] = 0; a.peers[3] = 0;
    a.network[1] = 1;
    information(m);
    expect(a.known[0]).toBe(bit(S.office));
    expect(eventsOf(m, 1)).toEqual([[EV_FOUND_INFO, S.office, CH_CHANCE]]); // by chance (its own draw), not from the peer
    const m2 = model({ peerSuccess: 1 });
    const b = m2.agents;
    b.network.fill(1);
    b.fit[1] = bit(S.office); b.peers[2] = 0; b.peers[3] = 0;
    b.known[0] = bit(S.office); b.state[0] = EMPLOYED; // known before the week starts
    information(m2);
    expect(eventsOf(m2, 1)).toEqual([[EV_FOUND_INFO, S.office, CH_PEERS]]);
  });

  it('NGO and chance channels find a missing service and mark it informal', () => {
    for (const [b, ch] of [[{ ngoSuccess: 1 }, CH_NGO], [{ chanceSuccess: 1 }, CH_CHANCE]] as const) {
      const m = model(b);
      const a = m.agents;
      a.fit[0] = FIT; a.known[0] = bit(S.jobSearch); a.refused[0] = bit(S.jobSearch);
      setWeek(m, 5);
      information(m);
      const s = which(m, 0, FIT & ~bit(S.jobSearch));
      expect(a.known[0]).toBe(bit(S.jobSearch) | bit(s));
      expect(a.knownInformal[0]).toBe(bit(s));
      expect(eventsOf(m, 0)).toEqual([[EV_FOUND_INFO, s, ch]]);
      expect(a.infoWeeks[0]).toBe(1);
    }
  });

  it('channel thresholds stack in order website, peers, NGO, chance; weight of website is digital × language', () => {
    const b = { websiteSuccess: 0.5, peerSuccess: 0.5, ngoSuccess: 0.125, chanceSuccess: 0.125 };
    const m = model(b);
    const a = m.agents;
    const seen = new Set<number>();
    for (let w = 0; w < 40; w++) {
      setWeek(m, w);
      for (let i = 0; i < 6; i++) {
        a.known[i] = 0; a.knownInformal[i] = 0; a.fit[i] = FIT;
        a.digital[i] = 0.5; a.language[i] = 0.75; a.network[i] = 0.5;
        a.peers[2 * i] = (i + 1) % 6; a.peers[2 * i + 1] = (i + 1) % 6;
      }
      a.known[3] = bit(S.placement); // agent 2's peer knows the placement; agent 3 itself does not search
      for (const r of m.events.records) r.length = 0;
      information(m);
      for (let i = 0; i < 6; i++) {
        if (i === 3) continue;
        const u = uniform(i, m.keys.week[P_INFO_CHANNEL]);
        const pWeb = 0.5 * 0.5 * 0.75;
        const pPeer = i === 2 ? 0.5 * 0.5 : 0;
        const expected = u < pWeb ? CH_WEBSITE : u < pWeb + pPeer ? CH_PEERS : u < pWeb + pPeer + 0.125 ? CH_NGO
          : u < pWeb + pPeer + 0.25 ? CH_CHANCE : -1;
        const ev = eventsOf(m, i);
        if (expected < 0) expect(ev).toEqual([[EV_SEARCHED_IN_VAIN, 0, 0]]);
        else {
          const s = expected === CH_PEERS ? S.placement : which(m, i, FIT);
          expect(ev).toEqual([[EV_FOUND_INFO, s, expected]]);
          expect(a.knownInformal[i]).toBe(expected === CH_WEBSITE ? 0 : bit(s));
          seen.add(expected);
        }
      }
    }
    expect([...seen].sort()).toEqual([CH_WEBSITE, CH_PEERS, CH_NGO, CH_CHANCE]);
  });

  it('searching is a weekly chance, cut to 0.3 of it when discouraged; every search week is counted', () => {
    const m = model({ infoSearch: 0.5 });
    const a = m.agents;
    for (let i = 0; i < 6; i++) { a.fit[i] = FIT; if (i < 3) a.state[i] = DISCOURAGED; }
    const expected = new Array(6).fill(0);
    for (let w = 0; w < 60; w++) {
      setWeek(m, w);
      information(m);
      for (let i = 0; i < 6; i++) if (uniform(i, m.keys.week[P_INFO_SEARCH]) < (i < 3 ? 0.15 : 0.5)) expected[i]++;
    }
    expect(Array.from(a.infoWeeks)).toEqual(expected);
    const discouraged = expected[0] + expected[1] + expected[2], searching = expected[3] + expected[4] + expected[5];
    expect(discouraged).toBeLessThan(searching);
    expect(Array.from(a.known)).toEqual([0, 0, 0, 0, 0, 0]); // every channel is closed
  });
});
