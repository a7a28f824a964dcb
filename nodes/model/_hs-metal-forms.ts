// A base metal's chapter begins with the forms the metal is traded in (ingots, powders, bars, wire, plates, foil,
// tubes: 72.01–72.29, 73.04–73.06, 74.01–74.11, 75.01–75.06, 76.01–76.08, 78.01–78.04, 79.01–79.05, 80.01–80.03)
// and ends with what is made of it. An "Aluminium alloy wheel" or a "통3중 스테인리스 양수냄비" shares its material's
// words with the wire and the tubes, not its name: goods whose name ends in anything but a form or a metal are no
// form.

/** The headings of base metals' forms (ingots, waste, powders, bars, wire, plates, foil, tubes). */
export function isMetalForm(hs4: string): boolean {
  return (
    (hs4 >= '7201' && hs4 <= '7229') ||
    (hs4 >= '7304' && hs4 <= '7306') ||
    (hs4 >= '7401' && hs4 <= '7411') ||
    (hs4 >= '7501' && hs4 <= '7506') ||
    (hs4 >= '7601' && hs4 <= '7608') ||
    (hs4 >= '7801' && hs4 <= '7804') ||
    (hs4 >= '7901' && hs4 <= '7905') ||
    (hs4 >= '8001' && hs4 <= '8003')
  );
}

/** English words that name a metal's form or the metal itself. */
const FORM_WORD =
  /^(?:ingots?|billets?|slabs?|blooms?|bars?|rods?|wires?|plates?|sheets?|strips?|coils?|foils?|tubes?|pipes?|profiles?|sections?|shapes?|angles?|beams?|channels?|powders?|flakes?|granules?|scrap|waste|alloys?|steel|iron|metal|aluminium|aluminum|copper|brass|bronze|nickel|zinc|tin|lead|stock|blanks?|hoops?|pellets?|lumps?|cathodes?|anodes?|shots?|grits?|mattes?)$/u;
/** Korean words that end in a metal's form or the metal itself (평강, 환봉, 강판, 선재, 알루미늄괴, 합금철). */
const KOREAN_FORM_WORD =
  /(?:괴|잉곳|빌릿|슬래브|블룸|스크랩|분말|가루|플레이크|봉|평강|각강|형강|형재|앵글|채널|빔|선재|와이어|선|판|시트|스트립|코일|박|호일|포일|관|파이프|튜브|프로파일|바|로드|합금|합금철|금속|철|강|스테인리스|알루미늄|구리|동|황동|청동|니켈|아연|주석|납)$/u;

/**
 * Whether a head's last word names an article, not a metal's form or a metal: "wheel", "양수냄비" (not "foil",
 * "평강", "aluminium"; not a model code or a word too short to say).
 */
export function namesArticle(word: string): boolean {
  if (/^[a-z]{3,}$/u.test(word)) return !FORM_WORD.test(word);
  if (/^[가-힣]{2,}$/u.test(word)) return !KOREAN_FORM_WORD.test(word);
  return false;
}
