/**
 * `npm run train:hs`: trains the hierarchical HS classifier of `model.hs_code` (nodes/model/_hs-classifier.ts) and
 * writes nodes/model/_hs-data/hs-classifier.json. Deterministic (seeded shuffles and samples).
 *
 * Training data, all shipped with the project or in ../shared/data, never the 20 rulings:
 *  - the nomenclature (nodes/model/_hs-data/hs-nomenclature.json): per tariff line, its Korean name + Korean parent
 *    path, its name + English texts (line, subheading, heading), the English texts alone, and two recombinations
 *    (a random half of the words of all these, plus a few words of another line as noise, which teaches that a
 *    description carries words that say nothing of its heading); per heading, its Korean and English heading text;
 *  - only with HS_TRAIN_GLOSSARY=1 (tried, not shipped: bench/RESULTS.md, hs-code, seventh round): the glossary of
 *    declared names (nodes/model/_hs-data/glossary, _hs-glossary.ts), each name alone and a few random pairs;
 *  - (item, HSK code) pairs mined from the 346 court judgments (../shared/data/customs-court-cases-ko): a quoted
 *    item name directly followed by a full HSK code, e.g. ‘냉동마늘’(HSK 0710.80-2000호 …).
 *  The synthetic declarations (../shared/data/kcs-synthetic-declarations) carry no item names (HS code only): unused.
 *
 * Two learners on the same hashed char 2–4-gram features, both as chapter then heading-within-chapter:
 * softmax regression (SGD) and complement naive Bayes; the one with the better top-1 heading accuracy on
 * bench/data/hs-dev-items.csv (the tuning set) ships. bench/data/hs-dev-items-2.csv is reported, not used to choose.
 *
 *   npm run train:hs                       (HS_KIND=softmax: one learner only; HS_TRAIN_OUT=file: write elsewhere)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  FEATURE_BITS,
  type Features,
  HsClassifier,
  type HsClassifierAsset,
  hashedFeatures,
  type PackedLinear,
} from '../nodes/model/_hs-classifier.ts';
import type { HsNomenclature } from '../nodes/model/_hs-code-model.ts';
import { type HsGlossary, loadGlossary } from '../nodes/model/_hs-glossary.ts';
import { rng } from '../runtime/ml/rng.ts';
import { parseCsv } from './csv.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const SHARED = path.resolve(ROOT, '../shared/data');
const DIM = 1 << FEATURE_BITS;
const SEED = 17;
/** Strongest weights kept per class (size of the shipped file: ~4 bytes each, base64). */
const KEEP = { chapter: 2500, heading: 300 };
const EPOCHS = 3;

interface Example {
  text: string;
  hs4: string;
}

/** (quoted item name, HSK code) pairs stated in the court judgments: ‘X’(… HSK 0710.80-2000호 …) or ‘X’를 HSK …호로. */
export function minedCourtPairs(file: string): Example[] {
  if (!existsSync(file)) return [];
  const cases = JSON.parse(readFileSync(file, 'utf8')) as Array<Record<string, string>>;
  const code = String.raw`HSK?\s*제?\s*(\d{4})[.\s]?(\d{2})[.\-\s]?(\d{4})`;
  const patterns = [
    new RegExp(String.raw`[‘'“"]([^’'”"\n]{2,40})[’'”"]\s*[(（]\s*(?:세번부호\s*)?${code}`, 'gu'),
    new RegExp(String.raw`[‘'“"]([^’'”"\n]{2,40})[’'”"]\s*[을를]\s*${code}호로\s*분류`, 'gu'),
    new RegExp(String.raw`([가-힣A-Za-z]{2,12})\s*[(（]\s*${code}`, 'gu'),
  ];
  const seen = new Set<string>();
  const out: Example[] = [];
  for (const c of cases) {
    const reasons = c.판결이유 ?? '';
    for (const re of patterns)
      for (const m of reasons.matchAll(re)) {
        const name = m[1]!.replace(/이하|이 사건/gu, '').trim();
        const hs4 = m[2]!;
        // "물품" (the goods) and a word glued to 호 (a heading number read as a name) name nothing
        if (name.length < 2 || /^(세번부호|품목번호|HSK|관세율|물품)$|호$/u.test(name)) continue;
        const key = `${name}|${hs4}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ text: name, hs4 });
      }
  }
  return out;
}

function nomenclatureExamples(n: HsNomenclature, random: () => number): Example[] {
  const out: Example[] = [];
  const en = (c: string) => n.english[c] ?? '';
  const headingText = new Map<string, string>();
  const wordsOf = (s: string) => s.split(/\s+/u).filter((w) => w.length > 0);
  for (const [hs10, name, p, nameEn] of n.lines) {
    const hs4 = hs10.slice(0, 4);
    const pathKo = n.paths[p] ?? '';
    if (!headingText.has(hs4)) headingText.set(hs4, pathKo.split(' > ')[0] ?? '');
    const english = `${nameEn} ${en(hs10.slice(0, 6))} ${en(hs4)}`;
    out.push({ text: `${pathKo} ${name}`, hs4 });
    out.push({ text: `${name} ${english}`, hs4 });
    out.push({ text: english, hs4 });
    const pool = wordsOf(`${pathKo} ${name} ${english}`);
    for (let r = 0; r < 2; r++) {
      const kept = pool.filter(() => random() < 0.5);
      const other = n.lines[Math.floor(random() * n.lines.length)]!;
      const noise = wordsOf(`${other[1]} ${n.paths[other[2]] ?? ''}`).filter(() => random() < 0.2);
      if (kept.length > 0) out.push({ text: [...kept, ...noise].join(' '), hs4 });
    }
  }
  for (const [hs4, text] of headingText) out.push({ text: `${text} ${en(hs4)}`, hs4 });
  return out;
}

interface Encoded {
  x: Features;
  chapter: number;
  heading: number;
}

/**
 * Softmax regression by SGD. Weights are kept feature-major while training (one feature's classes side by side: a
 * query's few hundred features touch few cache lines) and returned class-major, as `pack` reads them.
 */
function trainSoftmax(
  data: Encoded[],
  label: (e: Encoded) => number,
  classCount: number,
  featureOf: (id: number) => number,
  featureCount: number,
  random: () => number,
): { w: Float32Array; b: Float64Array } {
  const C = classCount;
  const wf = new Float32Array(C * featureCount);
  const b = new Float64Array(C);
  const s = new Float64Array(C);
  const order = data.map((_, i) => i);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const lr = 0.5 / (1 + epoch);
    if (C > 90) console.log(`  epoch ${epoch + 1}/${EPOCHS}`);
    for (const at of order) {
      const e = data[at]!;
      const y = label(e);
      const local = Array.from(e.x.ids, featureOf);
      s.set(b);
      for (let k = 0; k < local.length; k++) {
        const base = local[k]! * C;
        const v = e.x.values[k]!;
        for (let c = 0; c < C; c++) s[c] = s[c]! + wf[base + c]! * v;
      }
      let max = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < C; c++) if (s[c]! > max) max = s[c]!;
      let total = 0;
      for (let c = 0; c < C; c++) {
        s[c] = Math.exp(s[c]! - max);
        total += s[c]!;
      }
      for (let c = 0; c < C; c++) {
        s[c] = lr * (s[c]! / total - (c === y ? 1 : 0));
        b[c] = b[c]! - s[c]!;
      }
      for (let k = 0; k < local.length; k++) {
        const base = local[k]! * C;
        const v = e.x.values[k]!;
        for (let c = 0; c < C; c++) wf[base + c] = wf[base + c]! - s[c]! * v;
      }
    }
  }
  const w = new Float32Array(C * featureCount);
  for (let f = 0; f < featureCount; f++) for (let c = 0; c < C; c++) w[c * featureCount + f] = wf[f * C + c]!;
  return { w, b };
}

/** Complement naive Bayes weights (class-major, minus the class-independent part so that they are sparse-ish). */
function trainComplementNb(
  data: Encoded[],
  label: (e: Encoded) => number,
  classCount: number,
  featureOf: (id: number) => number,
  featureCount: number,
): { w: Float32Array; b: Float64Array } {
  // smoothing: 0.02 chosen on the dev set, fused (0.005, 0.1 and 1 tried: see bench/RESULTS.md, hs-code)
  const alpha = Number(process.env.HS_ALPHA ?? 0.02);
  const perClass = new Float64Array(classCount * featureCount);
  const all = new Float64Array(featureCount);
  const classTotal = new Float64Array(classCount);
  let total = 0;
  for (const e of data) {
    const c = label(e);
    e.x.ids.forEach((id, k) => {
      const f = featureOf(id);
      const v = e.x.values[k]!;
      perClass[c * featureCount + f] = perClass[c * featureCount + f]! + v;
      all[f] = all[f]! + v;
      classTotal[c] = classTotal[c]! + v;
      total += v;
    });
  }
  const w = new Float32Array(classCount * featureCount);
  for (let c = 0; c < classCount; c++) {
    const denomComp = Math.log(alpha * featureCount + total - classTotal[c]!);
    const denomAll = Math.log(alpha * featureCount + total);
    for (let f = 0; f < featureCount; f++) {
      if (all[f] === 0) continue; // an n-gram never seen says nothing
      // score_c = −Σ x_f log θ̃(f | not c); minus the same for all classes, −log θ(f), which cancels in a softmax
      const comp = Math.log(alpha + all[f]! - perClass[c * featureCount + f]!) - denomComp;
      const overall = Math.log(alpha + all[f]!) - denomAll;
      w[c * featureCount + f] = overall - comp;
    }
  }
  return { w, b: new Float64Array(classCount) };
}

/** Keeps each class's `keep` strongest weights, quantised to int8 with one scale per class, packed (see asset). */
function pack(
  w: Float32Array,
  b: Float64Array,
  classes: number[],
  featureCount: number,
  globalId: (f: number) => number,
  keep: number,
  into: { counts: number[]; scales: number[]; bias: number[]; words: number[] },
  temperature = 1,
) {
  classes.forEach((cls, c) => {
    const base = c * featureCount;
    const nonzero: number[] = [];
    for (let f = 0; f < featureCount; f++) if (w[base + f] !== 0) nonzero.push(f);
    const mags = Float64Array.from(nonzero, (f) => Math.abs(w[base + f]!)).sort();
    const cut = mags.length > keep ? mags[mags.length - keep]! : 0;
    const idx = nonzero.filter((f) => Math.abs(w[base + f]!) >= cut).slice(0, keep);
    const max = idx.reduce((m, f) => Math.max(m, Math.abs(w[base + f]!)), 0) * temperature;
    const scale = max > 0 ? max / 127 : 1;
    let n = 0;
    for (const f of idx.sort((p, q) => globalId(p) - globalId(q))) {
      const q = Math.round((w[base + f]! * temperature) / scale);
      if (q === 0) continue;
      into.words.push(globalId(f) * 256 + (q + 128));
      n++;
    }
    into.counts[cls] = n;
    into.scales[cls] = scale;
    into.bias[cls] = b[c]! * temperature;
  });
}

function toPacked(into: { counts: number[]; scales: number[]; bias: number[]; words: number[] }): PackedLinear {
  const bytes = new Uint8Array(Int32Array.from(into.words).buffer);
  return {
    counts: into.counts,
    scales: into.scales.map((s) => Number(s.toPrecision(6))),
    bias: into.bias.map((s) => Number(s.toPrecision(6))),
    weights: Buffer.from(bytes).toString('base64'),
  };
}

function devItems(file: string) {
  return parseCsv(readFileSync(file, 'utf8')).map((r) => ({ text: `${r.품명}\n${r.물품설명}`, hs10: r.hs10 ?? '' }));
}

function evaluate(model: HsClassifier, items: Array<{ text: string; hs10: string }>) {
  let c1 = 0;
  let h1 = 0;
  let h3 = 0;
  for (const it of items) {
    const p = model.predict(it.text);
    const best = (v: Float64Array, k: number) =>
      Array.from(v.keys())
        .sort((a, b) => v[b]! - v[a]!)
        .slice(0, k);
    if (model.chapters[best(p.chapter, 1)[0]!] === it.hs10.slice(0, 2)) c1++;
    const top = best(p.heading, 3).map((h) => model.headings[h]);
    if (top[0] === it.hs10.slice(0, 4)) h1++;
    if (top.includes(it.hs10.slice(0, 4))) h3++;
  }
  const pct = (x: number) => `${Math.round((100 * x) / items.length)} %`;
  return `HS2 top-1 ${pct(c1)} · HS4 top-1 ${pct(h1)} · HS4 top-3 ${pct(h3)}`;
}

/**
 * The glossary's declared names as examples of their heading (_hs-glossary.ts): each name alone, and a few random
 * pairs of a heading's names (a declaration often names the goods twice, in Korean and in English).
 */
function glossaryExamples(glossary: HsGlossary, known: Set<string>, random: () => number): Example[] {
  const out: Example[] = [];
  const add = (code: string, names: readonly string[]) => {
    const hs4 = code.slice(0, 4);
    if (!known.has(hs4)) return;
    for (const name of names) out.push({ text: name, hs4 });
    for (let i = 0; i < Math.min(3, names.length); i++) {
      const a = names[Math.floor(random() * names.length)]!;
      const b = names[Math.floor(random() * names.length)]!;
      if (a !== b) out.push({ text: `${a} ${b}`, hs4 });
    }
  };
  for (const [code, names] of glossary.headings) add(code, names);
  for (const [code, names] of glossary.subheadings) add(code, names);
  return out;
}

async function main() {
  const t0 = performance.now();
  const nomenclature: HsNomenclature = JSON.parse(
    readFileSync(path.join(ROOT, 'nodes/model/_hs-data/hs-nomenclature.json'), 'utf8'),
  );
  const random = rng(SEED);
  const mined = minedCourtPairs(path.join(SHARED, 'customs-court-cases-ko/data_kcs.json'));
  const known = new Set(nomenclature.lines.map(([hs10]) => hs10.slice(0, 4)));
  const court = mined.filter((e) => known.has(e.hs4));
  console.log(`court judgments: ${court.length} (item, HSK) pairs mined`);
  for (const e of court) console.log(`  ${e.hs4} ${e.text}`);
  const glossary = process.env.HS_TRAIN_GLOSSARY === '1' ? glossaryExamples(await loadGlossary(), known, random) : [];
  console.log(`glossary: ${glossary.length} examples`);
  // each mined pair counts three times: a real item name is worth more than one recombined tariff text
  const examples = [...nomenclatureExamples(nomenclature, random), ...glossary, ...court, ...court, ...court];
  const chapters = [...new Set(nomenclature.lines.map(([h]) => h.slice(0, 2)))];
  const headings = [...known];
  const at2 = new Map(chapters.map((c, i) => [c, i]));
  const at4 = new Map(headings.map((c, i) => [c, i]));
  const data: Encoded[] = examples.map((e) => ({
    x: hashedFeatures(e.text),
    chapter: at2.get(e.hs4.slice(0, 2))!,
    heading: at4.get(e.hs4)!,
  }));
  console.log(`${examples.length} training examples, ${Math.round(performance.now() - t0)} ms to encode`);

  const dev1 = devItems(path.join(ROOT, 'bench/data/hs-dev-items.csv'));
  const dev2 = devItems(path.join(ROOT, 'bench/data/hs-dev-items-2.csv'));
  const builds: HsClassifierAsset[] = [];
  // HS_KIND=softmax or complement-nb trains (and writes) only that one
  const kinds = (['softmax', 'complement-nb'] as const).filter(
    (k) => !process.env.HS_KIND || process.env.HS_KIND === k,
  );
  for (const kind of kinds) {
    const t1 = performance.now();
    const learn = (
      subset: Encoded[],
      label: (e: Encoded) => number,
      n: number,
      featureOf: (id: number) => number,
      nf: number,
    ) =>
      kind === 'softmax'
        ? trainSoftmax(subset, label, n, featureOf, nf, rng(SEED + n))
        : trainComplementNb(subset, label, n, featureOf, nf);
    // chapter model over the whole hashed space
    const chapterPack = { counts: [] as number[], scales: [] as number[], bias: [] as number[], words: [] as number[] };
    const m2 = learn(
      data,
      (e) => e.chapter,
      chapters.length,
      (id) => id,
      DIM,
    );
    console.log(`${kind}: chapter model ${Math.round(performance.now() - t1)} ms`);
    pack(
      m2.w,
      m2.b,
      chapters.map((_, i) => i),
      DIM,
      (f) => f,
      KEEP.chapter,
      chapterPack,
    );
    console.log(`${kind}: chapter model packed ${Math.round(performance.now() - t1)} ms`);
    // heading model per chapter, over the features its examples use
    const headingPack = { counts: [] as number[], scales: [] as number[], bias: [] as number[], words: [] as number[] };
    const byChapter = new Map<number, Encoded[]>();
    for (const e of data) {
      const list = byChapter.get(e.chapter) ?? [];
      list.push(e);
      byChapter.set(e.chapter, list);
    }
    const words: number[][] = [];
    for (let ch = 0; ch < chapters.length; ch++) {
      const subset = byChapter.get(ch) ?? [];
      const mine = headings.map((h, i) => [h, i] as const).filter(([h]) => h.slice(0, 2) === chapters[ch]);
      const localClass = new Map(mine.map(([, i], k) => [i, k]));
      const ids = [...new Set(subset.flatMap((e) => [...e.x.ids]))].sort((a, b) => a - b);
      const local = new Map(ids.map((id, k) => [id, k]));
      const m4 = learn(
        subset,
        (e) => localClass.get(e.heading)!,
        mine.length,
        (id) => local.get(id)!,
        ids.length,
      );
      const part = { counts: [] as number[], scales: [] as number[], bias: [] as number[], words: [] as number[] };
      pack(
        m4.w,
        m4.b,
        mine.map(([, i]) => i),
        ids.length,
        (f) => ids[f]!,
        KEEP.heading,
        part,
      );
      for (const [, i] of mine) {
        headingPack.counts[i] = part.counts[i]!;
        headingPack.scales[i] = part.scales[i]!;
        headingPack.bias[i] = part.bias[i]!;
      }
      // packed words must follow the heading order: collect per heading
      let at = 0;
      for (const [, i] of mine) {
        words[i] = part.words.slice(at, at + part.counts[i]!);
        at += part.counts[i]!;
      }
    }
    headingPack.words = headings.flatMap((_, i) => words[i] ?? []);
    const asset: HsClassifierAsset = {
      note: `Trained by npm run train:hs (bench/hs-train.ts), seed ${SEED}: ${kind}, chapter then heading within chapter, on ${examples.length} examples from the shipped nomenclature${glossary.length ? `, the glossary of declared names (${glossary.length} examples)` : ''} and ${court.length} item names mined from the court judgments. Not trained on any ruling.`,
      kind,
      featureBits: FEATURE_BITS,
      chapters,
      headings,
      chapter: toPacked(chapterPack),
      heading: toPacked(headingPack),
    };
    const model = new HsClassifier(asset);
    console.log(
      `${kind}: trained in ${Math.round(performance.now() - t1)} ms · dev ${evaluate(model, dev1)} · dev-2 ${evaluate(model, dev2)}`,
    );
    builds.push(asset);
  }
  const score = (a: HsClassifierAsset) => {
    const m = new HsClassifier(a);
    return dev1.filter((it) => {
      const p = m.predict(it.text).heading;
      let best = 0;
      for (let h = 1; h < p.length; h++) if (p[h]! > p[best]!) best = h;
      return m.headings[best] === it.hs10.slice(0, 4);
    }).length;
  };
  const chosen = builds.reduce((a, b) => (score(b) > score(a) ? b : a));
  const out = process.env.HS_TRAIN_OUT ?? path.join(ROOT, 'nodes/model/_hs-data/hs-classifier.json');
  const json = JSON.stringify(chosen);
  writeFileSync(out, json);
  console.log(`kept ${chosen.kind} (better top-1 HS4 on the dev set) → ${out}, ${(json.length / 1e6).toFixed(2)} MB`);
}

await main();
