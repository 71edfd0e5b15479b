import type { Language } from '../domain/types';

/**
 * Characters whose Traditional and Simplified forms differ, aligned pair by pair. A small,
 * frequent set is enough: news text repeats these characters constantly, so counting them
 * separates the two scripts without a full conversion table.
 */
const TRADITIONAL =
  '國這們來時會為說對學發經過動後見開關與還當點現體從頭樣義機問員長種實車話業兩東邊電務場產間聽應進報導記網際華語讀書寫買賣傳統總選舉黨區縣鄉鎮議題費價錢銀讓認識變歷處術團結組織軍隊勝負戰爭稅貿調條約辦隨陸島灣門閉風雲氣溫熱龍鳳飛馬魚鳥雞豐視聞論護難顯響顧歲興據擊擴層廣態寶屬萬億協營單雙齊鐵證權錄離聯絡請詢師歸聖號標準預測設計';
const SIMPLIFIED =
  '国这们来时会为说对学发经过动后见开关与还当点现体从头样义机问员长种实车话业两东边电务场产间听应进报导记网际华语读书写买卖传统总选举党区县乡镇议题费价钱银让认识变历处术团结组织军队胜负战争税贸调条约办随陆岛湾门闭风云气温热龙凤飞马鱼鸟鸡丰视闻论护难显响顾岁兴据击扩层广态宝属万亿协营单双齐铁证权录离联络请询师归圣号标准预测设计';

const traditionalOnly = new Set<string>();
const simplifiedOnly = new Set<string>();
{
  const t = Array.from(TRADITIONAL);
  const s = Array.from(SIMPLIFIED);
  for (let i = 0; i < Math.min(t.length, s.length); i += 1) {
    // Pairs that happen to coincide carry no signal, so they are left out.
    if (t[i] !== s[i]) {
      traditionalOnly.add(t[i]);
      simplifiedOnly.add(s[i]);
    }
  }
  for (const c of traditionalOnly) simplifiedOnly.delete(c);
}

export const scriptSets = { traditionalOnly, simplifiedOnly } as const;

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;
const LATIN = /[A-Za-z]/;

/**
 * Guesses the language of a text: 'en' when Latin letters dominate, 'zh-Hant' / 'zh-Hans'
 * by which script's distinctive characters are more frequent, 'zh' when undecided, 'und'
 * when the text has no letters at all.
 */
export function detectLanguage(text: string): Language {
  let cjk = 0;
  let latin = 0;
  let trad = 0;
  let simp = 0;
  for (const ch of text) {
    if (LATIN.test(ch)) latin += 1;
    else if (CJK.test(ch)) {
      cjk += 1;
      if (traditionalOnly.has(ch)) trad += 1;
      else if (simplifiedOnly.has(ch)) simp += 1;
    }
  }
  if (cjk === 0 && latin === 0) return 'und';
  // One CJK character carries about as much as a short English word, hence the factor.
  if (latin > cjk * 3) return 'en';
  if (trad > simp) return 'zh-Hant';
  if (simp > trad) return 'zh-Hans';
  return cjk > 0 ? 'zh' : 'en';
}

/** Normalises language tags from headers and metadata ("zh-TW", "zh_Hant", "EN-us"). */
export function normalizeLanguageTag(tag: string | undefined): Language | undefined {
  if (!tag) return undefined;
  const t = tag.trim().replace(/_/g, '-').toLowerCase();
  if (!t) return undefined;
  if (/^zh-(hant|tw|hk|mo)\b/.test(t) || t === 'zh-hant') return 'zh-Hant';
  if (/^zh-(hans|cn|sg)\b/.test(t) || t === 'zh-hans') return 'zh-Hans';
  if (t === 'zh' || t === 'chinese') return 'zh';
  if (/^en\b/.test(t) || t === 'english') return 'en';
  return t.split('-')[0];
}
