import { normalizeForm } from './normalize';
import { dictEntry } from './segment';
import { JAPANESE_NAME as J } from './weights';
import { WordList } from './word-list';
import { leftEvidence, rightEvidence, type NameContext } from './zh-name-model';
import { nameContext, PERSON_BEFORE, SPEECH_AFTER } from './zh-names';
import type { NameCandidate, PeopleContext } from './zh-people';

/**
 * Japanese names written in Chinese text (a surname of two or three characters and a given name
 * of one to three): the Chinese name model knows neither part, as Japanese surnames are not
 * Chinese surnames. The surnames are general knowledge, the most common family names of Japan;
 * a reading needs boundary evidence on both sides (a title or punctuation before, a speech verb
 * or punctuation after) and a Japanese context (日本, 日籍, 日相 … near it) or a title right before.
 */
const SURNAMES = (
  '佐藤 鈴木 高橋 田中 伊藤 渡邊 渡邉 渡辺 山本 中村 小林 加藤 吉田 山田 佐佐木 佐々木 山口 松本 井上 木村 清水 山崎 池田 橋本 阿部 石川 山下 中島 石井 ' +
  '小川 前田 岡田 長谷川 藤田 後藤 近藤 村上 遠藤 青木 坂本 齋藤 齊藤 斎藤 福田 太田 西村 藤井 金子 岡本 藤原 中野 三浦 原田 中川 松田 竹內 竹内 小野 田村 ' +
  '中山 和田 石田 森田 上田 內田 内田 柴田 酒井 宮崎 橫山 横山 高木 安藤 宮本 大野 小島 谷口 今井 工藤 高田 增田 増田 丸山 杉山 村田 大塚 新井 小山 平野 ' +
  '藤本 河野 上野 野口 武田 松井 千葉 岩崎 菅原 木下 久保 佐野 野村 松尾 市川 菊地 杉本 古川 大西 島田 水野 櫻井 桜井 高野 渡部 吉川 山內 山内 西田 飯田 ' +
  '菅野 西川 小松 北村 安田 五十嵐 川口 平田 中田 久保田 服部 岩田 土屋 川崎 福島 本田 樋口 秋山 田口 永井 山中 中西 吉村 川上 石原 大橋 松岡 馬場 淺野 ' +
  '浅野 荒木 大久保 野田 小池 宮田 森本 大谷 鈴村 早川 小西 坂口 堀 岸本 三宅 松下 上原 竹田 星野 中谷 片山 北川 福井 岡崎 西山 吉岡 大川 荻野'
).split(' ');

const SURNAME_LIST = new WordList(SURNAMES.map((s) => normalizeForm(s)));
/** Words near a name that say the article is talking about Japan or a Japanese person. */
const JAPAN_CUES = [
  '日本',
  '日籍',
  '日相',
  '日方',
  '日媒',
  '日職',
  '東京',
  '大阪',
  '京都',
  '沖繩',
  '北海道',
  '自民黨',
  '內閣',
  '首相',
  '眾議院',
  '參議院',
].map((w) => normalizeForm(w));
const HIRAGANA_OR_KATAKANA = /[\u3040-\u30ff]/;
const NAME_CHAR = (c: string | undefined) => !!c && (/[\u3400-\u9fff]/.test(c) || HIRAGANA_OR_KATAKANA.test(c));

function nearJapan(norm: string, start: number): boolean {
  const window = norm.slice(Math.max(0, start - J.contextChars), start + J.contextChars);
  return JAPAN_CUES.some((c) => window.includes(c));
}

export function japaneseNames(ctx: PeopleContext): NameCandidate[] {
  const nctx: NameContext = nameContext(ctx);
  const { norm } = ctx;
  const out: NameCandidate[] = [];
  for (let i = 0; i < norm.length; i++) {
    if (ctx.lexMask?.[i]) continue;
    const surname = SURNAME_LIST.startingAt(norm, i);
    if (!surname) continue;
    // a role noun right before (選手, 好手, 首相) is as good a left boundary as a title
    const left = Math.max(leftEvidence(nctx, i), PERSON_BEFORE.endsAt(norm, i) ? J.roleBefore : 0);
    if (left < J.minLeft) continue;
    // a verb right after the surname (中村表示): the surname alone is a short reference, not a full name
    if (SPEECH_AFTER.startsAt(norm, i + surname.length)) continue;
    let best: { end: number; score: number } | undefined;
    for (const givenLen of [2, 3, 1]) {
      const end = i + surname.length + givenLen;
      if (end > norm.length) break;
      let ok = true;
      for (let k = i + surname.length; k < end && ok; k++) ok = NAME_CHAR(norm[k]) && !ctx.lexMask?.[k];
      if (!ok) continue;
      const name = norm.slice(i, end);
      const e = dictEntry(name);
      if (e && !/^nr/.test(e.tag)) continue;
      // an ordinary word after the surname (山本|今天, 中村|里長) is no given name
      const given = dictEntry(norm.slice(i + surname.length, end));
      if (given && !/^nr/.test(given.tag) && given.freq >= J.givenWordFreq) continue;
      // a speech or action verb right after (表示, 擊敗, 砍下) is the strongest right boundary
      const right = Math.max(rightEvidence(nctx, end), SPEECH_AFTER.startsAt(norm, end) ? J.verbAfter : 0);
      const score = left + right - (givenLen === 2 ? 0 : J.unusualGivenLength);
      if (!best || score > best.score) best = { end, score };
    }
    if (!best || best.score < J.accept) continue;
    if (!nctx.titleEnds.has(i) && !PERSON_BEFORE.endsAt(norm, i) && !nearJapan(norm, i)) continue;
    out.push({ start: i, end: best.end, norm: norm.slice(i, best.end), strength: 2, score: best.score });
    i = best.end - 1;
  }
  return out;
}
