/**
 * Arriving travellers (one row per entry), day by day, in companion groups. Planted: smuggling groups (members
 * violate together, so a companion's violation raises one's own rate) and frequent couriers (보따리상).
 */
import { DAYS, isoDate, monthIndex } from './calendar.ts';
import { bool, type CsvWriter, fixed, text } from './csv.ts';
import { parseWeights } from './geo.ts';
import { foreignPersonName, koreanPersonName } from './names.ts';
import { Rng } from './random.ts';
import { AIRPORTS, declaredItems, flightNo, NATIONALITIES, passportNo } from './traveller-data.ts';
import type { World } from './world-types.ts';

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const GROUP_SIZES = [55, 25, 10, 6, 4];

export function writeTravellers(world: World, out: CsvWriter): void {
  const rng = Rng.derive(world.seed, 'travellers');
  const total = Math.max(200, Math.round(world.rows * 0.25));
  const couriers = Math.max(5, Math.round(total * 0.004));
  const nationality = new Uint8Array(couriers + total + 1);
  for (let i = 0; i < couriers; i++) nationality[i] = rng.chance(0.7) ? 1 : 0; // CN or KR
  let nextPerson = couriers;
  let entry = 0;
  let groupSeq = 0;
  const airportWeights = AIRPORTS.map((a) => a.weight);
  const dayWeights = Array.from({ length: DAYS }, (_, d) => ([0, 6, 7].includes(monthIndex(d) % 12) ? 1.3 : 1));
  const weightSum = dayWeights.reduce((a, b) => a + b, 0);
  let acc = 0;
  for (let d = 0; d < DAYS; d++) {
    acc += dayWeights[d] as number;
    const quota = Math.round((total * acc) / weightSum);
    while (entry < quota) {
      const airport = AIRPORTS[rng.weighted(airportWeights)] ?? AIRPORTS[0]!;
      const carrier = rng.pick(airport.carriers);
      const flight = flightNo(carrier, airport.code, rng.int(2));
      const size = Math.min(quota - entry, 1 + rng.weighted(GROUP_SIZES));
      const groupId = size > 1 ? `G${String(++groupSeq).padStart(8, '0')}` : null;
      const nat = parseWeights(airport.nationals);
      const leadNat = NATIONALITIES.indexOf(nat.codes[rng.weighted(nat.weights)] as 'KR');
      const members: { person: number; courier: boolean }[] = [];
      for (let k = 0; k < size; k++) {
        if (rng.chance(0.05)) members.push({ person: rng.int(couriers), courier: true });
        else if (nextPerson > couriers + 50 && rng.chance(0.08))
          members.push({ person: couriers + rng.int(nextPerson - couriers), courier: false });
        else {
          nationality[nextPerson] = k === 0 || rng.chance(0.9) ? leadNat : rng.int(NATIONALITIES.length);
          members.push({ person: nextPerson++, courier: false });
        }
      }
      const hasCourier = members.some((m) => m.courier);
      const smuggling = rng.chance(hasCourier ? 0.3 : size > 1 ? 0.05 : 0.01);
      const carried = members.map(
        (m) => rng.logNormal(m.courier ? 1500 : 250, m.courier ? 0.6 : 1.1) * (smuggling ? 3 : 1),
      );
      const declares = carried.map((v) => rng.chance(v > 800 ? 0.5 : 0.08));
      const anyOver = carried.some((v, i) => v > 800 && !declares[i]);
      const pGroup =
        0.04 + 0.96 * sigmoid(-3.2 + 0.8 * airport.risk + 0.7 * Number(hasCourier) + 0.6 * Number(anyOver));
      const groupChecked = rng.chance(pGroup);
      members.forEach((m, i) => {
        const v = carried[i] as number;
        const undeclaredOver = v > 800 && !declares[i];
        const logit =
          -4.2 + 1.5 * Number(undeclaredOver) + airport.risk + 1.2 * Number(m.courier) + 3.8 * Number(smuggling);
        const violated = rng.chance(sigmoid(logit));
        const inspected = groupChecked ? rng.chance(0.9) : rng.chance(0.03);
        const natCode = NATIONALITIES[nationality[m.person] ?? 0] ?? 'KR';
        const p = Rng.derive(world.seed, `person${m.person}`);
        const planted = [smuggling ? 'smuggling_group' : '', m.courier ? 'frequent_courier' : ''].filter(Boolean);
        out.write([
          `EN${String(++entry).padStart(9, '0')}`,
          `T${String(m.person + 1).padStart(8, '0')}`,
          text(natCode === 'KR' ? koreanPersonName(p) : foreignPersonName(p, natCode)),
          natCode,
          m.courier ? 1960 + p.int(25) : 1945 + p.int(62),
          passportNo(natCode, m.person),
          isoDate(d),
          flight,
          airport.code,
          text(declares[i] ? declaredItems(rng) : ''),
          fixed(v, 2),
          groupId,
          bool(inspected),
          inspected ? Number(violated) : null,
          planted.length > 0 ? planted.join(';') : null,
        ]);
      });
    }
  }
}
