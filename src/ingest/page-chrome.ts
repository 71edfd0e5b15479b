/**
 * Page furniture that text dumps of news sites carry around the article: navigation,
 * app and ad prompts, browser notices, share buttons, comment rules, copyright lines.
 * Kept as pattern tables so a new outlet's chrome is one line to add.
 */

/** Lines that are chrome on their own, whatever their position. */
const CHROME_EXACT =
  /^(快訊|焦點|即時|即時新聞|熱門|最新|首頁|新聞|影音|專題|分享|分享到|分享至|轉寄|列印|複製連結|加入好友|追蹤|訂閱|字級|字體|字級設定|返回|回到頂端|回頂端|TOP|下一則|上一則|下一篇|上一篇|看更多|更多|廣告|贊助|贊助內容|Advertisement|Sponsored|Share|Tweet|Print|Email|Download|Subscribe|Sign in|Log in|Menu|Search|Home|Listen|LINE|Facebook|Twitter|X|Threads|Instagram|規範|發布|我要留言|看留言|大|中|小|A|A\+|A-|\/|▶|►|\d{1,2}:\d{2}(\s*\/\s*\d{1,2}:\d{2})?)$/i;

/** Weather widgets at the top of ltn pages ("晴時多雲"). */
const WEATHER = /^[晴陰雨雲多時短暫陣雷午後局部有偶]{2,8}$/u;

const SHORT_CHROME: readonly RegExp[] = [
  /(下載|download).{0,12}(APP|App|app)|(APP|App).{0,8}(下載|看新聞)|點我下載|按我看活動|Focus Taiwan App/i,
  /請繼續往下閱讀|我是廣告|^廣告[\s：:]|^AD\b/,
  /加入.{0,10}(LINE|Line)\s*(好友|官方)|訂閱.{0,12}(電子報|頻道|YouTube|Podcast)|追蹤.{0,10}(IG|Instagram|臉書|粉專|Google News)|^Follow us\b|^Sign up for\b|newsletter/i,
  /^(分享|Share)\s*(到|至|on|:|：)/i,
  /^\d+\s*(則留言|comments?)$/i,
];

const LONG_CHROME: readonly RegExp[] = [
  /為達最佳瀏覽效果|建議使用.{0,30}(瀏覽器|Chrome|Firefox|Edge|Safari)|(update|upgrade) your browser|browser (is|does) not support|enable JavaScript|To activate the text-to-speech|privacy policy below|we use cookies|cookie policy/i,
  /^©|©\s*\d{4}|^Copyright\b|Copyright\s*(©|\(c\))?\s*\d{4}|版權所有|All rights reserved|不得轉載|禁止轉載|未經授權.{0,10}(轉載|重製)|本網站.{0,20}(著作權|轉載)/i,
  /(不得|請勿).{0,20}(張貼|留言|謾罵|違法).{0,40}|留言.{0,20}(規範|規則|責任)|有權逕予刪除/,
];

export function isChrome(line: string): boolean {
  const t = line.trim();
  if (CHROME_EXACT.test(t)) return true;
  if (t.length <= 8 && WEATHER.test(t)) return true;
  if (t.length <= 80 && SHORT_CHROME.some((re) => re.test(t))) return true;
  if (t.length <= 240 && LONG_CHROME.some((re) => re.test(t))) return true;
  return false;
}

/** Where the article ends: comment areas, shopping blocks, wire end marks, "most read" lists. */
const STOP =
  /^(商品推薦|udn討論區|討論區|留言區|留言|\d+\s*則留言|Enditem(\/[\w/.-]*)?|We value your privacy\.?|熱門新聞|最新新聞|編輯推薦|今日熱門|熱門推薦|看了這則新聞的人.*|你可能也想看|猜你喜歡|More from .{1,40}|Most (read|popular|viewed)|Trending( now)?|Comments?)$/i;

export const isStop = (line: string): boolean => STOP.test(line.trim());

/** Section heads of related-story teasers; an optional inline title follows a colon. */
const RELATED =
  /^(延伸閱讀|相關新聞|相關報導|相關閱讀|推薦閱讀|更多新聞|看更多新聞|Related(?: News| Stories| Articles| Coverage| Content)?|Read (?:more|also|next)|See also|Also read)\s*(?:[：:]\s*(.*))?$/i;

/** The section head's inline teaser title, or '' for a bare head; undefined when not a head. */
export function relatedHead(line: string): string | undefined {
  const m = RELATED.exec(line.trim());
  if (!m) return undefined;
  return (m[2] ?? '').trim();
}

const BULLET = /^[•●・◆◇▪□]\s*(.+)$/u;

/** Bullet-point text: in-body link lists on wire sites ("• U.S. announces …"). */
export function bulletText(line: string): string | undefined {
  return BULLET.exec(line.trim())?.[1];
}
