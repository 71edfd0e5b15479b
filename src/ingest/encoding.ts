import * as iconv from 'iconv-lite';
import { badInput } from '../domain/errors';

/** Signatures of binary formats people tend to feed in by mistake. */
const MAGIC: ReadonlyArray<[string, number[]]> = [
  ['PDF', [0x25, 0x50, 0x44, 0x46]],
  ['PNG', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG', [0xff, 0xd8, 0xff]],
  ['GIF', [0x47, 0x49, 0x46, 0x38]],
  ['ZIP/DOCX', [0x50, 0x4b, 0x03, 0x04]],
  ['GZIP', [0x1f, 0x8b]],
];

const startsWith = (buf: Buffer, bytes: number[]): boolean => bytes.every((b, i) => buf[i] === b);

/**
 * Characters frequent in any Chinese news text. Text from another double-byte encoding
 * (GBK, Shift_JIS) often passes Big5's byte-structure check, but decodes to rare characters.
 */
const COMMON_HAN = new Set(
  Array.from(
    '的一是不了在人有我他這個們中來上大為和國地到以說時要就出會可也你對生能而子那得於著下自之年過發後作裡用道行所然家種事成方多經去法學如都同現當沒動面起看定天分還進好小部其些主樣理心她本前開但因只從想實日者意無力與長把機十民第公此已工使情明性知全三又關點正業外將兩高間由問很最重並物手應戰向頭文體政美相見被利二等產或新己制身果加月話合回特代內信表化老給世位次度門任常先海通教原東聲提立及比員解水名真論處走義各入幾口認條平系氣題活更別打女變四神總何電數安少報才結反受目太量再感建務做接必場件計管期市直德資命山金指許統區保至隊形社便空決治展馬科司五基眼書非則聽白界達光放強即像難且權思王象完設式色路記南品住告類求據程北邊死張該交規萬取拉格望覺術領共確傳師觀清今切院讓識候帶導爭運笑飛風步改收根造言聯持組每濟車親極林服快辦議往元士證近失轉夫令準布始怎存未遠叫台單影具羅字愛擊流備兵連調深商算質團集百需價花黨華城石級整府離況亞請技際約示復病息究線似官火斷精滿支視消越器容照須九增研寫稱企八功包片史委乎查輕易早曾除農找裝廣顯阿李標談吃圖念六引歷首醫局突專費號盡另周較注語僅考落青隨選列武紅響雖推勢參希古眾構房半節土投某案黑維革劃敵致陳律足態護七興派孩驗責營星夠章音跟志底站嚴巴例防族供效續施留講型料終答緊黃絕奇察母京段依批群項故按河米圍江織害雙境客紀採舉殺攻父蘇密低朝友訴止細願千值仍男錢破網熱助倒育屬坐限船臉職速刻樂否剛威狀率獨球般普怕彈校苦創假久錯承印晚試股拿預誰益陽若微尼繼送急血驚傷素藥適波夜省初喜衛源食險待述陸習置居勞財環排福紙顏賣賽今昨表示指出台灣美國中國總統立委市長記者報導',
  ),
);

function big5Plausible(buf: Buffer): boolean {
  let i = 0;
  let pairs = 0;
  while (i < buf.length) {
    const b = buf[i];
    if (b < 0x80) {
      i += 1;
      continue;
    }
    const t = buf[i + 1];
    if (b < 0x81 || b > 0xfe || t === undefined) return false;
    if (!((t >= 0x40 && t <= 0x7e) || (t >= 0xa1 && t <= 0xfe))) return false;
    pairs += 1;
    i += 2;
  }
  return pairs > 0;
}

function looksLikeChinese(text: string): boolean {
  let han = 0;
  let common = 0;
  for (const ch of text) {
    if (/[\u3400-\u9fff]/u.test(ch)) {
      han += 1;
      if (COMMON_HAN.has(ch)) common += 1;
    }
  }
  // Short snippets carry too little evidence to reject.
  return han < 12 || common / han >= 0.15;
}

/**
 * Decodes a file's bytes: UTF-8 (with or without BOM), UTF-16 with BOM, or Big5. Anything
 * else — binary files, other legacy encodings — is refused with a message naming the file.
 */
export function decodeBuffer(buf: Buffer, origin?: string): string {
  if (buf.length === 0) throw badInput('empty file', origin);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3).toString('utf8');
  if (buf[0] === 0xff && buf[1] === 0xfe) return iconv.decode(buf.subarray(2), 'utf16le');
  if (buf[0] === 0xfe && buf[1] === 0xff) return iconv.decode(buf.subarray(2), 'utf16be');
  for (const [kind, bytes] of MAGIC) {
    if (startsWith(buf, bytes)) throw badInput(`binary file (${kind}), not a news text`, origin);
  }
  const sample = buf.subarray(0, 8192);
  if (sample.includes(0)) throw badInput('binary file (contains NUL bytes), not a news text', origin);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    // not UTF-8: try Big5 below
  }
  if (big5Plausible(buf)) {
    const text = iconv.decode(buf, 'big5');
    if (!text.includes('\ufffd') && looksLikeChinese(text)) return text;
  }
  throw badInput('unknown text encoding (expected UTF-8, UTF-16 with BOM or Big5)', origin);
}
