import type { Flow } from './flow-data.ts';

/**
 * Where Korea's customs offices sit, [lon, lat], so the office stage can be drawn on a map of Korea. Keyed by the
 * Korean name the declarations carry; a name not listed here is counted as "no map position" rather than guessed.
 */
const OFFICES: Record<string, [number, number]> = {
  서울세관: [127.03, 37.52],
  인천세관: [126.62, 37.47],
  인천공항세관: [126.44, 37.46],
  김포공항세관: [126.8, 37.56],
  부산세관: [129.04, 35.1],
  김해공항세관: [128.94, 35.18],
  용당세관: [129.1, 35.11],
  양산세관: [129.04, 35.34],
  평택세관: [126.83, 36.97],
  광양세관: [127.7, 34.91],
  여수세관: [127.74, 34.74],
  울산세관: [129.38, 35.5],
  포항세관: [129.37, 36.03],
  대구세관: [128.6, 35.87],
  구미세관: [128.34, 36.12],
  광주세관: [126.85, 35.16],
  목포세관: [126.39, 34.79],
  군산세관: [126.71, 35.97],
  대전세관: [127.38, 36.35],
  청주세관: [127.49, 36.64],
  천안세관: [127.15, 36.81],
  창원세관: [128.68, 35.23],
  마산세관: [128.57, 35.2],
  통영세관: [128.43, 34.85],
  제주세관: [126.53, 33.51],
  동해세관: [129.11, 37.52],
  속초세관: [128.59, 38.2],
  안양세관: [126.95, 37.39],
  안산세관: [126.83, 37.32],
  성남세관: [127.13, 37.42],
  파주세관: [126.78, 37.76],
  의정부세관: [127.05, 37.74],
  부평세관: [126.72, 37.49],
};

export interface OfficePoint {
  office: string;
  at: [number, number];
  weight: number;
  rows: number;
  flaggedRows: number;
}

/**
 * What entered each customs office (the flows of the stage before it, so an office is counted once whatever the
 * stages after it), split into the offices the map can place and the share it cannot.
 */
export function officePoints(flows: Flow[]): { points: OfficePoint[]; unplaced: number; total: number } {
  const into = new Map<string, OfficePoint>();
  let total = 0;
  let unplaced = 0;
  for (const f of flows) {
    if (f.targetStage !== 'office') continue;
    total += f.weight;
    const at = OFFICES[f.target];
    if (!at) {
      unplaced += f.weight;
      continue;
    }
    const p = into.get(f.target) ?? { office: f.target, at, weight: 0, rows: 0, flaggedRows: 0 };
    p.weight += f.weight;
    p.rows += f.rows;
    p.flaggedRows += f.flaggedRows ?? 0;
    into.set(f.target, p);
  }
  return { points: [...into.values()].sort((a, b) => b.weight - a.weight), unplaced, total };
}
