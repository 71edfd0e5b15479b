import type { Author, AuthorRole } from '../domain/types';

/**
 * Bylines and photo credits, written as regex tables: each Taiwanese outlet and wire has a
 * house style, and recognising them line by line is what keeps reporters out of the body
 * (extraction would otherwise count them as people) and gets `authors` right.
 */

export interface BylineMatch {
  authors: Author[];
  /** Outlet named in the byline itself ("聯合報", "鉅亨網", "TAIPEI TIMES"). */
  outlet?: string;
  /** Outlet only seen as a wire tag in a dateline ("(CNA)", "(Reuters) -"): weaker evidence. */
  wire?: string;
  /** Body text sharing the line with an inline byline (ltn "〔記者X／台北報導〕…"). */
  rest?: string;
  /** True when the line is a dateline that stays in the body (English wire style). */
  keepLine?: boolean;
  /** ISO date carried by the byline (cnyes "… 台北 2026-01-16 10:46"). */
  date?: string;
  /** Place the story was filed from ("記者X／台北報導", "中央社記者X台北21日電"). */
  dateline?: string;
}

export interface CaptionMatch {
  /** Caption text without its credit; absent for a bare credit line ("Photo: CNA"). */
  caption?: string;
  authors: Author[];
  /** Text glued after a mid-line credit, which belongs to the body. */
  rest?: string;
  /** The credit itself ("鉅亨網資料照", "CNA", "Liao Chen-huei, Taipei Times"): names the source of the photo. */
  credit?: string;
}

const HAN = '\\u3400-\\u9fff';
const HAN_RE = new RegExp(`^[${HAN}]+$`, 'u');

/** Words that look like 2–4 character names in a byline position but are desks, places or labels. */
const NOT_A_NAME = new Set([
  '本報',
  '綜合',
  '即時',
  '中心',
  '新聞',
  '報導',
  '外電',
  '台北',
  '臺北',
  '特派',
  '專題',
  '攝影',
  '國際',
  '政治',
  '社會',
  '生活',
  '地方',
  '財經',
  '娛樂',
  '體育',
  '提供',
  '資料',
  '翻攝',
  '編輯',
  '記者',
  '編譯',
]);

/** Endings that mark organisations and sources, not people ("民視新聞", "氣象署提供"). */
const ORG_ENDING = /(新聞|提供|社|網|署|部|會|局|院|府|處|中心|公司|報|台|臺|團|隊|館|所|組|協會|官網|粉專|臉書|資料|照|攝|截圖)$/u;

export function isChineseName(name: string): boolean {
  const n = name.trim();
  if (n.length < 2 || n.length > 4 || !HAN_RE.test(n)) return false;
  if (NOT_A_NAME.has(n) || ORG_ENDING.test(n)) return false;
  return true;
}

const EN_NOT_NAME = new Set([
  'times',
  'news',
  'press',
  'agency',
  'reuters',
  'photo',
  'photos',
  'staff',
  'writer',
  'reporter',
  'twitter',
  'facebook',
  'instagram',
  'office',
  'ministry',
  'department',
  'government',
  'council',
  'images',
  'getty',
  'associated',
  'service',
  'center',
  'centre',
  'bureau',
  'company',
  'corp',
  'inc',
  'ltd',
  'university',
  'museum',
  'courtesy',
  'file',
  'the',
  'of',
  'and',
  'with',
  'taipei',
  'taiwan',
  'focus',
  'handout',
  'via',
  'screengrab',
  'screenshot',
  'x',
  'youtube',
  'threads',
  'police',
  'army',
  'navy',
]);

export function isEnglishName(name: string): boolean {
  const n = name.trim();
  const tokens = n.split(/\s+/);
  if (tokens.length < 2 || tokens.length > 4) return false;
  return tokens.every(
    (t) => /^[A-Z][a-z'’]*(?:-[A-Za-z][a-z]*)*\.?$/.test(t) && !EN_NOT_NAME.has(t.toLowerCase().replace(/\.$/, '')) && !/['’]s$/.test(t),
  );
}

/** Places that follow a reporter's name directly in CNA datelines ("記者張三台北21日電"). */
const DATELINE_PLACE =
  /(台北|臺北|新北|桃園|新竹|苗栗|台中|臺中|彰化|南投|雲林|嘉義|台南|臺南|高雄|屏東|宜蘭|花蓮|台東|臺東|澎湖|金門|馬祖|連江|基隆|東京|大阪|首爾|北京|上海|香港|澳門|華盛頓|紐約|洛杉磯|舊金山|休士頓|芝加哥|倫敦|巴黎|柏林|布魯塞爾|日內瓦|莫斯科|新加坡|曼谷|河內|馬尼拉|雅加達|吉隆坡|雪梨|墨爾本|多倫多|溫哥華|新德里|特拉維夫|杜拜|羅馬|馬德里|維也納|布拉格|華沙|基輔|約翰尼斯堡|綜合|即時)/u;

/** Splits "張三、李四" / "張三 李四" into names, trimming a glued dateline place from the last one. */
function splitChineseNames(raw: string): string[] {
  const parts = raw
    .split(/[、，,\s]+/u)
    .map((p) => p.trim())
    .filter(Boolean);
  const names: string[] = [];
  for (let part of parts) {
    const place = DATELINE_PLACE.exec(part);
    if (place && place.index >= 2) part = part.slice(0, place.index);
    // A run longer than any name is a name glued to an unknown place; Chinese names are mostly three characters.
    if (part.length > 4) part = part.slice(0, 3);
    if (isChineseName(part)) names.push(part);
  }
  return names;
}

function splitEnglishNames(raw: string): string[] {
  return raw
    .split(/\s*(?:,|\band\b|&)\s*/)
    .map((p) => p.trim())
    .filter((p) => isEnglishName(p));
}

const ROLE_BY_WORD: ReadonlyArray<[RegExp, AuthorRole]> = [
  [/^(攝影記者|攝影|攝)$/u, 'photographer'],
  [/^(責任編輯|編輯)$/u, 'editor'],
  [/^(記者|特派員|特派記者|實習記者|駐地記者)$/u, 'reporter'],
];

function roleOf(word: string): AuthorRole {
  for (const [re, role] of ROLE_BY_WORD) if (re.test(word)) return role;
  return 'author';
}

/** Role words followed by one or more names, anywhere inside a byline. */
const ZH_ROLE_NAMES = new RegExp(
  `(攝影記者|實習記者|特派記者|駐地記者|特派員|記者|編譯|撰稿|撰文|攝影|責任編輯|編輯)\\s*[：:]?\\s*([${HAN}]{2,}(?:\\s*[、，,]\\s*[${HAN}]{2,})*)`,
  'gu',
);

function zhAuthorsIn(text: string): Author[] {
  const authors: Author[] = [];
  for (const m of text.matchAll(ZH_ROLE_NAMES)) {
    for (const name of splitChineseNames(m[2])) authors.push({ name, role: roleOf(m[1]) });
  }
  return authors;
}

/** Outlet glued before the role word or the first slash ("ETtoday記者…", "聯合報／ 記者…"). */
function zhOutletPrefix(line: string): string | undefined {
  const slash = /^([^／/\s]{2,12}?)\s*[／/]/u.exec(line);
  if (slash && !/(中心|組|部|報導)$/u.test(slash[1]) && !/記者|編譯/u.test(slash[1])) return slash[1];
  const glued = /^([A-Za-z]+[\u3400-\u9fff]*|[\u3400-\u9fff]{2,6}?)(?=記者|編譯|新聞中心)/u.exec(line);
  if (glued && !/中心$/u.test(glued[1])) return glued[1];
  return undefined;
}

const ZH_REPORT_END = /(?:即時|綜合|連線|專題|外電|特稿)?(?:報導|報道)\s*$/u;
const CNA_DATELINE = /^[（(]?\s*(中央社(?:記者|特派員|編譯)?[^）)]{0,24}?\d{1,2}日(?:專)?電)\s*[）)]?\s*/u;
const LTN_INLINE = /^[〔［\[【]\s*([^〕］\]】]{2,40}?)\s*[〕］\]】]\s*/u;
const CNYES = new RegExp(
  `^(鉅亨網|[A-Za-z]+)?(記者|編譯|新聞中心)([${HAN}]{0,4})\\s+([${HAN}]{2,6})\\s+(\\d{4})-(\\d{2})-(\\d{2})(?:\\s+\\d{1,2}:\\d{2})?\\s*$`,
  'u',
);
const ZH_EDITOR = new RegExp(`^[（(]?\\s*(?:責任)?編輯\\s*[：:／/]\\s*([${HAN}]{2,4})\\s*[）)]?\\s*\\d{0,8}\\s*$`, 'u');

/** Desk words that stand where a dateline place would ("綜合報導", "即時報導"): no place. */
const NOT_A_PLACE = /^(綜合|即時|連線|專題|外電|特稿|編譯|整理|本報|國際|新聞|中心)+$/u;

/** "記者X／台北即時報導": the segment before 報導, without the report-kind words. */
function zhDatelinePlace(text: string): string | undefined {
  const m = new RegExp(`[／/]\\s*([${HAN}]{2,8}?)(?:即時|綜合|連線|專題|外電|特稿)?(?:報導|報道)\\s*$`, 'u').exec(text);
  if (!m || NOT_A_PLACE.test(m[1]) || /記者|編譯|中心|組$/u.test(m[1])) return undefined;
  return m[1];
}

function chineseByline(line: string): BylineMatch | undefined {
  const t = line.trim();

  const cna = CNA_DATELINE.exec(t);
  if (cna) {
    const rest = t.slice(cna[0].length).trim();
    // "中央社記者張三台北21日電": the place sits between the name and the day
    const place = new RegExp(`([${HAN}]{2,5}?)\\d{1,2}日(?:專)?電$`, 'u').exec(cna[1]);
    const known = place ? DATELINE_PLACE.exec(place[1]) : null;
    const dateline = known && !NOT_A_PLACE.test(known[1]) ? known[1] : undefined;
    return { authors: zhAuthorsIn(cna[1]), outlet: '中央社', rest: rest || undefined, dateline };
  }

  const inline = LTN_INLINE.exec(t);
  if (inline && /(記者|編譯|報導|中央社|特派)/u.test(inline[1])) {
    const rest = t.slice(inline[0].length).trim();
    const outlet = /^中央社/u.test(inline[1]) ? '中央社' : undefined;
    return { authors: zhAuthorsIn(inline[1]), outlet, rest: rest || undefined, dateline: zhDatelinePlace(inline[1]) };
  }

  const cnyes = CNYES.exec(t);
  if (cnyes) {
    const authors = cnyes[3] && isChineseName(cnyes[3]) ? [{ name: cnyes[3], role: roleOf(cnyes[2]) }] : [];
    const dateline = NOT_A_PLACE.test(cnyes[4]) ? undefined : cnyes[4];
    return { authors, outlet: cnyes[1], date: `${cnyes[5]}-${cnyes[6]}-${cnyes[7]}`, dateline };
  }

  const editor = ZH_EDITOR.exec(t);
  if (editor && isChineseName(editor[1])) return { authors: [{ name: editor[1], role: 'editor' }] };

  // Whole-line bylines: short, and either end in "…報導" after a slash or a role word.
  if (t.length <= 60 && ZH_REPORT_END.test(t) && /[／/]|記者|編譯/u.test(t) && !/[。！？]/u.test(t)) {
    return { authors: zhAuthorsIn(t), outlet: zhOutletPrefix(t), dateline: zhDatelinePlace(t) };
  }
  // Reporter plus photographer credit lines ("記者王小明／攝影", "文／記者A 攝影／B").
  if (t.length <= 40 && /^(?:文[／/]\s*)?(?:記者|攝影)/u.test(t) && /[／/]/u.test(t) && !/[。！？]/u.test(t)) {
    const authors = zhAuthorsIn(t.replace(/記者\s*([\u3400-\u9fff、]+)\s*[／/]\s*攝影$/u, '攝影$1'));
    if (authors.length) return { authors };
  }
  return undefined;
}

const EN_BY = /^\(?\s*By\s+(.{3,120}?)\s*\)?\s*$/i;
const EN_STAFF = /^[/|]?\s*(?:(.{3,60}?),?\s+)?(?:CNA\s+)?staff\s+(?:writer|reporter)s?(?:,?\s*with\s+(.+?))?\.?\s*$/i;
const EN_WIRE = /^(?:[A-Z][A-Za-z .,'-]{0,60}?)?\s*\((Reuters|AP|AFP|CNA|Bloomberg|Xinhua|Kyodo|Yonhap|dpa|WAM)\)\s*[-–—]?\s*\S/;

function englishByline(line: string): BylineMatch | undefined {
  const t = line.trim();
  const staff = EN_STAFF.exec(t);
  if (staff && t.length <= 100) {
    const who = staff[1]?.replace(/^\(?\s*By\s+/i, '').replace(/\s*[/|,]\s*$/, '');
    const names = who ? splitEnglishNames(who) : [];
    const wire = staff[2]?.trim();
    return { authors: names.map((name) => ({ name, role: 'reporter' as const })), wire };
  }
  const by = EN_BY.exec(t);
  if (by && t.length <= 140) {
    // "By Crystal Hsu / Staff reporter", "By A and B", "By A, B and C in Taipei".
    const who = by[1].split(/\s*[/|]\s*|\s+in\s+[A-Z]/)[0].replace(/,\s*(?:CNA\s+)?(?:staff\s+)?(?:writer|reporter|correspondent).*$/i, '');
    const names = splitEnglishNames(who);
    if (names.length) return { authors: names.map((name) => ({ name, role: 'reporter' as const })) };
    const agency = /^(Reuters|AP|AFP|Associated Press|Bloomberg|CNA)(?:\s+staff)?$/i.exec(who.trim());
    if (agency) return { authors: [], outlet: agency[1] };
  }
  const wire = EN_WIRE.exec(t);
  if (wire) return { authors: [], wire: wire[1], keepLine: true };
  return undefined;
}

/** Recognises a byline line (whole line, or an inline prefix of the first paragraph). */
export function matchByline(line: string): BylineMatch | undefined {
  return chineseByline(line) ?? englishByline(line);
}

// ---- photo credits and captions ----

const AGENCY = '(?:中央社|路透社?|美聯社|法新社|歐新社|共同社|韓聯社|彭博|達志影像|新華社|AP|AFP|EPA|Reuters|CNA|Getty Images)';
const ZH_CREDIT_TAIL = new RegExp(`^(.*?)[。.]?\\s*記者\\s*([${HAN}、]{2,12}?)\\s*[／/]\\s*攝影\\s*$`, 'u');
const BARE_AGENCY_TAIL = new RegExp(`^(.+[。.!！])\\s*${AGENCY}\\s*$`, 'u');
/** A parenthesised credit: everything inside must look like a source, not like a remark. */
const PAREN_CREDIT = /[（(]\s*([^（）()]{1,40}?)\s*[）)]/gu;
const CREDIT_INNER = new RegExp(
  `^(?:圖\\s*[／/：:]|(?:圖片|照片|影像|攝影)(?:\\s*[／/：:]|來源)|記者[${HAN}、]{2,12}攝|資料照|檔案照|本報|翻攝|截圖|取自|示意圖|${AGENCY}$)|(?:攝|提供|資料照|翻攝|合成|截圖|示意圖|${AGENCY})$`,
  'u',
);

function creditAuthors(inner: string): Author[] {
  const authors: Author[] = [];
  for (const m of inner.matchAll(new RegExp(`記者\\s*([${HAN}、]{2,12}?)\\s*攝`, 'gu'))) {
    for (const name of splitChineseNames(m[1])) authors.push({ name, role: 'photographer' });
  }
  const bare = new RegExp(`^(?:圖|攝影|照片)\\s*[／/：:]\\s*([${HAN}]{2,4})$`, 'u').exec(inner.trim());
  if (bare && isChineseName(bare[1])) authors.push({ name: bare[1], role: 'photographer' });
  return authors;
}

const EN_CREDIT = [
  /^(.*?)\s*\b(?:Photos?|Images?|Graphic|Video)\s*:\s*(.{2,60})$/,
  /^(.*?)\s*\b(?:Photos?|Images?)\s+(?:courtesy of|taken from|provided by|by|from)\s+(.{2,60})$/i,
  /^(.*?)\s*\b((?:CNA|AFP|AP|Reuters|EPA|Bloomberg|Xinhua|Getty Images|Taipei Times)(?: file)? photos?\b.{0,30})$/i,
];

function englishCaption(line: string): CaptionMatch | undefined {
  for (const re of EN_CREDIT) {
    const m = re.exec(line);
    if (!m) continue;
    const caption = m[1].trim().replace(/\.{2,}$/, '.');
    // The credit sits at the end of a caption; a mid-paragraph "photo:" in a long sentence is prose.
    if (caption && !/[.!?"”)]$/.test(caption)) continue;
    const who = m[2].split(/\s*[,;/]\s*/)[0].trim();
    const authors: Author[] = isEnglishName(who) ? [{ name: who, role: 'photographer' }] : [];
    return { caption: caption || undefined, authors, credit: m[2].trim() };
  }
  return undefined;
}

/** Position markers of people in a photo: "魏哲家（左）、黃仁昭（右）". */
const POSITION_MARKER = /[（(](?:左|右|中|前|後)[一二三四五六1-6]?[）)]/u;

/**
 * Recognises a photo caption or credit line and pulls out the photographers. Returns
 * undefined for ordinary prose.
 */
/** Captions are one sentence; a long text or several sentences is body prose. */
function isProse(text: string): boolean {
  return text.length > 160 || (text.match(/[。！？]/gu) ?? []).length >= 2;
}

export function matchCaption(line: string): CaptionMatch | undefined {
  let t = line.trim();
  const marked = /^[▲▼△►■]\s*/u.exec(t) ?? /^圖說[：:]\s*/u.exec(t);
  if (marked) t = t.slice(marked[0].length);

  const tail = ZH_CREDIT_TAIL.exec(t);
  if (tail) {
    const authors = splitChineseNames(tail[2]).map((name) => ({ name, role: 'photographer' as const }));
    const caption = tail[1].trim();
    return { caption: caption ? `${caption.replace(/[。.]$/u, '')}。` : undefined, authors };
  }

  for (const m of t.matchAll(PAREN_CREDIT)) {
    const inner = m[1].trim();
    if (!CREDIT_INNER.test(inner)) continue;
    const before = t.slice(0, m.index).trim();
    const after = t
      .slice((m.index ?? 0) + m[0].length)
      .replace(/^[。.\s]+/u, '')
      .trim();
    // An agency tag followed by text is a wire dateline ("KAOHSIUNG (Reuters) - …"), not a credit.
    if (after && !/^圖|攝|提供|翻攝|資料照|截圖/u.test(inner)) continue;
    // Prose ending in a wire tag is a body paragraph crediting its source, not a caption.
    if (isProse(before) && !marked) continue;
    // A credit ends its caption; text after it is the next paragraph glued on by the dump.
    return { caption: before || undefined, authors: creditAuthors(inner), rest: after || undefined, credit: inner };
  }

  // A credit on a line of its own ("圖／王大明", "攝影：李小華").
  const bareCredit = /^(?:圖|攝影|照片|圖片)\s*[／/：:]\s*(\S.{0,20})$/u.exec(t);
  if (bareCredit) return { authors: creditAuthors(t), caption: undefined, credit: bareCredit[1].trim() };

  const agency = BARE_AGENCY_TAIL.exec(t);
  if (agency && t.length <= 200 && !isProse(agency[1]))
    return { caption: agency[1].trim(), authors: [], credit: t.slice(agency[1].length).trim() };

  const en = englishCaption(t);
  if (en) return en;

  if (marked) return { caption: t || undefined, authors: [] };
  if (POSITION_MARKER.test(t) && t.length <= 200) return { caption: t, authors: [] };

  // Image alt text and caption dumped side by side: the same label twice.
  const half = t.length / 2;
  if (t.length >= 4 && t.length <= 60 && Number.isInteger(half) && t.slice(0, half) === t.slice(half)) {
    return { caption: t.slice(0, half), authors: [] };
  }
  return undefined;
}
