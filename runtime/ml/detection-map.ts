import { iou } from './detection-decode.ts';

/** A box of one image, for scoring detections against the ground truth. */
export interface ScoredBox {
  image: string;
  cls: string;
  score: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface ClassAp {
  cls: string;
  /** Ground-truth boxes of the class. */
  truth: number;
  detections: number;
  /** Detections matched to a ground-truth box at IoU ≥ the threshold. */
  truePositives: number;
  ap: number;
}

/**
 * Average precision per class (PASCAL VOC 2010+, all-point interpolation): detections sorted by score, each
 * matched greedily to the unmatched ground-truth box of its image and class with the highest IoU ≥
 * `iouThreshold`; AP is the area under the precision–recall curve made monotone from the right.
 */
export function averagePrecision(
  detections: readonly ScoredBox[],
  truth: readonly Omit<ScoredBox, 'score'>[],
  classes: readonly string[],
  iouThreshold = 0.5,
): ClassAp[] {
  return classes.map((cls) => {
    const gt = truth.filter((t) => t.cls === cls);
    const byImage = new Map<string, { box: Omit<ScoredBox, 'score'>; used: boolean }[]>();
    for (const g of gt) {
      const list = byImage.get(g.image) ?? [];
      list.push({ box: g, used: false });
      byImage.set(g.image, list);
    }
    const dets = detections.filter((d) => d.cls === cls).sort((a, b) => b.score - a.score);
    const hits = dets.map((d) => {
      let best: { box: Omit<ScoredBox, 'score'>; used: boolean } | undefined;
      let bestIou = iouThreshold;
      for (const g of byImage.get(d.image) ?? []) {
        const o = iou(d, g.box);
        if (!g.used && o >= bestIou) {
          best = g;
          bestIou = o;
        }
      }
      if (best) best.used = true;
      return best !== undefined;
    });
    const precision: number[] = [];
    const recall: number[] = [];
    let tp = 0;
    hits.forEach((hit, i) => {
      if (hit) tp++;
      precision.push(tp / (i + 1));
      recall.push(gt.length ? tp / gt.length : 0);
    });
    let ap = 0;
    for (let i = precision.length - 2; i >= 0; i--) precision[i] = Math.max(precision[i]!, precision[i + 1]!);
    let prev = 0;
    for (let i = 0; i < recall.length; i++) {
      ap += (recall[i]! - prev) * precision[i]!;
      prev = recall[i]!;
    }
    return { cls, truth: gt.length, detections: dets.length, truePositives: tp, ap: gt.length ? ap : 0 };
  });
}
