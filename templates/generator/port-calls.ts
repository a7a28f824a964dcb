/**
 * Vessel port calls at Korean ports: each vessel sails a rotation from port-data.ts; only Korean calls are written
 * (grouped by vessel, in time order). Planted anomalies carry a Korean `anomaly_note` (ground truth).
 */
import { DAYS, isoDateTime } from './calendar.ts';
import { type CsvWriter, fixed, text } from './csv.ts';
import {
  FLAG_WEIGHTS,
  FLAGS,
  imoNumber,
  KR_PORTS,
  NAME_A,
  NAME_B,
  OFF_ROUTE,
  SANCTIONED,
  transitDays,
  VESSEL_TYPES,
} from './port-data.ts';
import { Rng } from './random.ts';
import type { World } from './world-types.ts';

interface Anomaly {
  note: string;
  dwell?: number;
  previous?: string;
}

function anomaly(rng: Rng, dwell: number): Anomaly {
  const kind = rng.int(4);
  if (kind === 0) {
    const k = rng.uniform(4, 8);
    return { note: `장기 체류: 통상 대비 ${k.toFixed(1)}배`, dwell: dwell * k };
  }
  if (kind === 1) {
    const [code, name] = rng.pick(SANCTIONED) as [string, string];
    return { note: `직전 기항지 제재 대상 항구(${name})`, previous: code };
  }
  if (kind === 2) return { note: '단시간 기항: 하역이 불가능한 체류(선박 간 환적 의심)', dwell: rng.uniform(1, 3) };
  return { note: '정기 항로 이탈: 비정기 기항지 경유', previous: rng.pick(OFF_ROUTE) };
}

export function writePortCalls(world: World, out: CsvWriter): void {
  const rng = Rng.derive(world.seed, 'port-calls');
  const target = Math.max(200, Math.round(world.rows * 0.1));
  const typeWeights = VESSEL_TYPES.map((t) => t.weight);
  let calls = 0;
  for (let v = 0; calls < target; v++) {
    const type = VESSEL_TYPES[rng.weighted(typeWeights)] ?? VESSEL_TYPES[0]!;
    const rotation = rng.pick(type.rotations);
    const imo = imoNumber(v);
    const name = `${rng.pick(NAME_A)} ${rng.pick(NAME_B)}${rng.chance(0.4) ? ` ${rng.between(1, 9)}` : ''}`;
    const flag = FLAGS[rng.weighted(FLAG_WEIGHTS)] ?? 'PA';
    const suspicious = rng.chance(0.02);
    let i = rng.int(rotation.length);
    let t = -rng.uniform(0, 30);
    while (t < DAYS && calls < target) {
      const port = rotation[i % rotation.length] as string;
      const prev = rotation[(i + rotation.length - 1) % rotation.length] as string;
      const next = rotation[(i + 1) % rotation.length] as string;
      let dwell = rng.uniform(type.dwell[0], type.dwell[1]);
      const korean = KR_PORTS[port];
      let planted: Anomaly | null = null;
      if (korean && t >= 0 && rng.chance(suspicious ? 0.3 : 0.01)) planted = anomaly(rng, dwell);
      if (planted?.dwell) dwell = planted.dwell;
      const departure = t + dwell / 24;
      if (korean && t >= 0) {
        calls++;
        const arr = isoDateTime(t);
        const dep = isoDateTime(departure);
        const minutes = Math.round(departure * 1440) - Math.round(t * 1440);
        out.write([
          `PC${String(calls).padStart(8, '0')}`,
          imo,
          name,
          type.ko,
          flag,
          port,
          korean,
          arr,
          dep,
          planted?.previous ?? prev,
          next,
          fixed(minutes / 60, 1),
          text(planted?.note ?? null),
        ]);
      }
      t = departure + transitDays(port, next) * rng.uniform(0.9, 1.2) + (rng.chance(0.1) ? rng.uniform(0.5, 3) : 0);
      i++;
    }
  }
}
