// Quantities: the tariff splits many lines by a measured value (8501.40 출력이 750와트 초과 75킬로와트 이하인 것,
// 8418.21 용량이 200리터 이상 400리터 미만인 것, 6907.21 수분흡수계수가 100분의 0.5 이하인 것) and a description
// states it ("정격출력 350W", "용량 800리터", "수분흡수율 0.1%"). N-grams match digits, not magnitudes: "130W" matched
// "130킬로와트" and no n-gram says that 350 W is under 750 W. A line whose limits no stated value of the same kind
// meets keeps a share (FUSION.contradictedTerm).

/** Kinds of quantity, each in one base unit. */
export type Dimension = 'mm' | 'W' | 'VA' | 'V' | 'A' | 'ml' | 'g' | '%';

// Units as the tariff writes them (Korean words) and as descriptions do (symbols), with their factor to the base.
const UNITS: ReadonlyArray<readonly [RegExp, Dimension, number]> = [
  [/^(?:밀리미터|mm|㎜)$/iu, 'mm', 1],
  [/^(?:센티미터|cm|㎝)$/iu, 'mm', 10],
  [/^(?:미터|m)$/u, 'mm', 1000],
  [/^(?:마이크론|미크론|마이크로미터|㎛|μm|um)$/iu, 'mm', 0.001],
  [/^(?:와트|w)$/iu, 'W', 1],
  [/^(?:킬로와트|kw)$/iu, 'W', 1e3],
  [/^(?:메가와트|mw)$/u, 'W', 1e6],
  [/^(?:볼트암페어|va)$/iu, 'VA', 1],
  [/^(?:킬로볼트암페어|kva)$/iu, 'VA', 1e3],
  [/^(?:볼트|v)$/iu, 'V', 1],
  [/^(?:킬로볼트|kv)$/iu, 'V', 1e3],
  [/^(?:암페어|a)$/u, 'A', 1],
  [/^(?:리터|l|ℓ)$/iu, 'ml', 1000],
  [/^(?:밀리리터|ml|㎖)$/iu, 'ml', 1],
  [/^(?:시시|cc|㏄|㎤)$/iu, 'ml', 1],
  [/^(?:그램|g)$/iu, 'g', 1],
  [/^(?:킬로그램|kg|㎏)$/iu, 'g', 1e3],
  [/^(?:톤|메트릭톤|t)$/u, 'g', 1e6],
  [/^(?:%|퍼센트)$/u, '%', 1],
];

const unitOf = (unit: string): readonly [Dimension, number] | null => {
  for (const [re, dim, factor] of UNITS) if (re.test(unit)) return [dim, factor];
  return null;
};

const NUMBER = String.raw`(\d[\d,]*(?:\.\d+)?)`;
const UNIT_WORDS =
  '킬로볼트암페어|볼트암페어|킬로와트|메가와트|와트|킬로볼트|볼트|암페어|밀리미터|센티미터|마이크로미터|마이크론|미크론|미터|밀리리터|리터|시시|킬로그램|그램|메트릭톤|톤|퍼센트';
const UNIT_SYMBOLS = 'kVA|VA|kW|MW|W|kV|V|A|mm|cm|㎛|μm|um|m|ml|mL|L|ℓ|cc|㏄|㎤|kg|g|t|%|㎜|㎝|㎖|㎏';
/**
 * A stated value: "350W", "용량 800리터", "100분의 0.5" (a share in hundredths); not digits of a model code (A60-9W,
 * CL10A106).
 */
const VALUE = new RegExp(
  String.raw`(?:100분의\s*${NUMBER})|(?<![A-Za-z\d.\-])${NUMBER}\s*(${UNIT_WORDS}|(?:${UNIT_SYMBOLS})(?![A-Za-z\d]))`,
  'gu',
);

const COMPARED = /^\s*(?:[을를이가]\s*)?(?:이하|미만|초과|이상)/u;

const parse = (digits: string) => Number(digits.replace(/,/gu, ''));

/** A stated value in base units, and for a share (%) the words before it: what it is a share of. */
export interface Quantity {
  /** As the description writes it: "350W", "용량 800리터" → "800리터". */
  readonly said: string;
  readonly value: number;
  readonly about: readonly string[];
}

/**
 * The words of the clause before a value (수분흡수율은 0.1% → 수분흡수율), without particles and the words every
 * limit has: a share says nothing of a line's limit on a share of something else (화학펄프 100% is no 기계펄프 함유량).
 */
function aboutOf(before: string): string[] {
  // the clause the value is in: back to the last comma, parenthesis or colon, at most 30 characters
  const clause =
    before
      .slice(-30)
      .split(/[,(（;:]/u)
      .pop() ?? '';
  return clause
    .replace(/전\s*중량|중량\s*기준|함유량|함량|중량|비율|기준|[^가-힣A-Za-z]+/gu, ' ')
    .toLowerCase()
    .split(' ')
    .map((w) => w.replace(/(?:은|는|이|가|의|을|를|으로|로|에|이며)$/u, ''))
    .filter((w) => w.length >= 2);
}

/** Whether two clauses name the same thing: two words that begin alike for 3 letters (or are the same word). */
const sameThing = (a: readonly string[], b: readonly string[]) =>
  a.some((x) => b.some((y) => x === y || (x.length >= 3 && y.length >= 3 && x.slice(0, 3) === y.slice(0, 3))));

/** The quantities `text` states, per kind. */
export function quantitiesOf(text: string): Map<Dimension, Quantity[]> {
  const out = new Map<Dimension, Quantity[]>();
  for (const m of text.matchAll(VALUE)) {
    const unit = m[1] !== undefined ? (['%', 1] as const) : unitOf(m[3]!);
    // a bound the description states ("150그램을 초과하는 것", "99% 미만") is no measured value
    if (!unit || COMPARED.test(text.slice(m.index + m[0].length, m.index + m[0].length + 8))) continue;
    const value = parse(m[1] ?? m[2]!) * unit[1];
    if (!Number.isFinite(value)) continue;
    const about = aboutOf(text.slice(0, m.index));
    out.set(unit[0], [...(out.get(unit[0]) ?? []), { said: m[0].trim(), value, about }]);
  }
  return out;
}

/** The values a tariff line allows of one kind: an interval, each end open or closed. */
export interface Limit {
  readonly dim: Dimension;
  readonly lo: number;
  readonly loIncluded: boolean;
  readonly hi: number;
  readonly hiIncluded: boolean;
  /** For a share: what it is a share of (aboutOf the words before the first bound). */
  readonly about: readonly string[];
}

/** A limit as the tariff words it: a value, then 이하 (≤), 미만 (<), 초과 (>) or 이상 (≥), "를 초과하는" too. */
const BOUND = new RegExp(
  String.raw`(?:100분의\s*${NUMBER}|${NUMBER}\s*(${UNIT_WORDS}))\s*(?:[을를이가]\s*)?(이하|미만|초과|이상)`,
  'gu',
);

/**
 * The limits a tariff line's own wording sets, one interval per kind (bounds of a kind combined: "750와트 초과
 * 75킬로와트 이하" is (750 W, 75 kW]); a bound inside an exclusion ("…인 것은 제외한다") is not a limit.
 */
export function limitsOf(wording: string): Limit[] {
  const byDim = new Map<
    Dimension,
    { lo: number; loIncluded: boolean; hi: number; hiIncluded: boolean; about: string[] }
  >();
  for (const m of wording.matchAll(BOUND)) {
    const rest = wording.slice(m.index + m[0].length, m.index + m[0].length + 40);
    if (/^[^()[\]|;]*제외/u.test(rest)) continue;
    const unit = m[1] !== undefined ? (['%', 1] as const) : unitOf(m[3]!);
    if (!unit) continue;
    const value = parse(m[1] ?? m[2]!) * unit[1];
    const limit = byDim.get(unit[0]) ?? {
      lo: Number.NEGATIVE_INFINITY,
      loIncluded: false,
      hi: Number.POSITIVE_INFINITY,
      hiIncluded: false,
      about: aboutOf(wording.slice(0, m.index)),
    };
    const op = m[4]!;
    if (op === '이하' || op === '미만') {
      if (value < limit.hi || (value === limit.hi && op === '미만')) {
        limit.hi = value;
        limit.hiIncluded = op === '이하';
      }
    } else if (value > limit.lo || (value === limit.lo && op === '초과')) {
      limit.lo = value;
      limit.loIncluded = op === '이상';
    }
    byDim.set(unit[0], limit);
  }
  return [...byDim].map(([dim, l]) => ({ dim, ...l }));
}

/**
 * The stated values a limit reads: a share only those of the same thing; another kind those of the same thing when
 * some are (두께 0.33mm, not the screen's 153mm, against 두께가 8밀리미터 이하), else all.
 */
function valuesFor(l: Limit, quantities: ReadonlyMap<Dimension, readonly Quantity[]>): readonly Quantity[] {
  const values = quantities.get(l.dim) ?? [];
  const same = values.filter((q) => sameThing(q.about, l.about));
  return l.dim === '%' || same.length > 0 ? same : values;
}

const within = (v: number, l: Limit) =>
  (v > l.lo || (l.loIncluded && v === l.lo)) && (v < l.hi || (l.hiIncluded && v === l.hi));

/** Whether the item's stated quantities miss a line's limits: of some kind it states, no value is within. */
export function outsideLimits(
  limits: readonly Limit[],
  quantities: ReadonlyMap<Dimension, readonly Quantity[]>,
): boolean {
  return limits.some((l) => {
    const values = valuesFor(l, quantities);
    return values.length > 0 && !values.some((q) => within(q.value, l));
  });
}

/**
 * Whether the item's stated quantities all lie within a line's limits: of every kind it limits, at least one value is
 * stated and each is within (a bearing of 내경 25mm, 외경 52mm against 내경이 100밀리미터 이하인 것).
 */
export function withinLimits(
  limits: readonly Limit[],
  quantities: ReadonlyMap<Dimension, readonly Quantity[]>,
): boolean {
  return (
    limits.length > 0 &&
    limits.every((l) => {
      const values = valuesFor(l, quantities);
      return values.length > 0 && values.every((q) => within(q.value, l));
    })
  );
}
