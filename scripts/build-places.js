#!/usr/bin/env node
/*
 * Generates seeds/lexicon/places.json: general geographic knowledge in
 * Taiwanese usage (Traditional Chinese) with English names.
 *
 * Sources: Taiwan's 22 municipalities/counties and 368 districts/townships
 * (names and official romanisation as published by the Ministry of the
 * Interior / Chunghwa Post, embedded below), the capitals in
 * seeds/lexicon/countries.json (English from the `world-countries` package),
 * and hand-kept tables of world places.
 *
 * Conventions:
 *  - ids are `place:<Traditional name>`; a name that exists in several places
 *    (東區, 信義區 ...) gets the container in its id, only the long form as an
 *    alias, and `"ambiguous": true`.
 *  - no single-character aliases; bare district names (without 區/鄉/鎮/市)
 *    only where they are distinctive, never for ordinary words.
 *  - any surface form claimed by two entries, or by a country in
 *    countries.json, is dropped from the weaker entry (see resolveCollisions).
 *
 * Output is deterministic (entries in insertion order, 2-space indent).
 * Usage: node scripts/build-places.js   (run build-countries.js first)
 */
'use strict';

const fs = require('fs');
const path = require('path');
const worldCountries = require('world-countries');

const LEX = path.join(__dirname, '..', 'seeds', 'lexicon');
const OUT = path.join(LEX, 'places.json');
const countries = JSON.parse(fs.readFileSync(path.join(LEX, 'countries.json'), 'utf8'));

const entries = [];
const byId = new Map();

function list(s) {
  return s
    ? s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
    : [];
}

/* Add one entry. weak: aliases that may be dropped silently on collision. */
function add({ id, name, en, aliases = [], weak = [], kind, country, parent, ambiguous }) {
  id = id || `place:${name}`;
  if (byId.has(id)) throw new Error(`duplicate id ${id}`);
  const e = { id, name, en, aliases: [], kind };
  if (country) e.country = country;
  if (parent) e.parent = parent;
  if (ambiguous) e.ambiguous = true;
  e._strong = aliases.filter((a) => a && a !== name && a !== en);
  e._weak = weak.filter((a) => a && a !== name && a !== en && !e._strong.includes(a));
  entries.push(e);
  byId.set(id, e);
  return e;
}

/*
 * Compact tables: one place a line, `zh|en|aliases` (aliases comma separated,
 * both languages). Optional 4th field overrides kind, 5th the parent id, 6th the
 * country; a 7th field "amb" marks the entry ambiguous.
 */
function table(text, defaults) {
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [name, en, aliases, kind, parent, country, flag] = line.split('|').map((x) => (x || '').trim());
    add({
      name,
      en,
      aliases: list(aliases),
      kind: kind || defaults.kind,
      parent: parent === '-' ? undefined : parent || defaults.parent,
      country: country === '-' ? undefined : country || defaults.country,
      ambiguous: flag === 'amb',
    });
  }
}

/* ------------------------------------------------------------------ Taiwan */

/* name | en | aliases | kind */
const TW_COUNTIES = `
台北市|Taipei|臺北市,台北,臺北,北市,Taipei City|city
新北市|New Taipei|新北,New Taipei City|city
桃園市|Taoyuan|桃園,桃市,Taoyuan City|city
台中市|Taichung|臺中市,台中,臺中,中市,Taichung City|city
台南市|Tainan|臺南市,台南,臺南,南市,Tainan City|city
高雄市|Kaohsiung|高雄,高市,Kaohsiung City|city
基隆市|Keelung|基隆,Keelung City|city
新竹市|Hsinchu City|竹市,新竹,Hsinchu|city
新竹縣|Hsinchu County|竹縣|county
苗栗縣|Miaoli County|苗栗,苗縣,Miaoli|county
彰化縣|Changhua County|彰化,彰縣,Changhua|county
南投縣|Nantou County|南投,投縣,Nantou|county
雲林縣|Yunlin County|雲林,Yunlin|county
嘉義市|Chiayi City|嘉市,嘉義,Chiayi|city
嘉義縣|Chiayi County|嘉縣|county
屏東縣|Pingtung County|屏東,屏縣,Pingtung|county
宜蘭縣|Yilan County|宜蘭,Yilan,Ilan|county
花蓮縣|Hualien County|花蓮,花縣,Hualien|county
台東縣|Taitung County|臺東縣,台東,臺東,Taitung|county
澎湖縣|Penghu County|澎湖,Penghu|county
金門縣|Kinmen County|金門,Kinmen,Quemoy|county
連江縣|Lienchiang County|馬祖,Matsu,Lienchiang|county
`;

/* county | English | district:English,... (MOI romanisation; 臺 written 台) */
const TW_DIVISIONS = [
  "台北市|Taipei City|中正區:Zhongzheng District,大同區:Datong District,中山區:Zhongshan District,松山區:Songshan District,大安區:Da'an District,萬華區:Wanhua District,信義區:Xinyi District,士林區:Shilin District,北投區:Beitou District,內湖區:Neihu District,南港區:Nangang District,文山區:Wenshan District",
  "基隆市|Keelung City|仁愛區:Ren'ai District,信義區:Xinyi District,中正區:Zhongzheng District,中山區:Zhongshan District,安樂區:Anle District,暖暖區:Nuannuan District,七堵區:Qidu District",
  '新北市|New Taipei City|萬里區:Wanli District,金山區:Jinshan District,板橋區:Banqiao District,汐止區:Xizhi District,深坑區:Shenkeng District,石碇區:Shiding District,瑞芳區:Ruifang District,平溪區:Pingxi District,雙溪區:Shuangxi District,貢寮區:Gongliao District,新店區:Xindian District,坪林區:Pinglin District,烏來區:Wulai District,永和區:Yonghe District,中和區:Zhonghe District,土城區:Tucheng District,三峽區:Sanxia District,樹林區:Shulin District,鶯歌區:Yingge District,三重區:Sanchong District,新莊區:Xinzhuang District,泰山區:Taishan District,林口區:Linkou District,蘆洲區:Luzhou District,五股區:Wugu District,八里區:Bali District,淡水區:Tamsui District,三芝區:Sanzhi District,石門區:Shimen District',
  "宜蘭縣|Yilan County|宜蘭市:Yilan City,頭城鎮:Toucheng Township,礁溪鄉:Jiaoxi Township,壯圍鄉:Zhuangwei Township,員山鄉:Yuanshan Township,羅東鎮:Luodong Township,三星鄉:Sanxing Township,大同鄉:Datong Township,五結鄉:Wujie Township,冬山鄉:Dongshan Township,蘇澳鎮:Su'ao Township,南澳鄉:Nan'ao Township",
  '新竹市|Hsinchu City|東區:East District,北區:North District,香山區:Xiangshan District',
  '新竹縣|Hsinchu County|竹北市:Zhubei City,湖口鄉:Hukou Township,新豐鄉:Xinfeng Township,新埔鎮:Xinpu Township,關西鎮:Guanxi Township,芎林鄉:Qionglin Township,寶山鄉:Baoshan Township,竹東鎮:Zhudong Township,五峰鄉:Wufeng Township,橫山鄉:Hengshan Township,尖石鄉:Jianshi Township,北埔鄉:Beipu Township,峨眉鄉:Emei Township',
  '桃園市|Taoyuan City|中壢區:Zhongli District,平鎮區:Pingzhen District,龍潭區:Longtan District,楊梅區:Yangmei District,新屋區:Xinwu District,觀音區:Guanyin District,桃園區:Taoyuan District,龜山區:Guishan District,八德區:Bade District,大溪區:Daxi District,復興區:Fuxing District,大園區:Dayuan District,蘆竹區:Luzhu District',
  "苗栗縣|Miaoli County|竹南鎮:Zhunan Township,頭份市:Toufen City,三灣鄉:Sanwan Township,南庄鄉:Nanzhuang Township,獅潭鄉:Shitan Township,後龍鎮:Houlong Township,通霄鎮:Tongxiao Township,苑裡鎮:Yuanli Township,苗栗市:Miaoli City,造橋鄉:Zaoqiao Township,頭屋鄉:Touwu Township,公館鄉:Gongguan Township,大湖鄉:Dahu Township,泰安鄉:Tai'an Township,銅鑼鄉:Tongluo Township,三義鄉:Sanyi Township,西湖鄉:Xihu Township,卓蘭鎮:Zhuolan Township",
  "台中市|Taichung City|中區:Central District,東區:East District,南區:South District,西區:West District,北區:North District,北屯區:Beitun District,西屯區:Xitun District,南屯區:Nantun District,太平區:Taiping District,大里區:Dali District,霧峰區:Wufeng District,烏日區:Wuri District,豐原區:Fengyuan District,后里區:Houli District,石岡區:Shigang District,東勢區:Dongshi District,和平區:Heping District,新社區:Xinshe District,潭子區:Tanzi District,大雅區:Daya District,神岡區:Shengang District,大肚區:Dadu District,沙鹿區:Shalu District,龍井區:Longjing District,梧棲區:Wuqi District,清水區:Qingshui District,大甲區:Dajia District,外埔區:Waipu District,大安區:Da'an District",
  '彰化縣|Changhua County|彰化市:Changhua City,芬園鄉:Fenyuan Township,花壇鄉:Huatan Township,秀水鄉:Xiushui Township,鹿港鎮:Lukang Township,福興鄉:Fuxing Township,線西鄉:Xianxi Township,和美鎮:Hemei Township,伸港鄉:Shengang Township,員林市:Yuanlin City,社頭鄉:Shetou Township,永靖鄉:Yongjing Township,埔心鄉:Puxin Township,溪湖鎮:Xihu Township,大村鄉:Dacun Township,埔鹽鄉:Puyan Township,田中鎮:Tianzhong Township,北斗鎮:Beidou Township,田尾鄉:Tianwei Township,埤頭鄉:Pitou Township,溪州鄉:Xizhou Township,竹塘鄉:Zhutang Township,二林鎮:Erlin Township,大城鄉:Dacheng Township,芳苑鄉:Fangyuan Township,二水鄉:Ershui Township',
  "南投縣|Nantou County|南投市:Nantou City,中寮鄉:Zhongliao Township,草屯鎮:Caotun Township,國姓鄉:Guoxing Township,埔里鎮:Puli Township,仁愛鄉:Ren'ai Township,名間鄉:Mingjian Township,集集鎮:Jiji Township,水里鄉:Shuili Township,魚池鄉:Yuchi Township,信義鄉:Xinyi Township,竹山鎮:Zhushan Township,鹿谷鄉:Lugu Township",
  '嘉義市|Chiayi City|東區:East District,西區:West District',
  '嘉義縣|Chiayi County|番路鄉:Fanlu Township,梅山鄉:Meishan Township,竹崎鄉:Zhuqi Township,阿里山鄉:Alishan Township,中埔鄉:Zhongpu Township,大埔鄉:Dapu Township,水上鄉:Shuishang Township,鹿草鄉:Lucao Township,太保市:Taibao City,朴子市:Puzi City,東石鄉:Dongshi Township,六腳鄉:Liujiao Township,新港鄉:Xingang Township,民雄鄉:Minxiong Township,大林鎮:Dalin Township,溪口鄉:Xikou Township,義竹鄉:Yizhu Township,布袋鎮:Budai Township',
  '雲林縣|Yunlin County|斗南鎮:Dounan Township,大埤鄉:Dapi Township,虎尾鎮:Huwei Township,土庫鎮:Tuku Township,褒忠鄉:Baozhong Township,東勢鄉:Dongshi Township,臺西鄉:Taixi Township,崙背鄉:Lunbei Township,麥寮鄉:Mailiao Township,斗六市:Douliu City,林內鄉:Linnei Township,古坑鄉:Gukeng Township,莿桐鄉:Citong Township,西螺鎮:Xiluo Township,二崙鄉:Erlun Township,北港鎮:Beigang Township,水林鄉:Shuilin Township,口湖鄉:Kouhu Township,四湖鄉:Sihu Township,元長鄉:Yuanchang Township',
  '台南市|Tainan City|中西區:West Central District,東區:East District,南區:South District,北區:North District,安平區:Anping District,安南區:Annan District,永康區:Yongkang District,歸仁區:Guiren District,新化區:Xinhua District,左鎮區:Zuozhen District,玉井區:Yujing District,楠西區:Nanxi District,南化區:Nanhua District,仁德區:Rende District,關廟區:Guanmiao District,龍崎區:Longqi District,官田區:Guantian District,麻豆區:Madou District,佳里區:Jiali District,西港區:Xigang District,七股區:Qigu District,將軍區:Jiangjun District,學甲區:Xuejia District,北門區:Beimen District,新營區:Xinying District,後壁區:Houbi District,白河區:Baihe District,東山區:Dongshan District,六甲區:Liujia District,下營區:Xiaying District,柳營區:Liuying District,鹽水區:Yanshui District,善化區:Shanhua District,大內區:Danei District,山上區:Shanshang District,新市區:Xinshi District,安定區:Anding District',
  "高雄市|Kaohsiung City|新興區:Xinxing District,前金區:Qianjin District,苓雅區:Lingya District,鹽埕區:Yancheng District,鼓山區:Gushan District,旗津區:Qijin District,前鎮區:Qianzhen District,三民區:Sanmin District,楠梓區:Nanzi District,小港區:Xiaogang District,左營區:Zouying District,仁武區:Renwu District,大社區:Dashe District,岡山區:Gangshan District,路竹區:Luzhu District,阿蓮區:Alian District,田寮區:Tianliao District,燕巢區:Yanchao District,橋頭區:Qiaotou District,梓官區:Ziguan District,彌陀區:Mituo District,永安區:Yong'an District,湖內區:Hunei District,鳳山區:Fengshan District,大寮區:Daliao District,林園區:Linyuan District,鳥松區:Niaosong District,大樹區:Dashu District,旗山區:Qishan District,美濃區:Meinong District,六龜區:Liugui District,內門區:Neimen District,杉林區:Shanlin District,甲仙區:Jiaxian District,桃源區:Taoyuan District,那瑪夏區:Namaxia District,茂林區:Maolin District,茄萣區:Qieding District",
  "澎湖縣|Penghu County|馬公市:Magong City,西嶼鄉:Xiyu Township,望安鄉:Wang'an Township,七美鄉:Qimei Township,白沙鄉:Baisha Township,湖西鄉:Huxi Township",
  '屏東縣|Pingtung County|屏東市:Pingtung City,三地門鄉:Sandimen Township,霧臺鄉:Wutai Township,瑪家鄉:Majia Township,九如鄉:Jiuru Township,里港鄉:Ligang Township,高樹鄉:Gaoshu Township,鹽埔鄉:Yanpu Township,長治鄉:Changzhi Township,麟洛鄉:Linluo Township,竹田鄉:Zhutian Township,內埔鄉:Neipu Township,萬丹鄉:Wandan Township,潮州鎮:Chaozhou Township,泰武鄉:Taiwu Township,來義鄉:Laiyi Township,萬巒鄉:Wanluan Township,崁頂鄉:Kanding Township,新埤鄉:Xinpi Township,南州鄉:Nanzhou Township,林邊鄉:Linbian Township,東港鎮:Donggang Township,琉球鄉:Liuqiu Township,佳冬鄉:Jiadong Township,新園鄉:Xinyuan Township,枋寮鄉:Fangliao Township,枋山鄉:Fangshan Township,春日鄉:Chunri Township,獅子鄉:Shizi Township,車城鄉:Checheng Township,牡丹鄉:Mudan Township,恆春鎮:Hengchun Township,滿州鄉:Manzhou Township',
  '台東縣|Taitung County|臺東市:Taitung City,綠島鄉:Ludao Township,蘭嶼鄉:Lanyu Township,延平鄉:Yanping Township,卑南鄉:Beinan Township,鹿野鄉:Luye Township,關山鎮:Guanshan Township,海端鄉:Haiduan Township,池上鄉:Chishang Township,東河鄉:Donghe Township,成功鎮:Chenggong Township,長濱鄉:Changbin Township,太麻里鄉:Taimali Township,金峰鄉:Jinfeng Township,大武鄉:Dawu Township,達仁鄉:Daren Township',
  "花蓮縣|Hualien County|花蓮市:Hualien City,新城鄉:Xincheng Township,秀林鄉:Xiulin Township,吉安鄉:Ji'an Township,壽豐鄉:Shoufeng Township,鳳林鎮:Fenglin Township,光復鄉:Guangfu Township,豐濱鄉:Fengbin Township,瑞穗鄉:Ruisui Township,萬榮鄉:Wanrong Township,玉里鎮:Yuli Township,卓溪鄉:Zhuoxi Township,富里鄉:Fuli Township",
  '金門縣|Kinmen County|金沙鎮:Jinsha Township,金湖鎮:Jinhu Township,金寧鄉:Jinning Township,金城鎮:Jincheng Township,烈嶼鄉:Lieyu Township,烏坵鄉:Wuqiu Township',
  '連江縣|Lienchiang County|南竿鄉:Nangan Township,北竿鄉:Beigan Township,莒光鄉:Juguan Township,東引鄉:Dongyin Township',
];

/* Bare district names (without the 區/鄉/鎮/市 suffix) that are distinctive
 * place names, not ordinary words, person names or names of other places. */
const TW_BARE_OK = new Set(
  `
萬華 士林 北投 內湖 南港 七堵 板橋 汐止 石碇 平溪 貢寮 坪林 烏來 永和 鶯歌 新莊 林口 蘆洲 三芝
中壢 平鎮 龍潭 大園 蘆竹 頭城 礁溪 壯圍 員山 羅東 五結 冬山 蘇澳 竹北 新豐 新埔 芎林 竹東 五峰
尖石 北埔 竹南 頭份 三灣 南庄 獅潭 後龍 通霄 苑裡 頭屋 三義 卓蘭 北屯 西屯 南屯 大里 霧峰 烏日
豐原 后里 石岡 潭子 神岡 沙鹿 梧棲 大甲 外埔 芬園 秀水 鹿港 線西 伸港 員林 社頭 永靖 埔心 埔鹽
田尾 埤頭 溪州 竹塘 二林 芳苑 二水 中寮 草屯 埔里 名間 集集 水里 鹿谷 番路 竹崎 中埔 鹿草 朴子
東石 六腳 民雄 義竹 斗南 大埤 虎尾 土庫 褒忠 台西 崙背 麥寮 斗六 林內 古坑 莿桐 西螺 二崙 北港
水林 口湖 四湖 元長 安平 永康 歸仁 新化 左鎮 玉井 楠西 南化 關廟 龍崎 官田 麻豆 佳里 西港 學甲
新營 後壁 下營 柳營 善化 前金 苓雅 鹽埕 旗津 前鎮 楠梓 小港 左營 仁武 路竹 阿蓮 田寮 梓官 湖內
鳳山 大寮 鳥松 旗山 美濃 六龜 甲仙 茄萣 馬公 西嶼 望安 七美 湖西 霧台 瑪家 九如 里港 鹽埔 麟洛
內埔 萬丹 泰武 來義 萬巒 崁頂 新埤 南州 林邊 東港 佳冬 枋寮 枋山 車城 恆春 滿州 卑南 鹿野 海端
池上 東河 長濱 金峰 大武 達仁 秀林 壽豐 鳳林 豐濱 萬榮 玉里 卓溪 富里 金湖 金寧 烈嶼 烏坵 南竿
北竿 莒光 東引
`
    .split(/\s+/)
    .filter(Boolean),
);

/* District names that are also ordinary phrases: qualified id, long-form aliases only. */
const TW_GENERIC_DISTRICTS = new Set(['中區', '中西區', '新市區']);

/* English-only bare forms for districts whose Chinese bare form is a common word. */
const TW_EN_EXTRA = {
  淡水區: 'Tamsui,Danshui',
  三重區: 'Sanchong',
  新店區: 'Xindian,Hsintien',
  中和區: 'Zhonghe',
  土城區: 'Tucheng',
  三峽區: 'Sanxia',
  樹林區: 'Shulin',
  板橋區: 'Panchiao',
  汐止區: 'Sijhih',
  北投區: 'Peitou',
  鹿港鎮: 'Lugang',
  中壢區: 'Chungli,Jhongli',
  竹北市: 'Jhubei',
  恆春鎮: 'Hengchun',
  馬公市: 'Makung',
  東港鎮: 'Tungkang',
  羅東鎮: 'Lotung',
  蘇澳鎮: 'Suao',
  南澳鄉: 'Nanao',
  屏東市: 'Pingtung',
  台東市: 'Taitung City',
  左營區: 'Tsoying',
  新竹市東區: '',
  蘭嶼鄉: '',
  綠島鄉: '',
  琉球鄉: '',
  楠梓區: 'Nanzih',
  小港區: 'Siaogang',
  岡山區: 'Gangshan',
  鳳山區: 'Fongshan',
  林口區: 'Linkou',
  麥寮鄉: 'Mailiao',
  斗六市: 'Douliu',
  虎尾鎮: 'Huwei',
  埔里鎮: 'Puli',
  金城鎮: 'Jincheng',
  南竿鄉: 'Nangan',
  北竿鄉: 'Beigan',
  東引鄉: 'Dongyin',
};

function buildTaiwan() {
  table(TW_COUNTIES, { country: 'TW' });

  const rows = TW_DIVISIONS.map((line) => {
    const [county, , ds] = line.split('|');
    return { county, districts: ds.split(',').map((d) => d.split(':')) };
  });
  const count = new Map();
  for (const r of rows) for (const [d] of r.districts) count.set(d, (count.get(d) || 0) + 1);
  // bare forms shared by several districts (信義區 / 信義鄉) or equal to a county short form
  const bareCount = new Map();
  for (const r of rows)
    for (const [d] of r.districts) {
      const b = d.slice(0, -1);
      bareCount.set(b, (bareCount.get(b) || 0) + 1);
    }

  for (const { county, districts } of rows) {
    const countyId = `place:${county}`;
    const countyShort = county.slice(0, -1); // 台北市 -> 台北
    for (const [d, enFull] of districts) {
      const suffix = d.slice(-1);
      const kind = suffix === '區' ? 'district' : suffix === '市' ? 'city' : 'township';
      const enBare = enFull.replace(/ (District|Township|City)$/, '');
      const long = `${countyShort}${d}`; // 台北市信義區 -> 台北信義區 is also used
      const longFull = `${county}${d}`;
      if (count.get(d) > 1 || TW_GENERIC_DISTRICTS.has(d)) {
        add({
          id: `place:${longFull}`,
          name: d,
          en: `${enFull}, ${enCity(county)}`,
          aliases: [longFull, long],
          kind,
          country: 'TW',
          parent: countyId,
          ambiguous: true,
        });
        continue;
      }
      const bare = d.slice(0, -1);
      const weak = [];
      const strong = [longFull, long];
      const bareOk =
        bareCount.get(bare) === 1 &&
        ([...bare].length >= 3 || TW_BARE_OK.has(bare)) &&
        !byId.has(`place:${bare}縣`) &&
        !byId.has(`place:${bare}市`);
      if (bareOk) {
        weak.push(bare);
        weak.push(enBare);
      }
      if (TW_EN_EXTRA[d]) weak.push(...list(TW_EN_EXTRA[d]));
      strong.push(enFull);
      add({ name: d, en: enFull, aliases: strong, weak, kind, country: 'TW', parent: countyId });
    }
  }
}

/* Districts whose romanisations coincide (桃園區 / 桃源區) get the county in `en`. */
function disambiguateTaiwanEnglish() {
  const seen = new Map();
  for (const e of entries) if (e.country === 'TW' && e.parent) seen.set(e.en, [...(seen.get(e.en) || []), e]);
  for (const [, es] of seen) {
    if (es.length < 2) continue;
    for (const e of es) {
      const plain = e.en;
      e._strong = e._strong.filter((a) => a !== plain);
      e.en = `${plain}, ${enCity(byId.get(e.parent).name)}`;
    }
  }
}

function enCity(county) {
  const row = TW_DIVISIONS.find((l) => l.startsWith(`${county}|`));
  return row.split('|')[1];
}

/* Taiwan: islands, seas, landmarks, facilities. */
const TW_PLACES = `
# islands and island groups
澎湖群島|Penghu Islands|Pescadores,澎湖列島|island|place:澎湖縣
金門島|Kinmen Island|大金門|island|place:金門縣
小金門|Lesser Kinmen|Little Kinmen|island|place:金門縣
馬祖列島|Matsu Islands|馬祖群島|island|place:連江縣
蘭嶼|Orchid Island|Lanyu|island|place:蘭嶼鄉
綠島|Green Island|Lyudao|island|place:綠島鄉
小琉球|Xiaoliuqiu|琉球嶼,Lambai Island,Liuqiu Island|island|place:琉球鄉
龜山島|Guishan Island|Turtle Island|island|place:頭城鎮
基隆嶼|Keelung Islet||island|place:基隆市
和平島|Heping Island||island|place:基隆市
東沙群島|Pratas Islands|東沙島,Dongsha Islands,Pratas Island|island|place:高雄市
太平島|Taiping Island|Itu Aba|island|place:高雄市
烏坵嶼|Wuqiu Islands|烏坵島|island|place:烏坵鄉
# seas and straits around Taiwan
台灣海峽|Taiwan Strait|台海,臺灣海峽,臺海,Strait of Taiwan,Formosa Strait|strait|-|-
海峽中線|Taiwan Strait median line|台海中線,台灣海峽中線,median line of the Taiwan Strait,median line|other|place:台灣海峽|-
巴士海峽|Bashi Channel||strait|-|-
# landmarks and natural features
玉山|Yushan|Jade Mountain,Mount Jade,玉山主峰|landmark
雪山|Xueshan|Snow Mountain,Syue Mountain|landmark
合歡山|Hehuanshan|Mount Hehuan|landmark|place:南投縣
阿里山|Alishan|阿里山國家森林遊樂區,Mount Ali|landmark|place:阿里山鄉
日月潭|Sun Moon Lake||landmark|place:魚池鄉
太魯閣|Taroko|太魯閣國家公園,太魯閣峽谷,Taroko National Park,Taroko Gorge|landmark|place:秀林鄉
墾丁|Kenting|墾丁國家公園,Kenting National Park|landmark|place:恆春鎮
恆春半島|Hengchun Peninsula||region|place:屏東縣
陽明山|Yangmingshan|陽明山國家公園,Yangmingshan National Park|landmark|place:台北市
大屯山|Datun Mountain|Mount Datun|landmark|place:台北市
九份|Jiufen|Jioufen|landmark|place:瑞芳區
野柳|Yehliu|野柳地質公園,Yehliu Geopark|landmark|place:萬里區
西門町|Ximending||landmark|place:萬華區
中正紀念堂|Chiang Kai-shek Memorial Hall|CKS Memorial Hall|landmark|place:台北市
國父紀念館|Sun Yat-sen Memorial Hall|National Dr. Sun Yat-sen Memorial Hall|landmark|place:台北市
忠烈祠|National Revolutionary Martyrs' Shrine|國民革命忠烈祠|landmark|place:台北市
中央山脈|Central Mountain Range|Central Range|landmark
花東縱谷|Huadong Valley|East Rift Valley|region
蘭陽平原|Lanyang Plain||region|place:宜蘭縣
嘉南平原|Chianan Plain||region
濁水溪|Zhuoshui River|Jhuoshuei River|landmark
淡水河|Tamsui River||landmark
高屏溪|Gaoping River|Kaoping River|landmark
曾文溪|Zengwen River||landmark
東澳|Dongao|東澳村|other|place:南澳鄉
# reservoirs, dams
石門水庫|Shimen Reservoir||facility|place:桃園市
翡翠水庫|Feitsui Reservoir||facility|place:新北市
曾文水庫|Zengwen Reservoir||facility|place:台南市
德基水庫|Deji Reservoir||facility|place:台中市
日月潭水庫|Sun Moon Lake Reservoir||facility|place:南投縣
寶山第二水庫|Baoshan Second Reservoir|寶二水庫|facility|place:新竹縣
鯉魚潭水庫|Liyutan Reservoir||facility|place:苗栗縣
南化水庫|Nanhua Reservoir||facility|place:台南市
# airports
桃園國際機場|Taoyuan International Airport|桃園機場,桃機,Taoyuan Airport,Taiwan Taoyuan International Airport|facility|place:大園區
松山機場|Songshan Airport|台北松山機場,臺北松山機場,北松機場,Taipei Songshan Airport|facility|place:松山區|TW
小港機場|Kaohsiung International Airport|高雄國際機場,高雄小港機場,高雄機場,Kaohsiung Airport|facility|place:小港區
台中國際機場|Taichung International Airport|台中機場,清泉崗機場,Taichung Airport,Ching Chuan Kang Air Base|facility|place:台中市
台南機場|Tainan Airport||facility|place:台南市
花蓮機場|Hualien Airport||facility|place:花蓮縣
台東機場|Taitung Airport|豐年機場|facility|place:台東縣
金門機場|Kinmen Airport|尚義機場|facility|place:金門縣
馬公機場|Magong Airport|澎湖機場|facility|place:澎湖縣
嘉義機場|Chiayi Airport||facility|place:嘉義縣
# buildings, venues, stadiums
台北101|Taipei 101|臺北101,101大樓|landmark|place:台北市信義區|TW
台北小巨蛋|Taipei Arena|小巨蛋,臺北小巨蛋|facility|place:松山區|TW
台北大巨蛋|Taipei Dome|大巨蛋,臺北大巨蛋|facility|place:台北市
台北世貿中心|Taipei World Trade Center|台北世貿,臺北世貿中心,Taipei WTC|facility|place:台北市
南港展覽館|Taipei Nangang Exhibition Center|南港展館,南港展覽館2館,TaiNEX,Nangang Exhibition Center|facility|place:南港區
台北流行音樂中心|Taipei Music Center|北流|facility|place:南港區
高雄流行音樂中心|Kaohsiung Music Center|高流|facility|place:高雄市
高雄巨蛋|Kaohsiung Arena|巨蛋體育館|facility|place:左營區
高雄國家體育場|Kaohsiung National Stadium|世運主場館,World Games Stadium|facility|place:左營區
衛武營國家藝術文化中心|National Kaohsiung Center for the Arts|衛武營,Weiwuying|facility|place:鳳山區
台北田徑場|Taipei Municipal Stadium|臺北田徑場|facility|place:台北市
林口體育館|Linkou Arena|新北市立新莊體育館|facility|place:新北市
台北車站|Taipei Main Station|北車,臺北車站,台北火車站|facility|place:台北市中正區|TW
板橋車站|Banqiao Station||facility|place:板橋區
台中車站|Taichung Station|台中火車站|facility|place:台中市
高雄車站|Kaohsiung Main Station|高雄火車站|facility|place:高雄市
左營高鐵站|Zuoying HSR Station|新左營站,高鐵左營站,Zuoying Station|facility|place:左營區
天母棒球場|Tianmu Baseball Stadium||facility|place:士林區
新莊棒球場|Xinzhuang Baseball Stadium||facility|place:新莊區
樂天桃園棒球場|Rakuten Taoyuan Baseball Stadium|桃園棒球場,桃園國際棒球場,Taoyuan International Baseball Stadium|facility|place:中壢區
台南棒球場|Tainan Municipal Baseball Stadium|台南市立棒球場,臺南棒球場|facility|place:台南市
亞太國際棒球訓練中心|Asia-Pacific International Baseball Training Center|亞太棒球場|facility|place:台南市
澄清湖棒球場|Chengcing Lake Baseball Stadium|Chengcing Lake Stadium|facility|place:鳥松區
台中洲際棒球場|Taichung Intercontinental Baseball Stadium|洲際棒球場,臺中洲際棒球場|facility|place:台中市
台中棒球場|Taichung Baseball Field||facility|place:台中市
新竹棒球場|Hsinchu Baseball Stadium|新竹市立棒球場|facility|place:新竹市
嘉義市立棒球場|Chiayi City Baseball Stadium|嘉義棒球場|facility|place:嘉義市
斗六棒球場|Douliu Baseball Stadium||facility|place:斗六市
花蓮棒球場|Hualien Baseball Stadium||facility|place:花蓮縣
台東棒球村|Taitung Baseball Village||facility|place:台東縣
# science parks, industrial zones
新竹科學園區|Hsinchu Science Park|竹科,新竹科學工業園區,Hsinchu Science-based Industrial Park|facility|place:新竹市
中部科學園區|Central Taiwan Science Park|中科,台中科學園區|facility|place:台中市
南部科學園區|Southern Taiwan Science Park|南科,台南科學園區|facility|place:台南市
北投士林科技園區|Beitou-Shilin Technology Park|北士科|facility|place:台北市
內湖科技園區|Neihu Technology Park|Neihu Science Park|facility|place:內湖區
南港軟體園區|Nangang Software Park||facility|place:南港區
楠梓科技產業園區|Nanzih Technology Industrial Park|楠梓加工出口區,楠梓園區|facility|place:楠梓區
林口工業區|Linkou Industrial Park||facility|place:林口區
台塑六輕|Mailiao Naphtha Cracker Complex|六輕,麥寮六輕,Formosa Plastics Mailiao complex|facility|place:麥寮鄉
# power plants
第一核能發電廠|Chinshan Nuclear Power Plant|核一廠,核一,金山核電廠,Jinshan Nuclear Power Plant|facility|place:石門區
第二核能發電廠|Kuosheng Nuclear Power Plant|核二廠,核二,國聖核電廠|facility|place:萬里區
第三核能發電廠|Maanshan Nuclear Power Plant|核三廠,核三,馬鞍山核電廠|facility|place:恆春鎮
龍門核能發電廠|Lungmen Nuclear Power Plant|核四廠,核四,龍門核電廠,第四核能發電廠|facility|place:貢寮區
台中火力發電廠|Taichung Power Plant|台中電廠,中火|facility|place:龍井區
興達火力發電廠|Hsinta Power Plant|興達電廠|facility|place:永安區
大潭電廠|Tatan Power Plant|大潭發電廠|facility|place:觀音區
協和電廠|Hsieh-ho Power Plant|協和發電廠|facility|place:基隆市
深澳電廠|Shen'ao Power Plant||facility|place:瑞芳區
# ports
高雄港|Port of Kaohsiung|Kaohsiung Port|facility|place:高雄市
台中港|Port of Taichung|臺中港,Taichung Port|facility|place:台中市
基隆港|Port of Keelung|Keelung Port|facility|place:基隆市
台北港|Port of Taipei|Taipei Port|facility|place:八里區
花蓮港|Port of Hualien|Hualien Port|facility|place:花蓮縣
蘇澳港|Port of Su'ao|Suao Port|facility|place:蘇澳鎮
安平港|Port of Anping|Anping Port|facility|place:安平區
布袋港|Port of Budai|Budai Port|facility|place:布袋鎮
料羅灣|Liaoluo Bay||landmark|place:金門縣
`;

function buildTaiwanPlaces() {
  table(TW_PLACES, { kind: 'landmark', country: 'TW' });
}

/* ------------------------------------------------------------------- China */

/* Provinces, autonomous regions, municipalities. */
const CN_PROVINCES = `
北京|Beijing|北京市,Peking|city
上海|Shanghai|上海市|city
天津|Tianjin|天津市|city
重慶|Chongqing|重慶市,Chungking|city
河北省|Hebei|河北,Hebei Province
山西省|Shanxi|山西,Shanxi Province
遼寧省|Liaoning|遼寧,Liaoning Province
吉林省|Jilin|Jilin Province
黑龍江省|Heilongjiang|黑龍江,Heilongjiang Province
江蘇省|Jiangsu|江蘇,Jiangsu Province
浙江省|Zhejiang|浙江,Zhejiang Province
安徽省|Anhui|安徽,Anhui Province
福建省|Fujian|福建,Fujian Province,Fukien
江西省|Jiangxi|江西,Jiangxi Province
山東省|Shandong|山東,Shandong Province
河南省|Henan|河南,Henan Province
湖北省|Hubei|湖北,Hubei Province
湖南省|Hunan|湖南,Hunan Province
廣東省|Guangdong|廣東,Guangdong Province,Canton Province
海南省|Hainan|海南,Hainan Province
四川省|Sichuan|四川,Sichuan Province,Szechuan
貴州省|Guizhou|貴州,Guizhou Province
雲南省|Yunnan|雲南,Yunnan Province
陝西省|Shaanxi|陝西,Shaanxi Province
甘肅省|Gansu|甘肅,Gansu Province
青海省|Qinghai|青海,Qinghai Province
內蒙古|Inner Mongolia|內蒙古自治區,內蒙,Inner Mongolia Autonomous Region|region
廣西|Guangxi|廣西壯族自治區,Guangxi Zhuang Autonomous Region|region
西藏|Tibet|西藏自治區,Tibet Autonomous Region,Xizang|region
寧夏|Ningxia|寧夏回族自治區,Ningxia Hui Autonomous Region|region
新疆|Xinjiang|新疆維吾爾自治區,Xinjiang Uyghur Autonomous Region,Xinjiang Uygur Autonomous Region|region
`;

/* Cities: zh | en | aliases | parent province name */
const CN_CITIES = `
深圳|Shenzhen|深圳市|廣東省
廣州|Guangzhou|廣州市,Canton|廣東省
東莞|Dongguan|東莞市|廣東省
佛山|Foshan|佛山市|廣東省
珠海|Zhuhai|珠海市|廣東省
汕頭|Shantou|汕頭市|廣東省
中山市|Zhongshan|Zhongshan City|廣東省
惠州|Huizhou|惠州市|廣東省
湛江|Zhanjiang|湛江市|廣東省
江門|Jiangmen|江門市|廣東省
杭州|Hangzhou|杭州市|浙江省
寧波|Ningbo|寧波市|浙江省
溫州|Wenzhou|溫州市|浙江省
義烏|Yiwu|義烏市|浙江省
紹興|Shaoxing|紹興市|浙江省
嘉興|Jiaxing|嘉興市|浙江省
舟山|Zhoushan|舟山市,舟山群島|浙江省
金華|Jinhua|金華市|浙江省
台州|Taizhou|台州市,Taizhou City|浙江省
南京|Nanjing|南京市,Nanking|江蘇省
蘇州|Suzhou|蘇州市|江蘇省
無錫|Wuxi|無錫市|江蘇省
常州|Changzhou|常州市|江蘇省
南通|Nantong|南通市|江蘇省
昆山|Kunshan|昆山市|江蘇省
徐州|Xuzhou|徐州市|江蘇省
揚州|Yangzhou|揚州市|江蘇省
連雲港|Lianyungang|連雲港市|江蘇省
合肥|Hefei|合肥市|安徽省
武漢|Wuhan|武漢市|湖北省
宜昌|Yichang|宜昌市|湖北省
長沙|Changsha|長沙市|湖南省
南昌|Nanchang|南昌市|江西省
鄭州|Zhengzhou|鄭州市|河南省
洛陽|Luoyang|洛陽市|河南省
開封|Kaifeng|開封市|河南省
濟南|Jinan|濟南市|山東省
青島|Qingdao|青島市,Tsingtao|山東省
煙台|Yantai|煙台市|山東省
威海|Weihai|威海市|山東省
成都|Chengdu|成都市|四川省
西安|Xi'an|西安市,Xian|陝西省
昆明|Kunming|昆明市|雲南省
貴陽|Guiyang|貴陽市|貴州省
南寧|Nanning|南寧市|廣西
桂林|Guilin|桂林市|廣西
海口|Haikou|海口市|海南省
三亞|Sanya|三亞市|海南省
福州|Fuzhou|福州市|福建省
廈門|Xiamen|廈門市,Amoy|福建省
泉州|Quanzhou|泉州市|福建省
漳州|Zhangzhou|漳州市|福建省
莆田|Putian|莆田市|福建省
寧德|Ningde|寧德市|福建省
平潭|Pingtan|平潭島,平潭綜合實驗區,Pingtan Island|福建省
石家莊|Shijiazhuang|石家莊市|河北省
保定|Baoding|保定市|河北省
唐山|Tangshan|唐山市|河北省
雄安新區|Xiong'an New Area|雄安,Xiongan|河北省
太原|Taiyuan|太原市|山西省
大同市|Datong|Datong City|山西省
瀋陽|Shenyang|瀋陽市|遼寧省
大連|Dalian|大連市|遼寧省
丹東|Dandong|丹東市|遼寧省
長春|Changchun|長春市|吉林省
哈爾濱|Harbin|哈爾濱市|黑龍江省
呼和浩特|Hohhot|呼和浩特市|內蒙古
包頭|Baotou|包頭市|內蒙古
蘭州|Lanzhou|蘭州市|甘肅省
西寧|Xining|西寧市|青海省
銀川|Yinchuan|銀川市|寧夏
烏魯木齊|Urumqi|烏魯木齊市,Ürümqi|新疆
喀什|Kashgar|喀什市,Kashi|新疆
伊寧|Yining|伊寧市,Ghulja|新疆
拉薩|Lhasa|拉薩市|西藏
浦東新區|Pudong|浦東,Pudong New Area|上海
`;

/* Regions, landmarks, features in China (and HK/Macau sub-places). */
const CN_PLACES = `
粵港澳大灣區|Greater Bay Area|大灣區,Guangdong-Hong Kong-Macao Greater Bay Area|region|-|CN
珠江三角洲|Pearl River Delta|珠三角|region|-|CN
長江三角洲|Yangtze River Delta|長三角|region|-|CN
京津冀|Beijing-Tianjin-Hebei|Jing-Jin-Ji|region|-|CN
華南|South China|華南地區|region|-|CN
華東|East China|華東地區|region|-|CN
華北|North China|華北地區|region|-|CN
華中|Central China|華中地區|region|-|CN
東北三省|Northeast China|Manchuria|region|-|CN
閩南|Southern Fujian|Minnan|region|place:福建省|CN
長江|Yangtze River|揚子江,Yangtze,Chang Jiang|landmark|-|CN
黃河|Yellow River|Huang He|landmark|-|CN
珠江|Pearl River||landmark|-|CN
三峽大壩|Three Gorges Dam|三峽水壩|facility|place:湖北省|CN
天安門廣場|Tiananmen Square|天安門,Tiananmen|landmark|place:北京|CN
中南海|Zhongnanhai||landmark|place:北京|CN
紫禁城|Forbidden City||landmark|place:北京|CN
人民大會堂|Great Hall of the People||landmark|place:北京|CN
萬里長城|Great Wall of China|長城,Great Wall|landmark|-|CN
海南島|Hainan Island||island|place:海南省|CN
西沙群島|Paracel Islands|Paracels,Xisha Islands|island|-|-
南沙群島|Spratly Islands|Spratlys,Nansha Islands|island|-|-
中沙群島|Macclesfield Bank|Zhongsha Islands|island|-|-
黃岩島|Scarborough Shoal|斯卡伯勒淺灘,民主礁|island|-|-
仁愛礁|Second Thomas Shoal|Ayungin Shoal|island|place:南沙群島|-
美濟礁|Mischief Reef||island|place:南沙群島|-
永暑礁|Fiery Cross Reef||island|place:南沙群島|-
永興島|Woody Island||island|place:西沙群島|-
香港|Hong Kong|香港特區,HK,Hong Kong SAR|region|-|HK
九龍|Kowloon|九龍半島|region|place:香港|HK
新界|New Territories||region|place:香港|HK
香港島|Hong Kong Island|港島|island|place:香港|HK
中環|Central|Central District|other|place:香港|HK
旺角|Mong Kok|Mongkok|other|place:香港|HK
銅鑼灣|Causeway Bay||other|place:香港|HK
尖沙咀|Tsim Sha Tsui||other|place:香港|HK
灣仔|Wan Chai||other|place:香港|HK
大嶼山|Lantau Island|Lantau|island|place:香港|HK
香港國際機場|Hong Kong International Airport|赤鱲角機場,Chek Lap Kok|facility|place:香港|HK
港珠澳大橋|Hong Kong-Zhuhai-Macau Bridge||facility|-|CN
澳門|Macau|澳門特區,Macao|region|-|MO
氹仔|Taipa||island|place:澳門|MO
路環|Coloane||island|place:澳門|MO
`;

function buildChina() {
  table(CN_PROVINCES, { kind: 'province', country: 'CN' });
  for (const raw of CN_CITIES.trim().split('\n')) {
    const [name, en, aliases, prov] = raw.split('|');
    add({ name, en, aliases: list(aliases), kind: 'city', country: 'CN', parent: `place:${prov}` });
  }
  table(CN_PLACES, { kind: 'other', country: 'CN' });
}

/* ------------------------------------------------------------------- Japan */

/* zh | en | bare alias ok (1/0) */
const JP_PREFS = `
北海道|Hokkaido|0|北海道|Hokkaido
青森縣|Aomori Prefecture|1|青森|Aomori
岩手縣|Iwate Prefecture|1|岩手|Iwate
宮城縣|Miyagi Prefecture|0|宮城|Miyagi
秋田縣|Akita Prefecture|1|秋田|Akita
山形縣|Yamagata Prefecture|0|山形|Yamagata
福島縣|Fukushima Prefecture|1|福島|Fukushima
茨城縣|Ibaraki Prefecture|1|茨城|Ibaraki
栃木縣|Tochigi Prefecture|1|栃木|Tochigi
群馬縣|Gunma Prefecture|1|群馬|Gunma
埼玉縣|Saitama Prefecture|1|埼玉|Saitama
千葉縣|Chiba Prefecture|1|千葉|Chiba
東京都|Tokyo|1|東京|Tokyo Metropolis
神奈川縣|Kanagawa Prefecture|1|神奈川|Kanagawa
新潟縣|Niigata Prefecture|1|新潟|Niigata
富山縣|Toyama Prefecture|1|富山|Toyama
石川縣|Ishikawa Prefecture|0|石川|Ishikawa
福井縣|Fukui Prefecture|0|福井|Fukui
山梨縣|Yamanashi Prefecture|0|山梨|Yamanashi
長野縣|Nagano Prefecture|0|長野|Nagano
岐阜縣|Gifu Prefecture|1|岐阜|Gifu
靜岡縣|Shizuoka Prefecture|1|靜岡|Shizuoka
愛知縣|Aichi Prefecture|1|愛知|Aichi
三重縣|Mie Prefecture|0|三重|Mie
滋賀縣|Shiga Prefecture|1|滋賀|Shiga
京都府|Kyoto Prefecture|1|京都|Kyoto
大阪府|Osaka Prefecture|1|大阪|Osaka
兵庫縣|Hyogo Prefecture|1|兵庫|Hyogo
奈良縣|Nara Prefecture|1|奈良|Nara
和歌山縣|Wakayama Prefecture|1|和歌山|Wakayama
鳥取縣|Tottori Prefecture|1|鳥取|Tottori
島根縣|Shimane Prefecture|1|島根|Shimane
岡山縣|Okayama Prefecture|0|岡山|Okayama
廣島縣|Hiroshima Prefecture|1|廣島|Hiroshima
山口縣|Yamaguchi Prefecture|0|山口|Yamaguchi
德島縣|Tokushima Prefecture|1|德島|Tokushima
香川縣|Kagawa Prefecture|0|香川|Kagawa
愛媛縣|Ehime Prefecture|1|愛媛|Ehime
高知縣|Kochi Prefecture|1|高知|Kochi
福岡縣|Fukuoka Prefecture|1|福岡|Fukuoka
佐賀縣|Saga Prefecture|1|佐賀|Saga
長崎縣|Nagasaki Prefecture|1|長崎|Nagasaki
熊本縣|Kumamoto Prefecture|1|熊本|Kumamoto
大分縣|Oita Prefecture|0|大分|Oita
宮崎縣|Miyazaki Prefecture|0|宮崎|Miyazaki
鹿兒島縣|Kagoshima Prefecture|1|鹿兒島|Kagoshima
沖繩縣|Okinawa Prefecture|1|沖繩|Okinawa
`;

const JP_PLACES = `
橫濱|Yokohama|橫濱市|city|place:神奈川縣
名古屋|Nagoya|名古屋市|city|place:愛知縣
神戶|Kobe|神戶市|city|place:兵庫縣
札幌|Sapporo|札幌市|city|place:北海道
仙台|Sendai|仙台市|city|place:宮城縣
那霸|Naha|那霸市|city|place:沖繩縣
北九州|Kitakyushu|北九州市|city|place:福岡縣
川崎市|Kawasaki|Kawasaki City|city|place:神奈川縣
大阪市|Osaka City||city|place:大阪府
京都市|Kyoto City||city|place:京都府
福岡市|Fukuoka City||city|place:福岡縣
廣島市|Hiroshima City||city|place:廣島縣
長崎市|Nagasaki City||city|place:長崎縣
熊本市|Kumamoto City||city|place:熊本縣
福島市|Fukushima City||city|place:福島縣
鹿兒島市|Kagoshima City||city|place:鹿兒島縣
菊陽町|Kikuyo|菊陽,Kikuyo Town|city|place:熊本縣
橫須賀|Yokosuka|橫須賀市,橫須賀基地,Yokosuka Naval Base|city|place:神奈川縣
沖繩本島|Okinawa Island||island|place:沖繩縣
石垣島|Ishigaki Island|Ishigaki|island|place:沖繩縣
宮古島|Miyako Island|Miyakojima|island|place:沖繩縣
與那國島|Yonaguni Island|與那國,Yonaguni|island|place:沖繩縣
琉球群島|Ryukyu Islands|琉球,Ryukyus,南西諸島,Nansei Islands|island|-
先島群島|Sakishima Islands||island|place:沖繩縣
釣魚台列嶼|Diaoyutai Islands|釣魚台,釣魚臺,釣魚臺列嶼,釣魚島,尖閣諸島,尖閣群島,Senkaku Islands,Senkakus,Diaoyu Islands,Diaoyutai|island|-|-
對馬|Tsushima|對馬島,Tsushima Island|island|place:長崎縣
九州|Kyushu||island|-
本州|Honshu||island|-
四國島|Shikoku|Shikoku Island|island|-
關西地區|Kansai|關西,Kansai region|region|-||amb
關東地區|Kanto|Kanto region|region|-
北方四島|Northern Territories|北方領土,南千島群島,Southern Kurils|island|-|-
千島群島|Kuril Islands|Kurils|island|-|RU
富士山|Mount Fuji|Mt. Fuji,Fujisan|landmark|-
福島第一核電廠|Fukushima Daiichi Nuclear Power Plant|福島核電廠,福島第一核電站,福島核電站,Fukushima Daiichi,Fukushima nuclear plant|facility|place:福島縣
嘉手納基地|Kadena Air Base|嘉手納空軍基地|facility|place:沖繩縣
普天間基地|Futenma Air Station|普天間|facility|place:沖繩縣
羽田機場|Haneda Airport|東京羽田機場,Tokyo Haneda|facility|place:東京都
成田機場|Narita Airport|成田國際機場,Narita International Airport|facility|place:千葉縣
關西機場|Kansai International Airport|關西國際機場,關西空港|facility|place:大阪府
銀座|Ginza||other|place:東京都
新宿|Shinjuku|新宿區|district|place:東京都
澀谷|Shibuya|澀谷區|district|place:東京都
秋葉原|Akihabara||other|place:東京都
`;

function buildJapan() {
  for (const raw of JP_PREFS.trim().split('\n')) {
    const [name, en, ok, bare, enBare] = raw.split('|');
    const aliases = [enBare];
    if (ok === '1' && bare !== name) aliases.push(bare);
    add({ name, en, aliases, kind: 'prefecture', country: 'JP' });
  }
  table(JP_PLACES, { kind: 'city', country: 'JP' });
}

/* ------------------------------------------------------------------- Korea */

const KR_PLACES = `
釜山|Busan|釜山市,Pusan|city
仁川|Incheon|仁川市,Inchon|city
大邱|Daegu|大邱市,Taegu|city
大田|Daejeon|大田市|city|||amb
光州|Gwangju|光州市,Kwangju|city
蔚山|Ulsan|蔚山市|city
世宗市|Sejong|Sejong City|city
水原|Suwon|水原市|city
平澤|Pyeongtaek|平澤市,Camp Humphreys,漢弗萊斯營區|city
京畿道|Gyeonggi Province|京畿,Gyeonggi|province
濟州島|Jeju Island|濟州,Jeju,濟州特別自治道,Cheju|island
龍山區|Yongsan|Yongsan District|district|place:首爾|KR|amb
江南|Gangnam|江南區|district|place:首爾|KR|amb
仁川國際機場|Incheon International Airport|仁川機場|facility|place:仁川
板門店|Panmunjom|共同警備區,JSA,Joint Security Area|landmark|-|-
非軍事區|Korean Demilitarized Zone|DMZ,南北韓非軍事區|region|-|-
`;
const KP_PLACES = `
開城|Kaesong|開城工業區,Kaesong Industrial Complex|city
寧邊|Yongbyon|寧邊核設施,寧邊核子設施|facility
新義州|Sinuiju||city
元山|Wonsan||city
咸興|Hamhung||city
南浦|Nampo||city
豐溪里|Punggye-ri|豐溪里核試場,Punggye-ri nuclear test site|facility
東倉里|Sohae|西海衛星發射場,Sohae Satellite Launching Station|facility
`;

function buildKorea() {
  add({ name: '首爾', en: 'Seoul', aliases: ['首爾市', '漢城'], kind: 'city', country: 'KR' });
  table(KR_PLACES, { kind: 'city', country: 'KR' });
  add({ name: '平壤', en: 'Pyongyang', aliases: ['平壤市'], kind: 'city', country: 'KP' });
  table(KP_PLACES, { kind: 'city', country: 'KP' });
}

/* --------------------------------------------------------- United States */

/* zh | en | aliases */
const US_STATES = `
阿拉巴馬州|Alabama|阿拉巴馬
阿拉斯加州|Alaska|阿拉斯加
亞利桑那州|Arizona|亞利桑那,亞歷桑那州,亞歷桑那
阿肯色州|Arkansas|阿肯色
加州|California|加利福尼亞州,加利福尼亞
科羅拉多州|Colorado|
康乃狄克州|Connecticut|康乃狄克,康州
德拉瓦州|Delaware|德拉瓦
佛羅里達州|Florida|佛羅里達,佛州
喬治亞州|Georgia|喬州,Georgia (U.S. state)|amb
夏威夷州|Hawaii|夏威夷
愛達荷州|Idaho|愛達荷
伊利諾州|Illinois|伊利諾,伊利諾伊州
印第安納州|Indiana|印第安納
愛荷華州|Iowa|愛荷華
堪薩斯州|Kansas|堪薩斯
肯塔基州|Kentucky|肯塔基
路易斯安那州|Louisiana|路易斯安那
緬因州|Maine|
馬里蘭州|Maryland|馬里蘭
麻州|Massachusetts|麻薩諸塞州,麻薩諸塞
密西根州|Michigan|密西根,密歇根州
明尼蘇達州|Minnesota|明尼蘇達
密西西比州|Mississippi|
密蘇里州|Missouri|密蘇里
蒙大拿州|Montana|蒙大拿
內布拉斯加州|Nebraska|內布拉斯加
內華達州|Nevada|內華達
新罕布夏州|New Hampshire|新罕布夏
紐澤西州|New Jersey|紐澤西,新澤西州
新墨西哥州|New Mexico|新墨西哥
紐約州|New York State|
北卡羅來納州|North Carolina|北卡羅萊納州,北卡
北達科他州|North Dakota|北達科他
俄亥俄州|Ohio|俄亥俄
奧克拉荷馬州|Oklahoma|奧克拉荷馬
奧勒岡州|Oregon|奧勒岡
賓州|Pennsylvania|賓夕法尼亞州,賓夕法尼亞
羅德島州|Rhode Island|
南卡羅來納州|South Carolina|南卡羅萊納州,南卡
南達科他州|South Dakota|南達科他
田納西州|Tennessee|田納西
德州|Texas|德克薩斯州,德克薩斯
猶他州|Utah|猶他
佛蒙特州|Vermont|佛蒙特
維吉尼亞州|Virginia|維吉尼亞,維州
華盛頓州|Washington State|Washington state
西維吉尼亞州|West Virginia|西維吉尼亞
威斯康辛州|Wisconsin|威斯康辛
懷俄明州|Wyoming|懷俄明
`;

/* zh | en | aliases | state */
const US_CITIES = `
華府|Washington, D.C.|華盛頓特區,華盛頓哥倫比亞特區,華盛頓,Washington D.C.,Washington DC,D.C.,Washington|-
紐約|New York City|紐約市,New York,NYC|紐約州
洛杉磯|Los Angeles|洛杉磯市,L.A.|加州
舊金山|San Francisco|三藩市|加州
舊金山灣區|San Francisco Bay Area|灣區,Bay Area|加州
矽谷|Silicon Valley||加州
沙加緬度|Sacramento||加州
聖塔克拉拉|Santa Clara||加州
帕羅奧圖|Palo Alto||加州
庫比蒂諾|Cupertino||加州
芝加哥|Chicago||伊利諾州
波士頓|Boston||麻州
西雅圖|Seattle||華盛頓州
休士頓|Houston|休斯頓|德州
達拉斯|Dallas||德州
奧斯汀|Austin||德州
聖安東尼奧|San Antonio||德州
鳳凰城|Phoenix|Phoenix (Arizona)|亞利桑那州
邁阿密|Miami||佛羅里達州
奧蘭多|Orlando||佛羅里達州
坦帕|Tampa||佛羅里達州
棕櫚灘|Palm Beach||佛羅里達州
海湖莊園|Mar-a-Lago||佛羅里達州
亞特蘭大|Atlanta||喬治亞州
費城|Philadelphia||賓州
匹茲堡|Pittsburgh||賓州
底特律|Detroit||密西根州
丹佛|Denver||科羅拉多州
拉斯維加斯|Las Vegas|賭城|內華達州
紐奧良|New Orleans||路易斯安那州
納許維爾|Nashville||田納西州
巴爾的摩|Baltimore||馬里蘭州
克里夫蘭|Cleveland||俄亥俄州
明尼亞波利斯|Minneapolis||明尼蘇達州
聖路易|St. Louis|Saint Louis|密蘇里州
鹽湖城|Salt Lake City||猶他州
波特蘭|Portland|Portland (Oregon)|奧勒岡州
檀香山|Honolulu|火奴魯魯|夏威夷州
珍珠港|Pearl Harbor||夏威夷州
安克拉治|Anchorage||阿拉斯加州
大衛營|Camp David||馬里蘭州
華爾街|Wall Street||紐約
曼哈頓|Manhattan||紐約
布魯克林|Brooklyn||紐約
哥倫布|Columbus|Columbus (Ohio)|俄亥俄州
`;

function buildUS() {
  for (const raw of US_STATES.trim().split('\n')) {
    const [name, en, aliases, flag] = raw.split('|');
    add({ name, en, aliases: list(aliases), kind: 'state', country: 'US', ambiguous: flag === 'amb' });
  }
  for (const raw of US_CITIES.trim().split('\n')) {
    const [name, en, aliases, state] = raw.split('|');
    if (state === 'skip') continue;
    const parent = state === '-' ? undefined : byId.has(`place:${state}`) ? `place:${state}` : undefined;
    if (state !== '-' && !parent) throw new Error(`unknown state ${state}`);
    const kind = /矽谷|灣區/.test(name)
      ? 'region'
      : /海湖莊園|大衛營|珍珠港|華爾街/.test(name)
        ? 'landmark'
        : /曼哈頓|布魯克林/.test(name)
          ? 'district'
          : 'city';
    add({ name, en, aliases: list(aliases), kind, country: 'US', parent });
  }
}

/* ------------------------------------------------------- Rest of the world */

/* zh | en | aliases | kind | parent | country | amb   (default kind city) */
const WORLD_PLACES = `
# Canada
安大略省|Ontario|安大略|province||CA
魁北克省|Quebec|魁北克,Québec|province||CA
卑詩省|British Columbia|英屬哥倫比亞省,B.C.|province||CA
亞伯達省|Alberta|亞伯達|province||CA
多倫多|Toronto||city|place:安大略省|CA
溫哥華|Vancouver||city|place:卑詩省|CA
蒙特婁|Montreal|蒙特利爾,Montréal|city|place:魁北克省|CA
卡加利|Calgary||city|place:亞伯達省|CA
# Mexico, Latin America
瓜達拉哈拉|Guadalajara||city||MX
蒙特雷|Monterrey||city||MX
提華納|Tijuana||city||MX
坎昆|Cancun|Cancún|city||MX
聖保羅|São Paulo|Sao Paulo|city||BR
里約熱內盧|Rio de Janeiro|里約,Rio|city||BR
東方市|Ciudad del Este||city||PY
拉巴斯|La Paz||city||BO
瓜亞基爾|Guayaquil||city||EC
麥德林|Medellín|Medellin|city||CO
巴拿馬運河|Panama Canal||facility||PA
火地島|Tierra del Fuego||island|-|-
亞馬遜|Amazon|亞馬遜雨林,亞馬遜河,Amazon rainforest|region|-|-
安地斯山脈|Andes|Andes Mountains|landmark|-|-
# Australia, New Zealand, Pacific
雪梨|Sydney|悉尼|city|place:新南威爾斯州|AU
墨爾本|Melbourne||city|place:維多利亞州|AU
布里斯本|Brisbane||city|place:昆士蘭州|AU
伯斯|Perth|珀斯|city|place:西澳州|AU
阿德雷德|Adelaide|阿德萊德|city|place:南澳州|AU
達爾文|Darwin|達爾文市|city|place:北領地|AU|amb
黃金海岸|Gold Coast||city|place:昆士蘭州|AU
新南威爾斯州|New South Wales|新南威爾斯,NSW|state||AU
維多利亞州|Victoria (Australia)|Victoria State|state||AU
昆士蘭州|Queensland|昆士蘭|state||AU
西澳州|Western Australia|西澳|state||AU
南澳州|South Australia||state||AU
塔斯馬尼亞州|Tasmania|塔斯馬尼亞,塔斯梅尼亞|state||AU
北領地|Northern Territory||state||AU
奧克蘭|Auckland|Auckland (New Zealand)|city||NZ|amb
基督城|Christchurch||city||NZ
塞班島|Saipan|塞班|island||MP
天寧島|Tinian||island||MP
關島安德森空軍基地|Andersen Air Force Base|安德森空軍基地|facility||GU
# United Kingdom, Ireland
英格蘭|England||region||GB
蘇格蘭|Scotland||region||GB
威爾斯|Wales||region||GB|amb
北愛爾蘭|Northern Ireland||region||GB
曼徹斯特|Manchester||city|place:英格蘭|GB
利物浦|Liverpool||city|place:英格蘭|GB
伯明罕|Birmingham||city|place:英格蘭|GB
牛津|Oxford||city|place:英格蘭|GB
劍橋|Cambridge||city|place:英格蘭|GB|amb
愛丁堡|Edinburgh||city|place:蘇格蘭|GB
格拉斯哥|Glasgow||city|place:蘇格蘭|GB
貝爾法斯特|Belfast||city|place:北愛爾蘭|GB
唐寧街|Downing Street|唐寧街10號,10 Downing Street|landmark|place:倫敦|GB
西敏|Westminster|西敏寺,Westminster Abbey|landmark|place:倫敦|GB
希斯洛機場|Heathrow Airport|倫敦希斯洛機場,Heathrow|facility|place:倫敦|GB
# France, Benelux, Switzerland, Germany, Austria
史特拉斯堡|Strasbourg|斯特拉斯堡|city||FR
馬賽|Marseille|Marseilles|city||FR
里昂|Lyon||city||FR
尼斯|Nice|尼斯市|city||FR|amb
坎城|Cannes||city||FR
波爾多|Bordeaux||city||FR
土魯斯|Toulouse||city||FR
凡爾賽|Versailles|凡爾賽宮|city||FR
艾菲爾鐵塔|Eiffel Tower||landmark|place:巴黎|FR
羅浮宮|Louvre|羅浮宮博物館|landmark|place:巴黎|FR
愛麗榭宮|Élysée Palace|Elysee Palace,Élysée|landmark|place:巴黎|FR
鹿特丹|Rotterdam||city||NL
海牙|The Hague|Hague,Den Haag|city||NL
恩荷芬|Eindhoven|艾因霍溫|city||NL
費爾德霍溫|Veldhoven||city||NL
安特衛普|Antwerp||city||BE
日內瓦|Geneva||city||CH
蘇黎世|Zurich|Zürich|city||CH
達佛斯|Davos|達沃斯|city||CH
洛桑|Lausanne||city||CH
巴塞爾|Basel||city||CH
法蘭克福|Frankfurt|Frankfurt am Main|city||DE
慕尼黑|Munich|München|city||DE
漢堡|Hamburg||city||DE|amb
科隆|Cologne|Köln|city||DE
杜塞道夫|Düsseldorf|Dusseldorf|city||DE
斯圖加特|Stuttgart||city||DE
德勒斯登|Dresden|德累斯頓|city||DE
萊比錫|Leipzig||city||DE
波昂|Bonn||city||DE
薩爾斯堡|Salzburg||city||AT
# Southern Europe
米蘭|Milan|Milano|city||IT
威尼斯|Venice||city||IT
佛羅倫斯|Florence||city||IT|amb
拿坡里|Naples|那不勒斯|city||IT
杜林|Turin|都靈|city||IT
西西里島|Sicily|西西里|island||IT
薩丁尼亞島|Sardinia||island||IT
巴塞隆納|Barcelona|巴塞隆拿|city||ES
瓦倫西亞|Valencia||city||ES
塞維亞|Seville||city||ES
波多|Porto|Oporto|city||PT|amb
伊斯坦堡|Istanbul|伊斯坦布爾|city||TR
塞薩洛尼基|Thessaloniki||city||GR
克里特島|Crete||island||GR
# Northern, Central, Eastern Europe
哥德堡|Gothenburg||city||SE
格但斯克|Gdańsk|Gdansk|city||PL
克拉科夫|Kraków|Krakow|city||PL
熱舒夫|Rzeszów|Rzeszow|city||PL
布爾諾|Brno||city||CZ
克萊佩達|Klaipėda|Klaipeda|city||LT
考納斯|Kaunas||city||LT
聖彼得堡|Saint Petersburg|St. Petersburg|city||RU
海參崴|Vladivostok|符拉迪沃斯托克|city||RU
加里寧格勒|Kaliningrad||city||RU
新西伯利亞|Novosibirsk||city||RU
庫斯克|Kursk|庫爾斯克|city||RU
別爾哥羅德|Belgorod||city||RU
克里姆林宮|Kremlin|the Kremlin|landmark|place:莫斯科|RU
西伯利亞|Siberia||region||RU
車臣|Chechnya||region||RU
克里米亞|Crimea|克里米亞半島,Crimean Peninsula|region|-|UA
塞瓦斯托波爾|Sevastopol||city|place:克里米亞|UA
頓巴斯|Donbas|頓巴斯地區,Donbass|region||UA
頓內次克|Donetsk|頓內茨克,頓涅茨克|city|place:頓巴斯|UA
盧甘斯克|Luhansk|Lugansk|city|place:頓巴斯|UA
哈爾科夫|Kharkiv|Kharkov|city||UA
奧德薩|Odesa|敖德薩,Odessa|city||UA
利沃夫|Lviv|Lvov|city||UA
札波羅熱|Zaporizhzhia|扎波羅熱,札波羅熱核電廠,Zaporizhzhia nuclear plant|city||UA
赫爾松|Kherson||city||UA
馬立波|Mariupol|馬里烏波爾|city||UA
巴赫穆特|Bakhmut||city||UA
第聶伯|Dnipro|第聶伯羅|city||UA
布查|Bucha||city||UA
車諾比|Chernobyl|切爾諾貝利,Chornobyl|city||UA
聶斯特河沿岸|Transnistria|外聶斯特里亞|region||MD
# Middle East
加薩走廊|Gaza Strip|加薩,加沙,Gaza|region||PS
約旦河西岸|West Bank||region||PS
拉法|Rafah||city|place:加薩走廊|PS
汗尤尼斯|Khan Younis||city|place:加薩走廊|PS
加薩市|Gaza City||city|place:加薩走廊|PS
特拉維夫|Tel Aviv|Tel Aviv-Yafo|city||IL
海法|Haifa||city||IL
戈蘭高地|Golan Heights|戈蘭|region|-|-
東耶路撒冷|East Jerusalem||city|place:耶路撒冷|-
杜拜|Dubai|迪拜|city||AE
吉達|Jeddah|Jidda|city||SA
麥加|Mecca|Makkah|city||SA
麥地那|Medina||city||SA
巴斯拉|Basra||city||IQ
摩蘇爾|Mosul||city||IQ
艾比爾|Erbil|Arbil|city||IQ
阿勒坡|Aleppo||city||SY
伊德利布|Idlib||city||SY
伊斯法罕|Isfahan||city||IR
納坦茲|Natanz|納坦茲核設施|facility||IR
福爾多|Fordow|福爾多核設施|facility||IR
荷莫茲海峽|Strait of Hormuz|霍爾木茲海峽,荷姆茲海峽,Hormuz Strait|strait|-|-
紅海|Red Sea||sea|-|-
波斯灣|Persian Gulf|the Gulf|sea|-|-
亞丁灣|Gulf of Aden||sea|-|-
曼德海峽|Bab el-Mandeb|Bab-el-Mandeb Strait|strait|-|-
蘇伊士運河|Suez Canal||facility||EG
亞歷山卓|Alexandria|亞歷山大港|city||EG
西奈半島|Sinai Peninsula|西奈|region||EG
庫德斯坦|Kurdistan|庫德族自治區|region|-|-
# South Asia
孟買|Mumbai|Bombay|city||IN
德里|Delhi||city||IN
班加羅爾|Bengaluru|Bangalore|city||IN
清奈|Chennai|Madras|city||IN
加爾各答|Kolkata|Calcutta|city||IN
海德拉巴|Hyderabad||city||IN|amb
亞美達巴德|Ahmedabad||city||IN
古加拉特邦|Gujarat||state||IN
喀拉蚩|Karachi|卡拉奇|city||PK
拉合爾|Lahore||city||PK
喀什米爾|Kashmir|克什米爾|region|-|-
拉達克|Ladakh||region||IN
# Southeast Asia
胡志明市|Ho Chi Minh City|胡志明,西貢,Saigon,HCMC|city||VN
峴港|Da Nang|Danang|city||VN
海防|Haiphong|Hai Phong|city||VN|amb
北寧|Bac Ninh||city||VN
清邁|Chiang Mai||city||TH
普吉島|Phuket|普吉|island||TH
芭達雅|Pattaya||city||TH
宿霧|Cebu||city||PH
奎松市|Quezon City||city||PH
巴丹群島|Batanes|Batanes Islands|island||PH
呂宋島|Luzon|呂宋|island||PH
民答那峨|Mindanao|民答那峨島|island||PH
巴拉望|Palawan||island||PH
蘇比克灣|Subic Bay|蘇比克|facility||PH
峇里島|Bali|巴厘島|island||ID
泗水|Surabaya||city||ID
萬隆|Bandung||city||ID
努山塔拉|Nusantara||city||ID
爪哇島|Java|爪哇|island||ID
蘇門答臘|Sumatra|蘇門答臘島|island||ID
婆羅洲|Borneo|加里曼丹,Kalimantan|island|-|-
檳城|Penang|檳榔嶼|city||MY
柔佛|Johor|柔佛州|state||MY
新山|Johor Bahru||city|place:柔佛|MY
沙巴|Sabah||state||MY
砂拉越|Sarawak|砂勞越|state||MY
暹粒|Siem Reap||city||KH
吳哥窟|Angkor Wat||landmark||KH
西哈努克港|Sihanoukville|施亞努港|city||KH
雲壤海軍基地|Ream Naval Base|雲壤,Ream|facility||KH
仰光|Yangon|Rangoon|city||MM
曼德勒|Mandalay|瓦城|city||MM
妙瓦底|Myawaddy||city||MM
撣邦|Shan State||state||MM
金三角|Golden Triangle||region|-|-
# Africa
開普敦|Cape Town||city||ZA
約翰尼斯堡|Johannesburg||city||ZA
德班|Durban||city||ZA
拉哥斯|Lagos||city||NG
卡薩布蘭加|Casablanca||city||MA
蒙巴薩|Mombasa||city||KE
達累斯薩拉姆|Dar es Salaam||city||TZ
達佛|Darfur|達富爾|region||SD
撒哈拉沙漠|Sahara|撒哈拉,Sahara Desert|region|-|-
薩赫爾|Sahel||region|-|-
非洲之角|Horn of Africa||region|-|-
`;

/* Continents, world regions, oceans, seas, straits (no country). */
const REGIONS = `
亞洲|Asia|亞細亞|continent
歐洲|Europe|歐陸|continent
非洲|Africa||continent
北美洲|North America|北美|continent
南美洲|South America|南美|continent
大洋洲|Oceania||continent
中東|Middle East|中東地區,Mideast|region
近東|Near East||region
東南亞|Southeast Asia|東南亞地區|region|place:亞洲
東北亞|Northeast Asia||region|place:亞洲
東亞|East Asia|東亞地區|region|place:亞洲
南亞|South Asia||region|place:亞洲||amb
中亞|Central Asia||region|place:亞洲
西亞|West Asia|Western Asia|region|place:亞洲
亞太|Asia-Pacific|亞太地區,Asia Pacific,APAC|region
印太|Indo-Pacific|印太地區,印度太平洋,Indo Pacific|region
中美洲|Central America||region|place:北美洲
拉丁美洲|Latin America|拉美|region
加勒比海|Caribbean|加勒比海地區,加勒比,Caribbean Sea|sea
北非|North Africa||region|place:非洲
西非|West Africa||region|place:非洲
東非|East Africa||region|place:非洲
南部非洲|Southern Africa||region|place:非洲
撒哈拉以南非洲|Sub-Saharan Africa|撒哈拉以南|region|place:非洲
西歐|Western Europe||region|place:歐洲
東歐|Eastern Europe||region|place:歐洲
中歐|Central Europe||region|place:歐洲
南歐|Southern Europe||region|place:歐洲
北歐|Northern Europe|Nordic countries,Nordics|region|place:歐洲
中東歐|Central and Eastern Europe||region|place:歐洲
巴爾幹半島|Balkans|巴爾幹,Balkan Peninsula|region|place:歐洲
波羅的海三國|Baltic states|波海三國,Baltics|region|place:歐洲
斯堪地那維亞|Scandinavia|斯堪的納維亞|region|place:歐洲
伊比利半島|Iberian Peninsula|Iberia|region|place:歐洲
高加索|Caucasus|高加索地區|region
歐亞大陸|Eurasia|歐亞|region
朝鮮半島|Korean Peninsula|韓半島|region|place:東北亞
中南半島|Indochina|印度支那,Indochinese Peninsula|region|place:東南亞
阿拉伯半島|Arabian Peninsula||region|place:中東
馬來半島|Malay Peninsula||region|place:東南亞
北極|Arctic|北極圈,北極地區|region
第一島鏈|First Island Chain||region|place:西太平洋
第二島鏈|Second Island Chain||region|place:西太平洋
全球南方|Global South||region
太平洋|Pacific Ocean|Pacific|sea
西太平洋|Western Pacific|West Pacific|sea|place:太平洋
南太平洋|South Pacific||sea|place:太平洋
大西洋|Atlantic Ocean|Atlantic|sea
北大西洋|North Atlantic||sea|place:大西洋
印度洋|Indian Ocean||sea
北冰洋|Arctic Ocean|北極海|sea
南冰洋|Southern Ocean||sea
南海|South China Sea|南中國海|sea|place:太平洋
東海|East China Sea||sea|place:太平洋
黃海|Yellow Sea||sea|place:太平洋
渤海|Bohai Sea|渤海灣|sea|place:黃海
日本海|Sea of Japan|East Sea|sea|place:太平洋
菲律賓海|Philippine Sea||sea|place:太平洋
鄂霍次克海|Sea of Okhotsk||sea|place:太平洋
白令海|Bering Sea||sea|place:太平洋
珊瑚海|Coral Sea||sea|place:太平洋
地中海|Mediterranean Sea|Mediterranean|sea
黑海|Black Sea||sea
波羅的海|Baltic Sea||sea
北海|North Sea||sea|-|-|amb
裏海|Caspian Sea|里海|sea
阿拉伯海|Arabian Sea||sea|place:印度洋
孟加拉灣|Bay of Bengal||sea|place:印度洋
墨西哥灣|Gulf of Mexico|美國灣,Gulf of America|sea|place:大西洋
宮古海峽|Miyako Strait|Miyako Channel|strait
對馬海峽|Tsushima Strait|朝鮮海峽,Korea Strait|strait
麻六甲海峽|Strait of Malacca|馬六甲海峽,Malacca Strait|strait
巽他海峽|Sunda Strait||strait
龍目海峽|Lombok Strait||strait
英吉利海峽|English Channel|Channel|strait
白令海峽|Bering Strait||strait
直布羅陀海峽|Strait of Gibraltar||strait
博斯普魯斯海峽|Bosphorus|Bosporus|strait
刻赤海峽|Kerch Strait||strait
南極半島|Antarctic Peninsula||region
`;

function buildWorld() {
  table(REGIONS, { kind: 'region' });
  table(WORLD_PLACES, { kind: 'city' });
}

/* ------------------------------------------------------------- Capitals */

/* English names where the package's differs from news usage, or zh capital of
 * our table differs from the package's choice. */
const CAPITAL_EN = {
  LK: 'Colombo',
  DJ: 'Djibouti City',
  LU: 'Luxembourg City',
  MN: 'Ulaanbaatar',
  US: null,
  ZA: 'Pretoria',
  BO: 'Sucre',
  KI: 'Tarawa',
  IL: 'Jerusalem',
};
const CAPITAL_EN_ALIASES = {
  MN: 'Ulan Bator',
  UA: 'Kiev',
  IN: 'New Delhi',
  MM: 'Nay Pyi Taw,Naypyitaw',
  KZ: 'Nur-Sultan',
  BD: 'Dacca',
  CZ: 'Praha',
  IT: 'Roma',
  PL: 'Warszawa',
  AT: 'Wien',
  BE: 'Bruxelles',
  DK: 'København',
  LT: 'Vilnius',
  SN: '達卡 (塞內加爾)',
  GE: '第比利斯',
  HR: '札格雷布,薩格勒布',
  RS: '貝爾格萊德',
  SI: '盧布爾雅那,Ljubljana',
  MK: '斯科普里',
  ME: '波德戈里察',
  KG: '比什凱克',
  AF: 'Kabul',
  IR: 'Teheran',
  SA: '利雅得',
  QA: '多哈',
  AE: '阿布扎比',
  OM: '馬斯喀特',
  KE: '內羅畢',
  NG: 'Abuja',
  ET: '亞的斯亞貝巴,Addis',
  GH: 'Accra',
  PH: 'Metro Manila,馬尼拉大都會',
  ID: 'Jakarta',
  TH: 'Krung Thep',
  VN: 'Ha Noi',
  KH: 'Phnom Penh',
  LA: 'Vientiane',
  NZ: 'Wellington',
  AU: 'Canberra',
  CA: 'Ottawa',
  MX: 'Ciudad de México,CDMX',
  PE: 'Lima',
  CO: 'Bogotá,Bogota',
  VE: 'Caracas',
  AR: 'Buenos Aires',
  BR: 'Brasilia',
  UY: 'Montevideo',
  PY: 'Asuncion',
  EC: 'Quito',
  PA: 'Panama City',
  GT: 'Guatemala City',
  HN: 'Tegucigalpa',
  SV: 'San Salvador',
  NI: 'Managua',
  HT: 'Port-au-Prince',
  DO: 'Santo Domingo',
  CU: 'Havana,La Habana',
  BZ: 'Belmopan',
  SZ: 'Mbabane',
  MH: 'Majuro',
  PW: 'Ngerulmud',
  TV: 'Funafuti',
  KN: 'Basseterre',
  LC: 'Castries',
  VC: 'Kingstown',
  NR: 'Yaren',
  SB: 'Honiara',
  TR: 'Ankara',
};
/* Capital names that are also ordinary words, person names or other places. */
const CAPITAL_AMBIGUOUS = new Set([
  '聖約翰',
  '自由市',
  '橋鎮',
  '聖喬治',
  '比索',
  '維多利亞',
  '馬列',
  '伯恩',
  '喬治城',
  '京斯敦',
  '自由城',
  '安曼',
]);

function buildCapitals() {
  // Names shared by a capital and a US city: both get container-qualified ids.
  add({
    id: 'place:智利聖地牙哥',
    name: '聖地牙哥',
    en: 'Santiago',
    aliases: ['智利聖地牙哥', '聖地亞哥', 'Santiago de Chile'],
    kind: 'city',
    country: 'CL',
    ambiguous: true,
  });
  add({
    id: 'place:加州聖地牙哥',
    name: '聖地牙哥',
    en: 'San Diego',
    aliases: ['加州聖地牙哥'],
    kind: 'city',
    country: 'US',
    parent: 'place:加州',
    ambiguous: true,
  });
  add({
    id: 'place:哥斯大黎加聖荷西',
    name: '聖荷西',
    en: 'San José',
    aliases: ['San Jose, Costa Rica'],
    kind: 'city',
    country: 'CR',
    ambiguous: true,
  });
  add({
    id: 'place:加州聖荷西',
    name: '聖荷西',
    en: 'San Jose',
    aliases: ['加州聖荷西', 'San Jose, California'],
    kind: 'city',
    country: 'US',
    parent: 'place:加州',
    ambiguous: true,
  });

  const wcByIso = new Map(worldCountries.map((c) => [c.cca2, c]));
  const taken = new Set();
  for (const e of entries) for (const s of [e.name, ...e._strong, ...e._weak]) taken.add(s);
  for (const c of countries) {
    if (!c.capital || taken.has(c.capital)) continue;
    const wc = wcByIso.get(c.iso2);
    let en = CAPITAL_EN[c.iso2] !== undefined ? CAPITAL_EN[c.iso2] : wc && wc.capital && wc.capital[0];
    if (!en) continue;
    const aliases = list(CAPITAL_EN_ALIASES[c.iso2]).filter((a) => !a.includes('('));
    add({ name: c.capital, en, aliases, kind: 'city', country: c.iso2, ambiguous: CAPITAL_AMBIGUOUS.has(c.capital) });
    taken.add(c.capital);
  }
}

/* ----------------------------------------------------------- Collisions */

function resolveCollisions() {
  const countrySurface = new Map();
  for (const c of countries) for (const s of [c.name, c.en, ...c.aliases]) countrySurface.set(s, c.iso2);
  const isCountryRegion = (e) => (e.country === 'HK' || e.country === 'MO') && e.kind === 'region';
  const collect = (withWeak) => {
    const owners = new Map();
    const note = (s, e, how) => {
      if (!owners.has(s)) owners.set(s, []);
      owners.get(s).push({ e, how });
    };
    for (const e of entries) {
      note(e.name, e, 'name');
      if (e.en) note(e.en, e, 'en');
      for (const a of e._strong) note(a, e, 'strong');
      if (withWeak) for (const a of e._weak) note(a, e, 'weak');
    }
    return owners;
  };
  // 1. weak aliases give way to anything else
  for (const [s, os] of collect(true)) {
    const distinct = new Set(os.map((o) => o.e.id));
    for (const o of os) {
      if (o.how === 'weak' && (distinct.size > 1 || countrySurface.has(s))) o.e._weak = o.e._weak.filter((a) => a !== s);
    }
  }
  // 2. strong aliases, names and English names
  const report = [];
  for (const [s, os] of collect(false)) {
    const distinct = [...new Set(os.map((o) => o.e.id))];
    const country = countrySurface.get(s);
    if (distinct.length < 2 && !country) continue;
    for (const o of os) {
      if (isCountryRegion(o.e)) continue;
      if (o.how === 'strong' && country) {
        o.e._strong = o.e._strong.filter((a) => a !== s);
        report.push(`dropped alias ${s} of ${o.e.id} (country ${country})`);
      } else if (o.how === 'name' || o.how === 'en') {
        if (!o.e.ambiguous) {
          o.e.ambiguous = true;
          report.push(`marked ambiguous ${o.e.id} (${o.how} ${s} shared with ${country || distinct.join(' ')})`);
        }
      } else if (o.how === 'strong') {
        report.push(`shared alias ${s}: ${distinct.join(' ')}`);
      }
    }
  }
  return report;
}

/* ------------------------------------------------------------- Validation */

function finalize() {
  const out = [];
  for (const e of entries) {
    const aliases = [];
    for (const a of [...e._strong, ...e._weak]) {
      if (!a || a === e.name || a === e.en || aliases.includes(a)) continue;
      if ([...a].length < 2) throw new Error(`single-character alias ${a} on ${e.id}`);
      aliases.push(a);
    }
    const o = { id: e.id, name: e.name, en: e.en, aliases, kind: e.kind };
    if (e.country) o.country = e.country;
    if (e.parent) o.parent = e.parent;
    if (e.ambiguous) o.ambiguous = true;
    out.push(o);
  }
  return out;
}

function validate(out) {
  const KINDS = new Set([
    'city',
    'county',
    'district',
    'township',
    'region',
    'state',
    'province',
    'prefecture',
    'continent',
    'sea',
    'strait',
    'island',
    'landmark',
    'facility',
    'other',
  ]);
  const isos = new Set(countries.map((c) => c.iso2));
  const ids = new Set();
  const errors = [];
  for (const o of out) {
    if (ids.has(o.id)) errors.push(`duplicate id ${o.id}`);
    ids.add(o.id);
  }
  for (const o of out) {
    if (!o.name || !o.en) errors.push(`missing name/en ${o.id}`);
    if (!KINDS.has(o.kind)) errors.push(`bad kind ${o.kind} ${o.id}`);
    if (o.country && !isos.has(o.country)) errors.push(`bad iso2 ${o.country} ${o.id}`);
    if (o.parent && !ids.has(o.parent)) errors.push(`missing parent ${o.parent} of ${o.id}`);
    if (o.parent === o.id) errors.push(`self parent ${o.id}`);
    for (const a of o.aliases) if ([...a].length < 2) errors.push(`short alias ${a} ${o.id}`);
  }
  return errors;
}

function main() {
  buildTaiwan();
  disambiguateTaiwanEnglish();
  buildTaiwanPlaces();
  buildChina();
  buildJapan();
  buildKorea();
  buildUS();
  buildWorld();
  buildCapitals();
  const report = resolveCollisions();
  const out = finalize();
  const errors = validate(out);
  if (process.argv.includes('--report')) for (const r of report) console.log(r);
  if (errors.length) {
    for (const e of errors) console.error(e);
    process.exit(1);
  }
  fs.writeFileSync(OUT, JSON.stringify(out, null, 2) + '\n');
  const byKind = {};
  for (const o of out) byKind[o.kind] = (byKind[o.kind] || 0) + 1;
  console.log(`wrote ${out.length} places to ${path.relative(process.cwd(), OUT)}`, JSON.stringify(byKind));
}

main();
