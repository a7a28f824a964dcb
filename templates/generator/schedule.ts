/**
 * When declarations happen: rows per day (weekday, season, trend) plus the planted event spikes, and the lane
 * samplers (all lanes, and per event the lanes of its HS6).
 */
import { DAYS, monthIndex, weekday } from './calendar.ts';
import { EVENTS, type IssueEvent, spikeMonth } from './events.ts';
import { AliasTable, type Rng } from './random.ts';
import type { Lane } from './world-types.ts';

export interface Spike {
  event: IssueEvent;
  lanes: Lane[];
  table: AliasTable;
  /** Extra rows on a spike day as a share of that day's ordinary volume. */
  share: number;
}

export interface Schedule {
  counts: Int32Array;
  spikesByDay: Spike[][];
}

const WEEKDAY = [0.08, 1, 1, 1, 1, 1, 0.15];

/** Minimum HS6 share used for spike sizing, so tiny HS6s still get a visible spike. */
const MIN_SHARE = 0.004;

export function buildSchedule(rows: number, lanes: Lane[]): Schedule {
  const total = lanes.reduce((a, l) => a + l.weight, 0);
  const spikes: Spike[] = [];
  for (const event of EVENTS) {
    const own = lanes.filter((l) => l.hs.hs6 === event.hs6);
    if (own.length === 0) continue;
    const share = own.reduce((a, l) => a + l.weight, 0) / total;
    const table = new AliasTable(own.map((l) => l.weight));
    spikes.push({ event, lanes: own, table, share: (event.multiplier - 1) * Math.max(share, MIN_SHARE) });
  }
  const spikesByDay: Spike[][] = [];
  const weights = new Float64Array(DAYS);
  let sum = 0;
  for (let d = 0; d < DAYS; d++) {
    const m = monthIndex(d);
    const todays = spikes.filter((s) => spikeMonth(s.event) === m);
    spikesByDay.push(todays);
    const boost = todays.reduce((a, s) => a + s.share, 0);
    const season = 1 + 0.08 * Math.sin((2 * Math.PI * ((m % 12) - 2)) / 12);
    const w = (WEEKDAY[weekday(d)] ?? 1) * season * (1 + (0.06 * d) / 365) * (1 + boost);
    weights[d] = w;
    sum += w;
  }
  const counts = new Int32Array(DAYS);
  let acc = 0;
  let given = 0;
  for (let d = 0; d < DAYS; d++) {
    acc += weights[d] as number;
    const upto = Math.round((rows * acc) / sum);
    counts[d] = upto - given;
    given = upto;
  }
  return { counts, spikesByDay };
}

/** Picks the lane of one declaration on day `day`: a spike lane with the spike's share, else any active lane. */
export function laneSampler(lanes: Lane[], schedule: Schedule): (rng: Rng, day: number) => [Lane, Spike | null] {
  const all = new AliasTable(lanes.map((l) => l.weight));
  const boosts = schedule.spikesByDay.map((todays) => todays.reduce((a, s) => a + s.share, 0));
  return (rng, day) => {
    const todays = schedule.spikesByDay[day] ?? [];
    if (todays.length > 0) {
      const boost = boosts[day] ?? 0;
      let r = rng.next() * (1 + boost) - 1;
      for (const s of todays) {
        if (r >= 0 && r < s.share) return [s.lanes[s.table.draw(rng)] as Lane, s];
        r -= s.share;
      }
    }
    let lane = lanes[all.draw(rng)] as Lane;
    for (let k = 0; k < 20 && (day < lane.startDay || day >= lane.endDay); k++) lane = lanes[all.draw(rng)] as Lane;
    return [lane, null];
  };
}
