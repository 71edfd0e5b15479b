import type { LexEntity, Lexicon } from './lexicon';
import { normalizeForm } from './normalize';

/**
 * Taiwan's parties by their camp colours (藍 KMT, 綠 DPP, 白 TPP): "藍委", "綠營", "藍白聯手
 * 通過" name the parties themselves. A colour counts only before a political noun, so 藍天,
 * 白色 and 藍白拖 stay colours. The colours come from the lexicon (`camp` on a party).
 */
export interface CampSpan {
  start: number;
  end: number;
  /** One party per colour character, in order. */
  parties: { entity: LexEntity; at: number }[];
}

const n = normalizeForm;
/** Nouns after one colour: 藍委, 綠營, 白委. */
const AFTER_ONE = ['立委', '委', '营', '阵营', '议员', '党团', '县市长', '支持者'].map(n);
/** After two or three colours also what a bloc does: 藍綠對決, 藍白聯手, 藍白杯葛. */
const AFTER_BLOC = [
  ...AFTER_ONE,
  '主导',
  '联手',
  '封杀',
  '合作',
  '多数',
  '两党',
  '三党',
  '席次',
  '共推',
  '对决',
  '联盟',
  '强渡',
  '否决',
  '杯葛',
  '版本',
  '在野',
  '立院',
  '委员',
].map(n);

const campsOf = new WeakMap<Lexicon, Map<string, LexEntity>>();
function camps(lex: Lexicon): Map<string, LexEntity> {
  let m = campsOf.get(lex);
  if (!m) {
    m = new Map();
    for (const e of lex.byId.values()) if (e.camp) m.set(n(e.camp), e);
    campsOf.set(lex, m);
  }
  return m;
}

const codesOf = new WeakMap<Map<string, LexEntity>, Set<number>>();
/** The code units of the one-unit colours (a text character can equal no other). */
function colourCodes(colours: Map<string, LexEntity>): Set<number> {
  let codes = codesOf.get(colours);
  if (!codes) {
    codes = new Set([...colours.keys()].filter((c) => c.length === 1).map((c) => c.charCodeAt(0)));
    codesOf.set(colours, codes);
  }
  return codes;
}

export function campSpans(norm: string, lex: Lexicon): CampSpan[] {
  const colours = camps(lex);
  if (!colours.size) return [];
  const out: CampSpan[] = [];
  // asked at every character: first by code unit, without making the one-character string
  const codes = colourCodes(colours);
  for (let i = 0; i < norm.length; i++) {
    if (!codes.has(norm.charCodeAt(i)) || !colours.has(norm[i]) || colours.has(norm[i - 1] ?? '')) continue;
    let end = i;
    while (end < norm.length && end - i < 3 && colours.has(norm[end]) && !norm.slice(i, end).includes(norm[end])) end++;
    const after = end - i === 1 ? AFTER_ONE : AFTER_BLOC;
    if (!after.some((w) => norm.startsWith(w, end))) continue;
    out.push({ start: i, end, parties: [...norm.slice(i, end)].map((c, k) => ({ entity: colours.get(c)!, at: i + k })) });
    i = end - 1;
  }
  return out;
}
