#!/usr/bin/env node
'use strict';
/**
 * Deterministic generator of synthetic news articles for benchmarks and load tests.
 *
 * Mixes Traditional Chinese (~70%) and English (~30%) stories about Taiwanese politics,
 * diplomacy, the economy and the weather, with Zipf-like entity frequencies (a few very
 * frequent entities such as 台灣 / 美國 / 中國 / 賴清德 / 立法院, a long tail of rare ones),
 * the title + name patterns the extractor understands (外交部長林佳龍, 國民黨立委X), committees,
 * countries, places and topic keywords, dates spread over twelve months, outlets and bylines.
 * Story bursts: about a third of the articles follow up a recent event (the same people, places,
 * organizations and topics, within four days, any outlet or language); about 5 % are wire copies
 * of a recent article by another outlet (the body unchanged but for a tag). Streaming: memory
 * holds the last 40 events and 100 articles, whatever the count (1 M on demand).
 * Every sentence is invented from the small word lists below; all people except a handful of
 * top office holders are fictional.
 *
 * As a module:
 *   const { generateDocs, toPageText, toArticle } = require('./generate-articles');
 *   for (const doc of generateDocs({ count: 1000, seed: 'bench' })) { ... }
 * As a CLI:
 *   node scripts/generate-articles.js --count 1000 --out DIR [--seed S] [--zh-ratio 0.7] [--format text|jsonl]
 */

const fs = require('node:fs');
const path = require('node:path');
const { createHash } = require('node:crypto');
const { createRng, zipfSampler, pickOther } = require('./lib/prng');

// ---------------------------------------------------------------------------------------------
// Word lists (ordered by how often they should appear: earlier = more frequent)
// ---------------------------------------------------------------------------------------------

/** [zh, en, short form for 台X compounds or null] */
const COUNTRIES = [
  ['台灣', 'Taiwan', null],
  ['美國', 'the US', '美'],
  ['中國', 'China', '中'],
  ['日本', 'Japan', '日'],
  ['南韓', 'South Korea', '韓'],
  ['菲律賓', 'the Philippines', '菲'],
  ['澳洲', 'Australia', '澳'],
  ['德國', 'Germany', '德'],
  ['英國', 'the UK', '英'],
  ['法國', 'France', '法'],
  ['印度', 'India', '印'],
  ['越南', 'Vietnam', '越'],
  ['加拿大', 'Canada', '加'],
  ['俄羅斯', 'Russia', null],
  ['烏克蘭', 'Ukraine', null],
  ['以色列', 'Israel', null],
  ['新加坡', 'Singapore', '星'],
  ['泰國', 'Thailand', '泰'],
  ['印尼', 'Indonesia', null],
  ['馬來西亞', 'Malaysia', null],
  ['荷蘭', 'the Netherlands', '荷'],
  ['立陶宛', 'Lithuania', null],
  ['捷克', 'the Czech Republic', '捷'],
  ['波蘭', 'Poland', '波'],
  ['巴拉圭', 'Paraguay', null],
  ['瓜地馬拉', 'Guatemala', null],
  ['史瓦帝尼', 'Eswatini', null],
  ['南非', 'South Africa', null],
  ['巴西', 'Brazil', null],
  ['墨西哥', 'Mexico', null],
  ['沙烏地阿拉伯', 'Saudi Arabia', null],
  ['伊朗', 'Iran', null],
  ['土耳其', 'Turkey', null],
  ['紐西蘭', 'New Zealand', '紐'],
  ['瑞典', 'Sweden', null],
  ['芬蘭', 'Finland', null],
  ['智利', 'Chile', null],
  ['貝里斯', 'Belize', null],
  ['帛琉', 'Palau', null],
  ['馬紹爾群島', 'the Marshall Islands', null],
].map(([zh, en, short]) => ({ zh, en, short }));

/** [zh, en] places: cities, counties, regions, seas. */
const PLACES = [
  ['台北市', 'Taipei'],
  ['新北市', 'New Taipei'],
  ['台中市', 'Taichung'],
  ['高雄市', 'Kaohsiung'],
  ['台南市', 'Tainan'],
  ['桃園市', 'Taoyuan'],
  ['台灣海峽', 'the Taiwan Strait'],
  ['花蓮縣', 'Hualien County'],
  ['新竹科學園區', 'Hsinchu Science Park'],
  ['屏東縣', 'Pingtung County'],
  ['宜蘭縣', 'Yilan County'],
  ['台東縣', 'Taitung County'],
  ['金門', 'Kinmen'],
  ['澎湖', 'Penghu'],
  ['南海', 'the South China Sea'],
  ['基隆市', 'Keelung'],
  ['嘉義縣', 'Chiayi County'],
  ['彰化縣', 'Changhua County'],
  ['雲林縣', 'Yunlin County'],
  ['苗栗縣', 'Miaoli County'],
  ['南投縣', 'Nantou County'],
  ['新竹縣', 'Hsinchu County'],
  ['馬祖', 'Matsu'],
  ['東京', 'Tokyo'],
  ['華盛頓', 'Washington'],
  ['北京', 'Beijing'],
  ['上海', 'Shanghai'],
  ['香港', 'Hong Kong'],
  ['首爾', 'Seoul'],
  ['馬尼拉', 'Manila'],
  ['布魯塞爾', 'Brussels'],
  ['東沙群島', 'the Pratas Islands'],
  ['太平島', 'Itu Aba'],
  ['綠島', 'Green Island'],
  ['蘭嶼', 'Orchid Island'],
  ['阿里山', 'Alishan'],
].map(([zh, en]) => ({ zh, en }));

/** [zh, en, kind] organizations. */
const ORGS = [
  ['立法院', 'the Legislative Yuan', 'legislature'],
  ['行政院', 'the Executive Yuan', 'government'],
  ['總統府', 'the Presidential Office', 'government'],
  ['外交部', 'the Ministry of Foreign Affairs', 'government'],
  ['國防部', 'the Ministry of National Defense', 'government'],
  ['經濟部', 'the Ministry of Economic Affairs', 'government'],
  ['民進黨', 'the Democratic Progressive Party', 'party'],
  ['國民黨', 'the Kuomintang', 'party'],
  ['台積電', 'TSMC', 'company'],
  ['財政部', 'the Ministry of Finance', 'government'],
  ['陸委會', 'the Mainland Affairs Council', 'government'],
  ['衛福部', 'the Ministry of Health and Welfare', 'government'],
  ['交通部', 'the Ministry of Transportation and Communications', 'government'],
  ['內政部', 'the Ministry of the Interior', 'government'],
  ['民眾黨', "the Taiwan People's Party", 'party'],
  ['中央氣象署', 'the Central Weather Administration', 'government'],
  ['國發會', 'the National Development Council', 'government'],
  ['監察院', 'the Control Yuan', 'government'],
  ['鴻海', 'Hon Hai Precision Industry', 'company'],
  ['聯發科', 'MediaTek', 'company'],
  ['聯合國', 'the United Nations', 'international'],
  ['世界衛生組織', 'the World Health Organization', 'international'],
  ['北約', 'NATO', 'international'],
  ['世界貿易組織', 'the World Trade Organization', 'international'],
  ['美國國務院', 'the US Department of State', 'government'],
  ['美國商務部', 'the US Department of Commerce', 'government'],
  ['國台辦', "China's Taiwan Affairs Office", 'government'],
  ['環境部', 'the Ministry of Environment', 'government'],
  ['農業部', 'the Ministry of Agriculture', 'government'],
  ['教育部', 'the Ministry of Education', 'government'],
  ['勞動部', 'the Ministry of Labor', 'government'],
  ['金管會', 'the Financial Supervisory Commission', 'government'],
  ['中央銀行', 'the central bank', 'government'],
  ['司法院', 'the Judicial Yuan', 'government'],
  ['歐盟', 'the EU', 'international'],
  ['亞太經濟合作會議', 'APEC', 'international'],
].map(([zh, en, kind]) => ({ zh, en, kind }));

const MINISTRIES = ORGS.filter((o) => o.kind === 'government' && /部$|會$|署$/.test(o.zh) && !/^美國|國台辦/.test(o.zh));

/** Legislative committees: [zh, en]. */
const COMMITTEES = [
  ['外交及國防委員會', 'Foreign Affairs and National Defense Committee'],
  ['經濟委員會', 'Economics Committee'],
  ['財政委員會', 'Finance Committee'],
  ['內政委員會', 'Internal Administration Committee'],
  ['交通委員會', 'Transportation Committee'],
  ['社會福利及衛生環境委員會', 'Social Welfare and Environmental Hygiene Committee'],
  ['教育及文化委員會', 'Education and Culture Committee'],
  ['司法及法制委員會', 'Judiciary and Organic Laws and Statutes Committee'],
].map(([zh, en]) => ({ zh, en }));

const PARTIES = [
  { zh: '民進黨', en: 'Democratic Progressive Party (DPP)', short: 'DPP', w: 0.45 },
  { zh: '國民黨', en: 'Kuomintang (KMT)', short: 'KMT', w: 0.45 },
  { zh: '民眾黨', en: "Taiwan People's Party (TPP)", short: 'TPP', w: 0.1 },
];

/** Topics: zh keyword, English phrase, peak month (1..12) for a seasonal/bursty date profile. */
const TOPICS = [
  ['關稅', 'tariffs', 4],
  ['半導體', 'semiconductors', 0],
  ['稀土', 'rare earths', 10],
  ['人工智慧', 'artificial intelligence', 0],
  ['國防預算', 'the defense budget', 9],
  ['颱風', 'typhoons', 8],
  ['供應鏈', 'supply chains', 0],
  ['兩岸關係', 'cross-strait relations', 0],
  ['能源轉型', 'the energy transition', 0],
  ['核電', 'nuclear power', 5],
  ['罷免', 'recall votes', 7],
  ['地震', 'earthquakes', 4],
  ['長照', 'long-term care', 0],
  ['少子化', 'the low birth rate', 0],
  ['房價', 'housing prices', 0],
  ['通膨', 'inflation', 0],
  ['詐騙', 'fraud', 0],
  ['晶片', 'chips', 0],
  ['電動車', 'electric vehicles', 0],
  ['觀光', 'tourism', 7],
  ['棒球', 'baseball', 11],
  ['疫苗', 'vaccines', 12],
  ['空污', 'air pollution', 1],
  ['食安', 'food safety', 0],
  ['網路安全', 'cybersecurity', 0],
  ['缺電', 'power shortages', 7],
  ['碳費', 'carbon fees', 0],
  ['軍購', 'arms sales', 0],
  ['關鍵礦物', 'critical minerals', 10],
  ['出口管制', 'export controls', 10],
  ['匯率', 'exchange rates', 0],
  ['健保', 'national health insurance', 0],
].map(([zh, en, peak]) => ({ zh, en, peak }));

/** Well-known office holders (the frequent head of the person distribution). */
const FAMOUS = [
  ['賴清德', 'Lai Ching-te', '總統', 'President', '總統府'],
  ['卓榮泰', 'Cho Jung-tai', '行政院長', 'Premier', '行政院'],
  ['林佳龍', 'Lin Chia-lung', '外交部長', 'Minister of Foreign Affairs', '外交部'],
  ['韓國瑜', 'Han Kuo-yu', '立法院長', 'Legislative Speaker', '立法院'],
  ['川普', 'Donald Trump', '美國總統', 'US President', null],
  ['顧立雄', 'Wellington Koo', '國防部長', 'Minister of National Defense', '國防部'],
  ['蕭美琴', 'Hsiao Bi-khim', '副總統', 'Vice President', '總統府'],
  ['習近平', 'Xi Jinping', '中國國家主席', 'Chinese President', null],
  ['龔明鑫', 'Kung Ming-hsin', '經濟部長', 'Minister of Economic Affairs', '經濟部'],
  ['邱垂正', 'Chiu Chui-cheng', '陸委會主委', 'Mainland Affairs Council Minister', '陸委會'],
  ['蔣萬安', 'Chiang Wan-an', '台北市長', 'Taipei Mayor', null],
  ['盧秀燕', 'Lu Shiow-yen', '台中市長', 'Taichung Mayor', null],
  ['高市早苗', 'Sanae Takaichi', '日本首相', 'Japanese Prime Minister', null],
].map(([zh, en, titleZh, titleEn, org]) => ({ zh, en, titledZh: `${titleZh}${zh}`, titledEn: `${titleEn} ${en}`, org }));

/** Surnames and given-name syllables with a romanisation, to invent fictional people. */
const SURNAMES = [
  ['陳', 'Chen'],
  ['林', 'Lin'],
  ['黃', 'Huang'],
  ['張', 'Chang'],
  ['李', 'Li'],
  ['王', 'Wang'],
  ['吳', 'Wu'],
  ['劉', 'Liu'],
  ['蔡', 'Tsai'],
  ['楊', 'Yang'],
  ['許', 'Hsu'],
  ['鄭', 'Cheng'],
  ['謝', 'Hsieh'],
  ['洪', 'Hung'],
  ['郭', 'Kuo'],
  ['邱', 'Chiu'],
  ['曾', 'Tseng'],
  ['廖', 'Liao'],
  ['徐', 'Hsu'],
  ['周', 'Chou'],
  ['葉', 'Yeh'],
  ['蘇', 'Su'],
  ['莊', 'Chuang'],
  ['呂', 'Lu'],
  ['江', 'Chiang'],
  ['何', 'Ho'],
  ['蕭', 'Hsiao'],
  ['羅', 'Lo'],
  ['高', 'Kao'],
  ['潘', 'Pan'],
  ['簡', 'Chien'],
  ['朱', 'Chu'],
  ['鍾', 'Chung'],
  ['游', 'Yu'],
  ['彭', 'Peng'],
  ['詹', 'Chan'],
  ['胡', 'Hu'],
  ['施', 'Shih'],
  ['沈', 'Shen'],
  ['余', 'Yu'],
  ['盧', 'Lu'],
  ['梁', 'Liang'],
  ['趙', 'Chao'],
  ['顏', 'Yen'],
  ['柯', 'Ko'],
  ['翁', 'Weng'],
  ['魏', 'Wei'],
  ['孫', 'Sun'],
  ['戴', 'Tai'],
];
const GIVEN = [
  ['志', 'Chih'],
  ['明', 'Ming'],
  ['怡', 'Yi'],
  ['君', 'Chun'],
  ['家', 'Chia'],
  ['豪', 'Hao'],
  ['雅', 'Ya'],
  ['婷', 'Ting'],
  ['俊', 'Chun'],
  ['宏', 'Hung'],
  ['淑', 'Shu'],
  ['芬', 'Fen'],
  ['建', 'Chien'],
  ['文', 'Wen'],
  ['佳', 'Chia'],
  ['慧', 'Hui'],
  ['嘉', 'Chia'],
  ['瑋', 'Wei'],
  ['承', 'Cheng'],
  ['恩', 'En'],
  ['冠', 'Kuan'],
  ['廷', 'Ting'],
  ['柏', 'Po'],
  ['翰', 'Han'],
  ['品', 'Pin'],
  ['妤', 'Yu'],
  ['宇', 'Yu'],
  ['軒', 'Hsuan'],
  ['昱', 'Yu'],
  ['晴', 'Ching'],
  ['哲', 'Che'],
  ['維', 'Wei'],
  ['欣', 'Hsin'],
  ['詩', 'Shih'],
  ['振', 'Chen'],
  ['榮', 'Jung'],
  ['育', 'Yu'],
  ['德', 'Te'],
  ['秀', 'Hsiu'],
  ['玲', 'Ling'],
  ['國', 'Kuo'],
  ['正', 'Cheng'],
  ['美', 'Mei'],
  ['惠', 'Hui'],
  ['信', 'Hsin'],
  ['仁', 'Jen'],
  ['子', 'Tzu'],
  ['蓉', 'Jung'],
  ['凱', 'Kai'],
  ['琪', 'Chi'],
];

/** Fictional research institutes and companies for experts and executives. */
const INSTITUTES = [
  ['台灣大學', 'National Taiwan University', '教授', 'professor'],
  ['政治大學', 'National Chengchi University', '教授', 'professor'],
  ['中華經濟研究院', 'Chung-Hua Institution for Economic Research', '研究員', 'research fellow'],
  ['台灣經濟研究院', 'Taiwan Institute of Economic Research', '研究員', 'researcher'],
  ['寶島證券', 'Formosa Isle Securities', '分析師', 'analyst'],
  ['北辰投顧', 'Polaris Point Advisory', '首席經濟學家', 'chief economist'],
  ['海峽安全研究所', 'Strait Security Institute', '所長', 'director'],
];
const COMPANIES = [
  ['新竹微晶科技', 'Hsinchu Microcrystal Technology'],
  ['南方稀材公司', 'Southern Rare Materials'],
  ['海峽能源集團', 'Strait Energy Group'],
  ['青松電動車', 'Greenpine Motors'],
  ['玉山雲端公司', 'Jade Mountain Cloud'],
  ['福爾摩沙航運', 'Formosa Ocean Shipping'],
  ['東岸精密工業', 'East Coast Precision Industries'],
].map(([zh, en]) => ({ zh, en }));

const TYPHOONS = [
  ['海鷗', 'Haiou'],
  ['山茶', 'Shancha'],
  ['銀杏', 'Yinxing'],
  ['白鷺', 'Bailu'],
  ['珊瑚', 'Shanhu'],
  ['青竹', 'Qingzhu'],
];

const QUOTES_ZH = [
  '我們會守護台灣的利益，也會跟國際夥伴站在一起',
  '政府不會讓產業獨自面對衝擊',
  '這件事必須把話說清楚',
  '相關部會已經做好準備',
  '國會監督是民主的基礎',
  '我們願意在對等的基礎上對話',
  '民眾的安全永遠擺在第一位',
  '產業界需要的是穩定、可預期的政策',
];
const QUOTES_EN = [
  "We will protect Taiwan's interests and stand with our international partners",
  'The government will not leave industry to face the impact alone',
  'Public safety always comes first',
  'Businesses need stable and predictable policy',
  'We are ready to talk on an equal footing',
];

/** Outlets and their byline styles. */
const OUTLETS_ZH = [
  { source: '聯合報', site: 'udn', style: 'udn', w: 0.24 },
  { source: '自由時報', site: 'ltn', style: 'ltn', w: 0.22 },
  { source: '中央社', site: 'cna', style: 'cna', w: 0.2 },
  { source: '中時新聞網', site: 'chinatimes', style: 'plain', w: 0.1 },
  { source: '三立新聞網', site: 'setn', style: 'plain', w: 0.08 },
  { source: 'ETtoday', site: 'ettoday', style: 'plain', w: 0.06 },
  { source: '公視新聞網', site: 'pts', style: 'plain', w: 0.05 },
  { source: '風傳媒', site: 'storm', style: 'plain', w: 0.05 },
];
const OUTLETS_EN = [
  { source: 'Taipei Times', site: 'taipeitimes', style: 'staff', w: 0.55 },
  { source: 'Focus Taiwan', site: 'focustaiwan', style: 'cna', w: 0.45 },
];

const WEEKDAYS_ZH = ['週一', '週二', '週三', '週四', '週五'];
const WEEKDAYS_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const CITIES_DATELINE = ['台北', '台北', '台北', '台中', '高雄', '台南', '新竹', '花蓮'];

// ---------------------------------------------------------------------------------------------
// Cast: fictional people built once per seed
// ---------------------------------------------------------------------------------------------

function inventName(rng, used) {
  for (let i = 0; i < 50; i++) {
    const [sz, se] = rng.pick(SURNAMES);
    const [g1z, g1e] = rng.pick(GIVEN);
    const [g2z, g2e] = rng.pick(GIVEN);
    if (g1z === g2z) continue;
    const zh = `${sz}${g1z}${g2z}`;
    if (used.has(zh)) continue;
    used.add(zh);
    return { zh, en: `${se} ${g1e}-${g2e.toLowerCase()}` };
  }
  throw new Error('could not invent a unique name');
}

function weightedPick(rng, items) {
  let x = rng.next() * items.reduce((s, it) => s + it.w, 0);
  for (const it of items) {
    x -= it.w;
    if (x <= 0) return it;
  }
  return items[items.length - 1];
}

/** Builds the people of the synthetic world: famous office holders first, then a long fictional tail. */
function buildCast(seed) {
  const rng = createRng(`${seed}:cast`);
  const used = new Set(FAMOUS.map((p) => p.zh));
  const people = FAMOUS.map((p) => ({ ...p, role: 'famous' }));
  const councils = PLACES.filter((p) => /市$/.test(p.zh));
  // Interleave roles so the Zipf tail mixes them.
  for (let i = 0; i < 520; i++) {
    const name = inventName(rng, used);
    const r = i % 13;
    if (r < 6) {
      const party = weightedPick(rng, PARTIES);
      people.push({
        ...name,
        role: 'legislator',
        party,
        titledZh: `${party.zh}立委${name.zh}`,
        titledEn: `${party.short} Legislator ${name.en}`,
      });
    } else if (r < 8) {
      const m = rng.pick(MINISTRIES);
      const [tz, te] = rng.pick([
        ['次長', 'Deputy Minister'],
        ['發言人', 'spokesperson'],
        ['司長', 'Director-General'],
      ]);
      people.push({
        ...name,
        role: 'official',
        org: m.zh,
        titledZh: `${m.zh}${tz}${name.zh}`,
        titledEn: `${m.en.replace(/^the /, '')} ${te} ${name.en}`,
      });
    } else if (r < 10) {
      const city = rng.pick(councils);
      people.push({ ...name, role: 'councilor', titledZh: `${city.zh}議員${name.zh}`, titledEn: `${city.en} City Councilor ${name.en}` });
    } else if (r < 12) {
      const [iz, ie, tz, te] = rng.pick(INSTITUTES);
      people.push({ ...name, role: 'expert', titledZh: `${iz}${tz}${name.zh}`, titledEn: `${ie} ${te} ${name.en}` });
    } else {
      const co = rng.pick(COMPANIES);
      const [tz, te] = rng.pick([
        ['董事長', 'chairman'],
        ['執行長', 'CEO'],
        ['總經理', 'president'],
      ]);
      people.push({ ...name, role: 'executive', org: co.zh, titledZh: `${co.zh}${tz}${name.zh}`, titledEn: `${co.en} ${te} ${name.en}` });
    }
  }
  // Reporters: names that only ever appear in bylines.
  const reporters = [];
  for (let i = 0; i < 60; i++) reporters.push(inventName(rng, used));
  return { people, reporters };
}

// ---------------------------------------------------------------------------------------------
// Templates
// ---------------------------------------------------------------------------------------------

const pct = (c) => c.rng.int(3, 48);
const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);

/** Chinese headlines: short, no full stop (so the parser takes them as headlines). */
const ZH_HEADLINES = [
  (c) => `${c.p1.titledZh}：台${c.c1.short ?? '美'}將深化${c.t1.zh}合作`,
  (c) => `${c.t1.zh}衝擊擴大 ${c.p1.zh}籲政府提出對策`,
  (c) => `${c.leg().titledZh}質詢${c.p2.zh} 聚焦${c.t1.zh}`,
  (c) => `${c.c1.zh}宣布新一輪${c.t1.zh}措施 ${c.o1.zh}：密切關注`,
  (c) => `${c.o1.zh}公布${c.t1.zh}報告 ${c.p1.zh}坦言壓力大`,
  (c) => `回應${c.c1.zh}${c.t1.zh}政策 ${c.p1.zh}拋${c.t2.zh}新方案`,
  (c) => `${c.pl1.zh}${c.t1.zh}議題延燒 ${c.p1.zh}親上火線`,
  (c) => `${c.p1.zh}訪${c.c1.zh} 談${c.t1.zh}與${c.t2.zh}`,
  (c) => `颱風「${c.typhoon[0]}」逼近 ${c.pl1.zh}宣布停班停課`,
  (c) => `${c.committee.zh}審${c.t1.zh}預算 朝野攻防`,
];

/** Chinese body sentences; most use the story's cast (p1, p2, c1, t1, o1, pl1) so entities repeat. */
const ZH_SENTENCES = [
  (c) => `${c.p1.titledZh}今天在立法院${c.committee.zh}答詢時表示，${c.c1.zh}近期在${c.t1.zh}議題上的動作，已經影響${c.pl1.zh}的相關產業。`,
  (c) => `${c.leg().titledZh}質詢時指出，政府對${c.t1.zh}的因應太慢，呼籲${c.o1.zh}盡快提出具體方案。`,
  (c) => `${c.o1.zh}指出，台灣與${c.c1.zh}將在${c.t1.zh}及${c.t2.zh}等領域持續交流，共同維護區域和平與穩定。`,
  (c) => `${c.p1.zh}強調，${c.t1.zh}不只是經濟問題，也牽涉國家安全，${c.o2.zh}會跟相關部會密切合作。`,
  (c) => `根據${c.o1.zh}公布的資料，${c.pl1.zh}今年前三季與${c.t1.zh}相關的支出較去年同期增加${pct(c)}%。`,
  (c) => `${c.p2.titledZh}則說，${c.c1.zh}的政策變化難以預測，業者應分散風險，不宜把訂單集中在單一市場。`,
  (c) => `對此，${c.official().titledZh}回應，相關說法並不正確，部會已經在上週完成評估。`,
  (c) => `${c.expert().titledZh}分析，${c.t1.zh}牽動全球供應鏈，${c.c1.zh}與${c.c2.zh}之間的角力短期內不會結束。`,
  (c) => `立法院${c.committee.zh}${c.rng.pick(WEEKDAYS_ZH)}將邀請${c.p1.titledZh}列席報告，並備質詢。`,
  (c) => `${c.p1.zh}${c.rng.int(1, 12)}月曾率團訪問${c.c1.zh}，與${c.c1.zh}官員就${c.t1.zh}議題交換意見。`,
  (c) => `${c.c1.zh}政府上月宣布，將對來自${c.c2.zh}的部分產品加徵${pct(c)}%關稅，引發市場震盪。`,
  (c) => `${c.exec().titledZh}表示，公司在${c.pl1.zh}的投資計畫不受影響，明年仍將擴大${c.t1.zh}相關產能。`,
  (c) => `中央氣象署預報，颱風「${c.typhoon[0]}」暴風圈最快明天觸及${c.pl1.zh}，民眾應嚴防強風豪雨。`,
  (c) => `${c.p1.zh}也提到，政府將編列${c.rng.int(5, 900)}億元預算，用於強化${c.t1.zh}與${c.t2.zh}。`,
  (c) => `${c.famous().titledZh}日前在公開場合表示，台灣願意與理念相近的國家合作，共同面對${c.t1.zh}帶來的挑戰。`,
  (c) => `${c.c1.zh}外交部發言人在例行記者會上批評${c.c2.zh}，並重申反對任何形式的${c.t1.zh}限制。`,
  (c) => `據了解，${c.o1.zh}內部已成立專案小組，由${c.p2.titledZh}負責統籌${c.t1.zh}事務。`,
  (c) => `${c.expert().titledZh}認為，若${c.c1.zh}持續擴大${c.t1.zh}管制，${c.pl2.zh}的中小企業恐首當其衝。`,
  (c) => `${c.leg().titledZh}、${c.leg().titledZh}也在會中提出臨時提案，要求${c.o1.zh}在一個月內提出書面報告。`,
  (c) => `${c.o1.zh}與${c.o2.zh}昨天召開跨部會會議，討論${c.t1.zh}的中長期對策。`,
  (c) => `這是${c.p1.zh}上任以來第${c.rng.int(2, 9)}次針對${c.t1.zh}公開發言。`,
  (c) => `${c.pl2.zh}地方政府也表示，會配合中央政策，加強${c.t1.zh}相關宣導。`,
  (c) => `${c.p1.zh}說：「${c.rng.pick(QUOTES_ZH)}。」`,
  (c) => `${c.councilor().titledZh}則呼籲市府正視${c.t2.zh}問題，不要讓基層承擔後果。`,
  (c) => `外界關注${c.c1.zh}與${c.c2.zh}的互動，${c.p2.zh}表示會持續觀察，必要時將提出因應措施。`,
  (c) => `${c.o2.zh}統計，受${c.t1.zh}影響的廠商已超過${c.rng.int(20, 600)}家，其中多數位於${c.pl1.zh}。`,
];

const EN_HEADLINES = [
  (c) => `${cap(c.p1.en)} says Taiwan to deepen ${c.t1.en} ties with ${c.c1.en}`,
  (c) => `${cap(c.t1.en)} concerns mount as ${c.c1.en} tightens rules`,
  (c) => `Lawmakers press ${c.p2.en} on ${c.t1.en}`,
  (c) => `Typhoon ${c.typhoon[1]} prompts closures in ${c.pl1.en}`,
  (c) => `${cap(c.o1.en)} unveils ${c.t1.en} plan amid pressure from ${c.c1.en}`,
  (c) => `${cap(c.p1.en)} visits ${c.c1.en} for talks on ${c.t1.en}`,
];

const EN_SENTENCES = [
  (c) =>
    `${cap(c.p1.titledEn)} told the Legislative Yuan's ${c.committee.en} on ${c.rng.pick(WEEKDAYS_EN)} that recent moves by ${c.c1.en} on ${c.t1.en} had affected industries in ${c.pl1.en}.`,
  (c) =>
    `${cap(c.leg().titledEn)} said the government had been too slow to respond to ${c.t1.en} and urged ${c.o1.en} to present a concrete plan.`,
  (c) => `${cap(c.o1.en)} said Taiwan and ${c.c1.en} would continue to cooperate on ${c.t1.en} and ${c.t2.en}.`,
  (c) => `${cap(c.p1.en)} said ${c.t1.en} was not only an economic issue but also a matter of national security.`,
  (c) =>
    `Spending related to ${c.t1.en} in ${c.pl1.en} rose ${pct(c)} percent year-on-year in the first three quarters, according to ${c.o1.en}.`,
  (c) => `${cap(c.p2.titledEn)} said policy changes in ${c.c1.en} were hard to predict and companies should diversify their markets.`,
  (c) => `${cap(c.expert().titledEn)} said the rivalry between ${c.c1.en} and ${c.c2.en} over ${c.t1.en} would not end soon.`,
  (c) => `${cap(c.c1.en)} last month announced additional tariffs of ${pct(c)} percent on some goods from ${c.c2.en}.`,
  (c) => `${cap(c.exec().titledEn)} said the company's investment plans in ${c.pl1.en} were unaffected.`,
  (c) => `The Central Weather Administration said the outer rim of Typhoon ${c.typhoon[1]} could reach ${c.pl1.en} as early as tomorrow.`,
  (c) => `${cap(c.famous().titledEn)} said Taiwan was willing to work with like-minded countries to address ${c.t1.en}.`,
  (c) => `"${c.rng.pick(QUOTES_EN)}," ${c.p1.en} said.`,
  (c) => `${cap(c.o2.en)} and ${c.o1.en} held an inter-ministerial meeting yesterday to discuss long-term measures on ${c.t1.en}.`,
  (c) => `The government plans to allocate NT$${c.rng.int(5, 900)} billion to strengthen ${c.t1.en} and ${c.t2.en}, ${c.p1.en} said.`,
  (c) => `${cap(c.councilor().titledEn)} urged the city government to address ${c.t2.en}.`,
];

/** Sentences that only make sense in weather stories. */
const WEATHER_SENTENCES = new Set([ZH_SENTENCES[12], EN_SENTENCES[9]]);

// ---------------------------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------------------------

const DAY_MS = 86400000;

function isoDate(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Same formula as src/ingest/article-id.ts for a plain https URL, so direct and parsed ids agree. */
function articleIdFromUrl(url) {
  return `a_${createHash('sha256')
    .update(`url:${url.replace(/^https?:\/\//, '')}`, 'utf8')
    .digest('hex')
    .slice(0, 16)}`;
}

/**
 * Generates `count` synthetic article documents. Deterministic for a given seed; the first k
 * documents are the same whatever the count.
 *
 * A document: { n, id, url, lang: 'zh-Hant'|'en', date, source, site, title, authors: [{name, role}],
 *               bylineLine, paragraphs, captions, tags, related: [{title}] }
 */
function* generateDocs(options = {}) {
  const count = options.count ?? 1000;
  const seed = options.seed ?? 'newsgraph';
  const zhRatio = options.zhRatio ?? 0.7;
  const start = Date.parse(options.startDate ?? '2025-01-01T00:00:00Z');
  const days = options.days ?? 365;
  const rng = createRng(seed);
  const { people, reporters } = buildCast(seed);

  const country = zipfSampler(COUNTRIES.slice(1), 1.1); // 台灣 is always there; others by popularity
  const place = zipfSampler(PLACES, 1.0);
  const org = zipfSampler(ORGS, 1.0);
  const topic = zipfSampler(TOPICS, 0.9);
  const person = zipfSampler(people, 1.05, 2);
  const byRole = (role) =>
    zipfSampler(
      people.filter((p) => p.role === role),
      0.9,
      2,
    );
  const legs = byRole('legislator');
  const officials = byRole('official');
  const councilors = byRole('councilor');
  const experts = byRole('expert');
  const execs = byRole('executive');
  const famous = zipfSampler(FAMOUS, 1.2);
  const committee = zipfSampler(COMMITTEES, 0.8);
  const recentTitles = [];
  // story bursts: an event's cast is covered again by other outlets and languages over a few days
  const burstRatio = options.burstRatio ?? 0.35;
  // wire copies: a recent article carried again by another outlet, body unchanged but for a tag
  const copyRatio = options.copyRatio ?? 0.05;
  const events = [];
  const recentDocs = [];

  for (let n = 0; n < count; n++) {
    if (recentDocs.length && rng.chance(copyRatio)) {
      const d = rng.pick(recentDocs);
      const others = (d.lang === 'zh-Hant' ? OUTLETS_ZH : OUTLETS_EN).filter((o) => o.site !== d.site);
      const outlet = others.length ? rng.pick(others) : weightedPick(rng, d.lang === 'zh-Hant' ? OUTLETS_ZH : OUTLETS_EN);
      const url = `https://news.synthetic.example/${outlet.site}/${d.date.replace(/-/g, '')}/${String(n + 1).padStart(7, '0')}`;
      yield {
        ...d,
        n,
        id: articleIdFromUrl(url),
        url,
        source: outlet.source,
        site: outlet.site,
        style: outlet.style,
        related: [],
        copyOf: d.id,
        paragraphs: [
          ...d.paragraphs.slice(0, -1),
          `${d.paragraphs[d.paragraphs.length - 1]}${d.lang === 'zh-Hant' ? '（轉載）' : ' (wire copy)'}`,
        ],
      };
      continue;
    }
    const lang = rng.next() < zhRatio ? 'zh-Hant' : 'en';
    const event = events.length && rng.chance(burstRatio) ? rng.pick(events) : null;
    const t1 = event ? event.cast.t1 : topic(rng);
    // Date: 70% uniform over the window, 30% near the topic's peak month (bursty, for trending);
    // a follow-up of an event within four days of its first article.
    let dayIndex = rng.int(0, days - 1);
    if (t1.peak && rng.chance(0.3)) dayIndex = Math.min(days - 1, Math.max(0, (t1.peak - 1) * 30 + rng.int(-10, 25)));
    if (event) dayIndex = Math.min(days - 1, event.day + rng.int(0, 4));
    const date = isoDate(start + dayIndex * DAY_MS);
    const c = {
      rng,
      t1,
      t2: pickOther(rng, topic, [t1]),
      c1: country(rng),
      c2: null,
      p1: person(rng),
      p2: null,
      o1: org(rng),
      o2: null,
      pl1: place(rng),
      pl2: place(rng),
      committee: committee(rng),
      typhoon: rng.pick(TYPHOONS),
      leg: () => legs(rng),
      official: () => officials(rng),
      councilor: () => councilors(rng),
      expert: () => experts(rng),
      exec: () => execs(rng),
      famous: () => famous(rng),
    };
    c.c2 = pickOther(rng, country, [c.c1]);
    c.p2 = pickOther(rng, person, [c.p1]);
    c.o2 = pickOther(rng, org, [c.o1]);
    const CAST = ['t1', 't2', 'c1', 'c2', 'p1', 'p2', 'o1', 'o2', 'pl1', 'pl2', 'committee', 'typhoon'];
    if (event) Object.assign(c, event.cast);
    else {
      events.push({ day: dayIndex, cast: Object.fromEntries(CAST.map((k) => [k, c[k]])) });
      if (events.length > 40) events.shift();
    }

    const zh = lang === 'zh-Hant';
    const outlet = weightedPick(rng, zh ? OUTLETS_ZH : OUTLETS_EN);
    const reporter = rng.pick(reporters);
    const headlines = zh ? ZH_HEADLINES : EN_HEADLINES;
    const sentences = zh ? ZH_SENTENCES : EN_SENTENCES;
    // Weather topics get the typhoon headline; others avoid it.
    let title;
    if (t1.zh === '颱風') title = headlines[zh ? 8 : 3](c);
    else {
      let h = rng.pick(headlines);
      for (let i = 0; i < 5 && h === headlines[zh ? 8 : 3]; i++) h = rng.pick(headlines);
      title = h(c);
    }

    // Sentences are dealt from a shuffled deck so one article does not repeat a template;
    // the weather sentence only appears in typhoon stories.
    const weather = t1.zh === '颱風' || c.t2.zh === '颱風';
    const pool = sentences.filter((s) => weather || !WEATHER_SENTENCES.has(s));
    let deck = [];
    const paragraphs = [];
    const nPara = rng.int(5, zh ? 9 : 8);
    for (let i = 0; i < nPara; i++) {
      const nSent = rng.int(2, 4);
      const parts = [];
      for (let j = 0; j < nSent; j++) {
        if (!deck.length) deck = rng.sample(pool, pool.length);
        parts.push(deck.pop()(c));
      }
      paragraphs.push(parts.join(zh ? '' : ' '));
    }

    const captions = [];
    if (rng.chance(0.3)) {
      captions.push(zh ? `${c.p1.titledZh}。記者${rng.pick(reporters).zh}／攝影` : `${cap(c.p1.titledEn)} speaks in Taipei. Photo: CNA`);
    }
    const authors = [{ name: zh ? reporter.zh : reporter.en, role: 'reporter' }];
    const tags = zh ? [c.t1.zh, c.c1.zh, c.o1.zh, 'sample'] : [c.t1.en, c.c1.en.replace(/^the /, ''), 'sample'];

    // Related teasers: earlier headlines (resolvable links) and made-up ones (stubs).
    const related = [];
    const nRelated = rng.int(0, 3);
    for (let i = 0; i < nRelated; i++) {
      if (recentTitles.length && rng.chance(0.6)) related.push({ title: rng.pick(recentTitles) });
      else related.push({ title: rng.pick(headlines)({ ...c, p1: person(rng), t1: topic(rng), c1: country(rng) }) });
    }
    const relatedClean = related.filter((r, i) => r.title !== title && related.findIndex((x) => x.title === r.title) === i);

    const url = `https://news.synthetic.example/${outlet.site}/${date.replace(/-/g, '')}/${String(n + 1).padStart(7, '0')}`;
    yield {
      n,
      id: articleIdFromUrl(url),
      url,
      lang,
      date,
      source: outlet.source,
      site: outlet.site,
      style: outlet.style,
      reporter,
      title,
      authors,
      paragraphs,
      captions,
      tags,
      related: relatedClean,
    };
    recentTitles.push(title);
    if (recentTitles.length > 200) recentTitles.shift();
    recentDocs.push({ id: articleIdFromUrl(url), lang, date, reporter, title, authors, paragraphs, captions, tags, site: outlet.site });
    if (recentDocs.length > 100) recentDocs.shift();
  }
}

/** The byline line(s) a page dump carries for the document's outlet style. */
function bylineFor(doc) {
  const d = Number(doc.date.slice(8, 10));
  const city = CITIES_DATELINE[doc.n % CITIES_DATELINE.length];
  switch (doc.style) {
    case 'udn':
      return { line: `${doc.source}／ 記者${doc.reporter.zh}／${city}即時報導` };
    case 'ltn':
      return { inline: `〔記者${doc.reporter.zh}／${city}報導〕` };
    case 'cna':
      if (doc.lang === 'en') {
        const m = MONTHS_EN[Number(doc.date.slice(5, 7)) - 1];
        return { line: `By ${doc.reporter.en}`, inline: `Taipei, ${m} ${d} (CNA) ` };
      }
      return { inline: `（中央社記者${doc.reporter.zh}${city}${d}日電）` };
    case 'staff':
      return { line: `By ${doc.reporter.en} / Staff reporter` };
    default:
      return { line: `記者${doc.reporter.zh}／${city}報導` };
  }
}

/** The document as a page dump: header lines, blank line, headline, byline, paragraphs, tags, teasers. */
function toPageText(doc) {
  const zh = doc.lang !== 'en';
  const lines = [`url: ${doc.url}`, `date: ${doc.date}`, `lang: ${doc.lang}`, `source: ${doc.source}`, `site: ${doc.site}`, ''];
  lines.push(doc.title, '');
  const by = bylineFor(doc);
  if (by.line) lines.push(by.line);
  for (const cap of doc.captions) lines.push(cap);
  lines.push('');
  doc.paragraphs.forEach((p, i) => {
    lines.push(i === 0 && by.inline ? `${by.inline}${p}` : p, '');
  });
  lines.push(zh ? `標籤：${doc.tags.join('、')}` : `Tags: ${doc.tags.join(', ')}`, '');
  if (doc.related.length) {
    lines.push(zh ? '延伸閱讀' : 'Related stories', '');
    for (const r of doc.related) lines.push(r.title, '');
  }
  return lines.join('\n');
}

/** The document as an Article (src/domain/types.ts), without going through the text parser. */
function toArticle(doc) {
  return {
    id: doc.id,
    url: doc.url,
    title: doc.title,
    publishedAt: doc.date,
    source: doc.source,
    site: doc.site,
    authors: doc.authors.map((a) => ({ ...a })),
    language: doc.lang,
    paragraphs: doc.paragraphs.slice(),
    captions: doc.captions.slice(),
    tags: doc.tags.slice(),
    related: doc.related.map((r) => ({ ...r })),
    origin: `synthetic:${doc.n + 1}`,
  };
}

/** Writes `count` documents into `dir` as page-dump text files (or one JSON-lines file of Articles). */
function writeDocs(dir, options = {}) {
  fs.mkdirSync(dir, { recursive: true });
  const format = options.format ?? 'text';
  let written = 0;
  let bytes = 0;
  if (format === 'jsonl') {
    const file = path.join(dir, 'articles.jsonl');
    const fd = fs.openSync(file, 'w');
    try {
      for (const doc of generateDocs(options)) {
        const line = `${JSON.stringify(toArticle(doc))}\n`;
        fs.writeSync(fd, line);
        bytes += Buffer.byteLength(line);
        written++;
      }
    } finally {
      fs.closeSync(fd);
    }
  } else {
    for (const doc of generateDocs(options)) {
      const text = toPageText(doc);
      fs.writeFileSync(path.join(dir, `synthetic-${String(doc.n + 1).padStart(6, '0')}-${doc.lang === 'en' ? 'en' : 'zh'}.txt`), text);
      bytes += Buffer.byteLength(text);
      written++;
    }
  }
  return { written, bytes };
}

function parseArgs(argv) {
  const args = { count: 1000, out: undefined, seed: 'newsgraph', zhRatio: 0.7, format: 'text' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--count' || a === '-n') args.count = Number(next());
    else if (a === '--out' || a === '-o') args.out = next();
    else if (a === '--seed') args.seed = next();
    else if (a === '--zh-ratio') args.zhRatio = Number(next());
    else if (a === '--format') args.format = next();
    else if (a === '--help' || a === '-h') args.help = true;
    else throw new Error(`unknown argument: ${a}`);
  }
  if (!Number.isInteger(args.count) || args.count < 1 || args.count > 10_000_000) throw new Error('--count must be a positive integer');
  if (!(args.zhRatio >= 0 && args.zhRatio <= 1)) throw new Error('--zh-ratio must be in [0, 1]');
  if (!['text', 'jsonl'].includes(args.format)) throw new Error('--format must be text or jsonl');
  return args;
}

if (require.main === module) {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`generate-articles: ${err.message}`);
    process.exit(2);
  }
  if (args.help || !args.out) {
    console.log('usage: node scripts/generate-articles.js --count N --out DIR [--seed S] [--zh-ratio 0.7] [--format text|jsonl]');
    process.exit(args.help ? 0 : 2);
  }
  const t0 = process.hrtime.bigint();
  const { written, bytes } = writeDocs(args.out, args);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(`wrote ${written} articles (${(bytes / 1024 / 1024).toFixed(1)} MB, ${args.format}) to ${args.out} in ${ms.toFixed(0)} ms`);
}

module.exports = { generateDocs, toPageText, toArticle, writeDocs, buildCast, articleIdFromUrl };
