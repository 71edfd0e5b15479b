import type { OrganizationKind } from '../domain/types';
import type { Lexicon, ZhForm } from './lexicon';
import { normalizeForm } from './normalize';
import type { Token } from './segment';

const n = normalizeForm;

/** Organization heads, longest first, with the kind they imply. */
const SUFFIXES: [string, OrganizationKind][] = ([
  ['委員會', 'committee'], ['執委會', 'other'], ['基金會', 'other'], ['協會', 'other'], ['學會', 'other'], ['公會', 'other'],
  ['工會', 'other'], ['商會', 'other'], ['理事會', 'other'], ['黨團', 'party'], ['工作小組', 'government'], ['小組', 'government'],
  ['使團', 'government'], ['辦事處', 'government'], ['辦公室', 'government'], ['研究院', 'other'], ['研究所', 'other'],
  ['醫院', 'other'], ['法院', 'government'], ['地檢署', 'government'], ['政府', 'government'], ['市府', 'government'],
  ['縣府', 'government'], ['公司', 'company'], ['集團', 'company'], ['銀行', 'company'], ['證券', 'company'], ['投信', 'company'],
  ['大學', 'other'], ['電台', 'media'], ['日報', 'media'], ['時報', 'media'], ['新聞網', 'media'], ['通訊社', 'media'],
  ['中心', 'government'], ['總處', 'government'], ['處', 'government'], ['署', 'government'], ['局', 'government'],
  ['部', 'government'], ['院', 'government'], ['黨', 'party'], ['聯盟', 'international'],
] as [string, OrganizationKind][]).map(([s, k]) => [n(s), k] as [string, OrganizationKind]);

/** Words before a head that are not part of a name (the 北部 of a region, 全部, 內部 ...). */
const NOT_ORG = new Set(['全部', '内部', '外部', '北部', '南部', '东部', '西部', '中部', '本部', '局部', '干部', '头部', '底部', '部分', '院会',
  '本院', '两院', '法院', '医院', '中心', '市中心', '重心', '核心', '信心', '决心', '当局', '格局', '布局', '大局', '结局', '开局', '首局',
  '政党', '朝野政党', '中国共产党', '全党', '局势', '分局', '总局', '该处', '此处', '各处', '好处', '到处', '处长', '署长', '局长', '党团',
  '各部', '部会', '院长', '政府', '中央政府', '地方政府', '小组', '公司', '集团', '银行', '大学', '联盟', '委员会', '委员', '本党', '医学中心', '地区医院', '区域医院', '研究中心', '市政府', '县政府', '记者会', '院会']);

/** Token tags that can be part of an organization name. */
const NAME_TAGS = /^(n|nz|nt|ns|nr|nrt|x|j|l|vn|eng|an|b|f)$/;
const NAME_TAG_OK = (t: Token) => NAME_TAGS.test(t.tag) && /^[\u3400-\u9fffA-Za-z]+$/.test(t.word) && !(t.tag === 'x' && t.word.length < 2);

export interface UnknownOrg {
  start: number;
  end: number;
  kind: OrganizationKind;
  /** Where the unit's own name starts when the name begins with a known organization (財政部統計處 -> 統計處). */
  shortStart?: number;
}

/**
 * Organizations the lexicon lacks, from their heads: the nouns before 委員會 / 處 / 公司 / 黨團 ...
 * back to punctuation, a verb or a known entity that is not an organization.
 */
export function detectUnknownOrgs(opts: { norm: string; tokens: Token[]; lex: Lexicon; lexMatches: { start: number; end: number; values: ZhForm[] }[] }): UnknownOrg[] {
  const { norm, tokens } = opts;
  const out: UnknownOrg[] = [];
  const orgEnds = new Map<number, number>();
  for (const m of opts.lexMatches) if (m.values[0].entity.type === 'organization') orgEnds.set(m.end, Math.min(orgEnds.get(m.end) ?? m.start, m.start));
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const suf = SUFFIXES.find(([s]) => t.word.endsWith(s));
    if (!suf || !/^[\u3400-\u9fffA-Za-z]+$/.test(t.word)) continue;
    const [s, kind] = suf;
    const single = s.length === 1;
    let start = t.start;
    let j = i - 1;
    // a word that already carries its own name (国民党团, 卫福部) is not extended to the left
    if (t.word !== s && t.word.length >= 3) j = -1;
    if (t.word === s) {
      // a bare head needs a name before it
      if (j < 0 || !NAME_TAG_OK(tokens[j]) || tokens[j].end !== t.start) continue;
    } else if (single && !/^(nt|nz|x|j)$/.test(t.tag)) continue;
    while (j >= 0 && tokens[j].end === start && t.end - tokens[j].start <= 12) {
      const w = tokens[j].word;
      // "外交及國防委員會": a conjunction inside a committee name joins two nouns
      const conj = /^(及|与|暨)$/.test(w) && s === n('委員會') && j > 0 && NAME_TAG_OK(tokens[j - 1]);
      if (!conj && !NAME_TAG_OK(tokens[j])) break;
      start = tokens[j].start;
      j--;
      if (single && t.end - start >= 3) break;
    }
    const name = norm.slice(start, t.end);
    if (name.length < 3 || NOT_ORG.has(name)) continue;
    // the name part must be a name: two characters at least, more for generic heads
    const namePart = name.length - s.length;
    const minPart = s === n('中心') ? 4 : s === n('委員會') || s === n('醫院') || s === n('集團') ? 3 : 2;
    let knownPrefix = false;
    for (let k = start + 2; k < t.end; k++) if (orgEnds.get(k) === start) knownPrefix = true;
    if (namePart < minPart && !knownPrefix) continue;
    if (single && t.word !== s && !/^(nt|nz|j|x)$/.test(tokens[i].tag)) continue;
    if (single && name.length > 6) continue;
    // a known organization followed by its unit: keep the unit as the short name
    let shortStart: number | undefined;
    for (let k = start + 2; k < t.end - 1; k++) {
      const os = orgEnds.get(k);
      if (os !== undefined && os === start) shortStart = k;
    }
    out.push({ start, end: t.end, kind, shortStart: shortStart !== undefined && t.end - shortStart >= 2 ? shortStart : undefined });
  }
  return out;
}
