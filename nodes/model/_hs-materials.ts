// What the goods are made of, against the chapters that hold goods of one material. Plastics (Ch. 39), rubber (40),
// wood (44), paper (48), ceramics (69), glass (70), iron and steel (72, 73), copper (74), nickel (75), aluminium (76),
// zinc (79) and tin (80) hold only goods of their material. Goods whose description states what they are made of
// ("재질 : Silicone Rubber", "알루미늄 합금을 주조하여") and names no material of such a chapter are not of it: an
// aluminium wheel is no inner tube of rubber (40.13), a silicone spring no spring of steel (73.20).

/** Bits of the materials a chapter of one material holds. */
export const MATERIAL = {
  plastics: 1,
  rubber: 2,
  wood: 4,
  paper: 8,
  ceramic: 16,
  glass: 32,
  steel: 64,
  copper: 128,
  nickel: 256,
  aluminium: 512,
  zinc: 1024,
  tin: 2048,
} as const;

// Silicone rubber is no rubber of Chapter 40 (note 4: synthetic rubber vulcanises with sulphur; silicones do not):
// its articles are of Chapter 39 (39.26), as silicones are (39.10).
const SILICONE = MATERIAL.plastics;
const SILICONE_RUBBER = /실리콘\s*고무|silicone\s+rubber/giu;

/** How descriptions name each material (a polymer's abbreviation as a whole word: PP, ABS, PVC). */
const MATERIAL_CUES: ReadonlyArray<readonly [number, RegExp]> = [
  [SILICONE, /실리콘|silicone/iu],
  [
    MATERIAL.plastics,
    /플라스틱|합성수지|수지제|[가-힣]*수지(?![가-힣])|폴리[가-힣]+|아크릴|나일론|plastic|resin|poly[a-z]+|acrylic|nylon|\b(?:PP|PE|HDPE|LDPE|PVC|ABS|PET|PC|PA|POM|PMMA|PS|PU|TPU|EVA|PTFE)\b/iu,
  ],
  [MATERIAL.rubber, /고무|라텍스|rubber|latex|\b(?:EPDM|NBR|SBR|FKM|NR)\b/iu],
  [MATERIAL.wood, /목재|목제|나무|원목|합판|대나무|\b(?:wood|wooden|plywood|bamboo|MDF)\b/iu],
  [MATERIAL.paper, /종이|판지|골판지|지제|paper|cardboard/iu],
  [MATERIAL.ceramic, /도자|세라믹|자기제|도기|석기|ceramic|porcelain|stoneware/iu],
  [MATERIAL.glass, /유리|glass/iu],
  [
    MATERIAL.steel,
    /철강|강철|철제|주철|선철|스테인리스|스텐|탄소강|합금강|공구강|스프링강|경강선|피아노\s*선|강재|강판|강관|강봉|\bsteel|\biron\b|piano\s+wire|\bSTS\s*\d|\bSUS\s*\d|\bS\d{2}C\b|\bSW[PC]|\bSUP\s*\d/iu,
  ],
  [MATERIAL.copper, /구리|황동|청동|동합금|인청동|copper|brass|bronze/iu],
  [MATERIAL.nickel, /니켈|nickel/iu],
  [MATERIAL.aluminium, /알루미늄|알미늄|alumin(?:i)?um/iu],
  [MATERIAL.zinc, /아연|zinc/iu],
  [MATERIAL.tin, /주석|\btin\b/iu],
];

/** The materials `goods` names (a bit mask; 0 when it names none). */
export function materialsOf(goods: string): number {
  const read = goods.replace(SILICONE_RUBBER, '실리콘');
  let mask = 0;
  for (const [bits, cue] of MATERIAL_CUES) if (cue.test(read)) mask |= bits;
  return mask;
}

const CHAPTER_MATERIAL: Readonly<Record<string, number>> = {
  '39': MATERIAL.plastics,
  '40': MATERIAL.rubber,
  '44': MATERIAL.wood,
  '48': MATERIAL.paper,
  '69': MATERIAL.ceramic,
  '70': MATERIAL.glass,
  '72': MATERIAL.steel,
  '73': MATERIAL.steel,
  '74': MATERIAL.copper,
  '75': MATERIAL.nickel,
  '76': MATERIAL.aluminium,
  '79': MATERIAL.zinc,
  '80': MATERIAL.tin,
};

const METALS = MATERIAL.steel | MATERIAL.copper | MATERIAL.nickel | MATERIAL.aluminium | MATERIAL.zinc | MATERIAL.tin;

/** A line's condition naming a class of materials (금속으로 만든 것, 목재로 만든 것), as the materials it admits. */
const CONDITION_CLASSES: ReadonlyArray<readonly [RegExp, number]> = [
  [/^비?금속$/u, METALS],
  [/^철강$/u, MATERIAL.steel],
  [/^플라스틱$/u, MATERIAL.plastics],
  [/^(?:목재|나무)$/u, MATERIAL.wood],
  [/^고무$/u, MATERIAL.rubber],
  [/^유리$/u, MATERIAL.glass],
  [/^(?:판지|종이나판지)$/u, MATERIAL.paper],
  [/^알루미늄$/u, MATERIAL.aluminium],
];

/** The materials a line's condition word (its core, spaces removed) admits: 0 when it names no class of them. */
export function conditionMaterials(core: string): number {
  for (const [cue, bits] of CONDITION_CLASSES) if (cue.test(core)) return bits;
  return 0;
}

/** The material of a heading's chapter, when the chapter holds goods of one material (0 otherwise). */
export const chapterMaterial = (hs4: string): number => CHAPTER_MATERIAL[hs4.slice(0, 2)] ?? 0;

/** Whether goods naming the materials `stated` are not of a heading of material `chapter`. */
export const otherMaterial = (chapter: number, stated: number): boolean =>
  chapter !== 0 && stated !== 0 && (chapter & stated) === 0;

// Parts of general use (Section XV note 2: springs, screws, washers, chains, fittings of base metal, and like goods of
// plastics, Section XVI note 1(g), Section XVII note 2(b)) and technical articles of vulcanised rubber (Section XVI
// note 1(b), Section XVII note 2(a)) are classified by their material, whatever machine or vehicle they serve: a
// plastic spring in a tact switch is of 39.26, a steel clamp that holds a drive-shaft boot of 73.26, a rubber bushing
// of a car's suspension of 40.16 — not the bedding springs of 94.04, the hand tools' clamps of 82.05.

/**
 * Goods named by such a word are a part of general use or a technical article, not goods of their own heading (not
 * "washer" in English: a pressure washer is a machine).
 */
const GENERAL_USE =
  /^(?:스프링|판스프링|코일스프링|클램프|클립|와셔|부싱|부시|개스킷|가스켓|패킹|오링|그로밋|스페이서|슬리브|springs?|clamps?|clips?|bushings?|bush(?:es)?|gaskets?|packings?|o-rings?|grommets?|spacers?|sleeves?)$/iu;

/** Per material, the headings of its articles where such parts go (springs, screws, other articles). */
const ARTICLE_HEADINGS: ReadonlyArray<readonly [number, ReadonlySet<string>]> = [
  [MATERIAL.plastics, new Set(['3926'])],
  [MATERIAL.rubber, new Set(['4016'])],
  [MATERIAL.steel, new Set(['7318', '7320', '7326'])],
  [MATERIAL.copper, new Set(['7415', '7419'])],
  [MATERIAL.aluminium, new Set(['7616'])],
];

/** The headings a part of general use named by `headWord` and made of `stated` goes to (null when it is not one). */
export function generalUseHeadings(headWord: string, stated: number): ReadonlySet<string> | null {
  if (!GENERAL_USE.test(headWord) || stated === 0) return null;
  const out = new Set<string>();
  for (const [bits, headings] of ARTICLE_HEADINGS) if (stated & bits) for (const h of headings) out.add(h);
  return out.size > 0 ? out : null;
}
