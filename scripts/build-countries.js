#!/usr/bin/env node
/*
 * Generates seeds/lexicon/countries.json.
 *
 * Base data: the `world-countries` package (ISO 3166-1 codes, English names,
 * altSpellings, demonyms, Simplified Chinese names). The Chinese names are
 * converted to Traditional with opencc-js, then a hand-kept override table
 * (below) replaces them with the forms Taiwanese news and Taiwan's MOFA use.
 * Mainland forms (新西蘭, 意大利, 沙特 ...) survive only as extra aliases.
 *
 * Output is deterministic: sorted by iso2, 2-space indent, trailing newline.
 * Usage: node scripts/build-countries.js
 */
'use strict';

const fs = require('fs');
const path = require('path');
const worldCountries = require('world-countries');
const OpenCC = require('opencc-js');

const toTw = OpenCC.Converter({ from: 'cn', to: 'tw' });
const OUT = path.join(__dirname, '..', 'seeds', 'lexicon', 'countries.json');

/*
 * Taiwanese usage. Per iso2: [name, extra Chinese aliases, short forms, capital].
 * Lists are comma separated. "short" = one-character forms accepted only in
 * compounds (台美, 美中, 日韓 ...); given only where such compounds are common.
 */
const TW = {
  AD: ['安道爾', '安道爾侯國', '', '安道爾拉維拉'],
  AE: ['阿拉伯聯合大公國', '阿聯,阿聯酋,阿拉伯聯合酋長國', '', '阿布達比'],
  AF: ['阿富汗', '', '', '喀布爾'],
  AG: ['安地卡及巴布達', '安提瓜和巴布達', '', '聖約翰'],
  AI: ['安圭拉', '英屬安圭拉', '', ''],
  AL: ['阿爾巴尼亞', '', '', '地拉那'],
  AM: ['亞美尼亞', '', '', '葉里溫'],
  AO: ['安哥拉', '', '', '羅安達'],
  AQ: ['南極洲', '南極大陸', '', ''],
  AR: ['阿根廷', '阿國', '', '布宜諾斯艾利斯'],
  AS: ['美屬薩摩亞', '', '', '巴哥巴哥'],
  AT: ['奧地利', '奧國', '', '維也納'],
  AU: ['澳洲', '澳大利亞,澳方', '澳', '坎培拉'],
  AW: ['阿魯巴', '', '', ''],
  AX: ['奧蘭群島', '', '', ''],
  AZ: ['亞塞拜然', '阿塞拜疆', '', '巴庫'],
  BA: ['波士尼亞與赫塞哥維納', '波赫,波士尼亞,波斯尼亞和黑塞哥維那', '', '塞拉耶佛'],
  BB: ['巴貝多', '巴巴多斯', '', '橋鎮'],
  BD: ['孟加拉', '孟加拉國', '', '達卡'],
  BE: ['比利時', '', '', '布魯塞爾'],
  BF: ['布吉納法索', '布基納法索', '', '瓦加杜古'],
  BG: ['保加利亞', '', '', '索菲亞'],
  BH: ['巴林', '', '', '麥納瑪'],
  BI: ['蒲隆地', '布隆迪', '', '基特加'],
  BJ: ['貝南', '貝寧', '', '波多諾伏'],
  BL: ['聖巴瑟米', '聖巴泰勒米', '', ''],
  BM: ['百慕達', '百慕大', '', ''],
  BN: ['汶萊', '文萊', '', '斯里巴卡旺'],
  BO: ['玻利維亞', '', '', '蘇克雷'],
  BQ: ['荷蘭加勒比區', '波奈', '', ''],
  BR: ['巴西', '', '', '巴西利亞'],
  BS: ['巴哈馬', '', '', '拿索'],
  BT: ['不丹', '', '', '辛布'],
  BV: ['布威島', '布維島', '', ''],
  BW: ['波札那', '博茨瓦納', '', '嘉柏隆里'],
  BY: ['白俄羅斯', '白俄', '', '明斯克'],
  BZ: ['貝里斯', '伯利茲', '', '貝爾墨邦'],
  CA: ['加拿大', '加國,加方', '加', '渥太華'],
  CC: ['科科斯群島', '', '', ''],
  CD: ['剛果民主共和國', '民主剛果,剛果（金）,剛果(金),剛果金夏沙', '', '金夏沙'],
  CF: ['中非共和國', '', '', '班基'],
  CG: ['剛果共和國', '剛果（布）,剛果(布),剛果布拉薩', '', '布拉薩'],
  CH: ['瑞士', '', '', '伯恩'],
  CI: ['象牙海岸', '科特迪瓦', '', '雅穆索戈'],
  CK: ['庫克群島', '', '', '阿瓦魯阿'],
  CL: ['智利', '', '', '聖地牙哥'],
  CM: ['喀麥隆', '', '', '雅溫德'],
  CN: ['中國', '中國大陸,大陸,陸方,中方,中華人民共和國,對岸,中國大陸地區,大陸地區', '陸,中', '北京'],
  CO: ['哥倫比亞', '', '', '波哥大'],
  CR: ['哥斯大黎加', '哥斯達黎加', '', '聖荷西'],
  CU: ['古巴', '', '', '哈瓦那'],
  CV: ['維德角', '佛得角', '', '培亞'],
  CW: ['古拉索', '庫拉索', '', '威廉斯塔德'],
  CX: ['聖誕島', '', '', ''],
  CY: ['賽普勒斯', '塞浦路斯', '', '尼古西亞'],
  CZ: ['捷克', '捷克共和國', '捷', '布拉格'],
  DE: ['德國', '德方,德意志聯邦共和國', '德', '柏林'],
  DJ: ['吉布地', '吉布提', '', '吉布地市'],
  DK: ['丹麥', '', '', '哥本哈根'],
  DM: ['多米尼克', '', '', '羅梭'],
  DO: ['多明尼加', '多明尼加共和國,多米尼加共和國', '', '聖多明哥'],
  DZ: ['阿爾及利亞', '', '', '阿爾及爾'],
  EC: ['厄瓜多', '厄瓜多爾', '', '基多'],
  EE: ['愛沙尼亞', '', '', '塔林'],
  EG: ['埃及', '', '', '開羅'],
  EH: ['西撒哈拉', '', '', ''],
  ER: ['厄利垂亞', '厄立特里亞', '', '阿斯瑪拉'],
  ES: ['西班牙', '西國', '', '馬德里'],
  ET: ['衣索比亞', '埃塞俄比亞', '', '阿迪斯阿貝巴'],
  FI: ['芬蘭', '', '', '赫爾辛基'],
  FJ: ['斐濟', '', '', '蘇瓦'],
  FK: ['福克蘭群島', '馬爾維納斯群島', '', ''],
  FM: ['密克羅尼西亞', '密克羅尼西亞聯邦', '', '帕利基爾'],
  FO: ['法羅群島', '', '', ''],
  FR: ['法國', '法方,法蘭西', '法', '巴黎'],
  GA: ['加彭', '加蓬', '', '自由市'],
  GB: ['英國', '英方,大英國協,聯合王國,大不列顛', '英', '倫敦'],
  GD: ['格瑞那達', '格林納達', '', '聖喬治'],
  GE: ['喬治亞', '格魯吉亞', '', '提比里斯'],
  GF: ['法屬圭亞那', '', '', ''],
  GG: ['根西島', '根息島', '', ''],
  GH: ['迦納', '加納', '', '阿克拉'],
  GI: ['直布羅陀', '', '', ''],
  GL: ['格陵蘭', '', '', '努克'],
  GM: ['甘比亞', '岡比亞', '', '班竹'],
  GN: ['幾內亞', '', '', '柯那克里'],
  GP: ['瓜德羅普', '瓜德羅普島', '', ''],
  GQ: ['赤道幾內亞', '', '', '馬拉博'],
  GR: ['希臘', '', '', '雅典'],
  GS: ['南喬治亞與南桑威奇群島', '', '', ''],
  GT: ['瓜地馬拉', '危地馬拉', '', '瓜地馬拉市'],
  GU: ['關島', '', '', ''],
  GW: ['幾內亞比索', '幾內亞比紹', '', '比索'],
  GY: ['蓋亞那', '圭亞那', '', '喬治城'],
  HK: ['香港', '香港特區,香港特別行政區,中國香港', '港', ''],
  HM: ['赫德島和麥唐納群島', '', '', ''],
  HN: ['宏都拉斯', '洪都拉斯', '', '德古斯加巴'],
  HR: ['克羅埃西亞', '克羅地亞', '', '札格瑞布'],
  HT: ['海地', '', '', '太子港'],
  HU: ['匈牙利', '', '', '布達佩斯'],
  ID: ['印尼', '印度尼西亞', '', '雅加達'],
  IE: ['愛爾蘭', '', '', '都柏林'],
  IL: ['以色列', '以方', '以', '耶路撒冷'],
  IM: ['曼島', '馬恩島', '', ''],
  IN: ['印度', '印方', '印', '新德里'],
  IO: ['英屬印度洋領地', '', '', ''],
  IQ: ['伊拉克', '', '', '巴格達'],
  IR: ['伊朗', '伊朗伊斯蘭共和國', '', '德黑蘭'],
  IS: ['冰島', '', '', '雷克雅維克'],
  IT: ['義大利', '意大利,義國', '', '羅馬'],
  JE: ['澤西島', '', '', ''],
  JM: ['牙買加', '', '', '京斯敦'],
  JO: ['約旦', '', '', '安曼'],
  JP: ['日本', '日方,日本國', '日', '東京'],
  KE: ['肯亞', '肯尼亞', '', '奈洛比'],
  KG: ['吉爾吉斯', '吉爾吉斯斯坦', '', '比斯凱克'],
  KH: ['柬埔寨', '', '柬', '金邊'],
  KI: ['吉里巴斯', '基里巴斯', '', '塔拉瓦'],
  KM: ['葛摩', '科摩羅', '', '莫洛尼'],
  KN: ['聖克里斯多福及尼維斯', '聖克里斯多福,聖基茨和尼維斯', '', '巴士地'],
  KP: ['北韓', '朝鮮,朝鮮民主主義人民共和國', '朝', '平壤'],
  KR: ['南韓', '韓國,韓方,大韓民國', '韓', '首爾'],
  KW: ['科威特', '', '', '科威特市'],
  KY: ['開曼群島', '', '', ''],
  KZ: ['哈薩克', '哈薩克斯坦', '', '阿斯塔納'],
  LA: ['寮國', '老撾', '', '永珍'],
  LB: ['黎巴嫩', '', '', '貝魯特'],
  LC: ['聖露西亞', '聖盧西亞', '', '卡斯翠'],
  LI: ['列支敦斯登', '列支敦士登', '', '瓦都茲'],
  LK: ['斯里蘭卡', '', '', '可倫坡'],
  LR: ['賴比瑞亞', '利比里亞', '', '蒙羅維亞'],
  LS: ['賴索托', '萊索托', '', '馬賽魯'],
  LT: ['立陶宛', '立國', '', '維爾紐斯'],
  LU: ['盧森堡', '', '', '盧森堡市'],
  LV: ['拉脫維亞', '', '', '里加'],
  LY: ['利比亞', '', '', '的黎波里'],
  MA: ['摩洛哥', '', '', '拉巴特'],
  MC: ['摩納哥', '', '', ''],
  MD: ['摩爾多瓦', '', '', '奇西瑙'],
  ME: ['蒙特內哥羅', '', '', '波德里查'],
  MF: ['法屬聖馬丁', '', '', ''],
  MG: ['馬達加斯加', '', '', '安塔那那利佛'],
  MH: ['馬紹爾群島', '馬紹爾', '', '馬久羅'],
  MK: ['北馬其頓', '馬其頓', '', '史高比耶'],
  ML: ['馬利', '馬里', '', '巴馬科'],
  MM: ['緬甸', '', '緬', '奈比多'],
  MN: ['蒙古', '蒙古國', '蒙', '烏蘭巴托'],
  MO: ['澳門', '澳門特區,澳門特別行政區,中國澳門', '', ''],
  MP: ['北馬里亞納群島', '', '', '塞班'],
  MQ: ['馬丁尼克', '馬提尼克', '', ''],
  MR: ['茅利塔尼亞', '毛里塔尼亞', '', '諾克少'],
  MS: ['蒙哲臘', '蒙特塞拉特', '', ''],
  MT: ['馬爾他', '馬耳他', '', '瓦勒他'],
  MU: ['模里西斯', '毛里求斯', '', '路易港'],
  MV: ['馬爾地夫', '馬爾代夫', '', '馬列'],
  MW: ['馬拉威', '馬拉維', '', '里朗威'],
  MX: ['墨西哥', '墨國', '墨', '墨西哥市'],
  MY: ['馬來西亞', '大馬', '', '吉隆坡'],
  MZ: ['莫三比克', '莫桑比克', '', '馬布多'],
  NA: ['納米比亞', '', '', '溫荷克'],
  NC: ['新喀里多尼亞', '', '', '努美阿'],
  NE: ['尼日', '尼日爾', '', '尼阿美'],
  NF: ['諾福克島', '', '', ''],
  NG: ['奈及利亞', '尼日利亞', '', '阿布加'],
  NI: ['尼加拉瓜', '', '', '馬納瓜'],
  NL: ['荷蘭', '', '荷', '阿姆斯特丹'],
  NO: ['挪威', '', '', '奧斯陸'],
  NP: ['尼泊爾', '', '', '加德滿都'],
  NR: ['諾魯', '瑙魯', '', '雅連'],
  NU: ['紐埃', '', '', ''],
  NZ: ['紐西蘭', '新西蘭,紐國', '紐', '威靈頓'],
  OM: ['阿曼', '', '', '馬斯開特'],
  PA: ['巴拿馬', '', '', '巴拿馬市'],
  PE: ['秘魯', '祕魯', '', '利馬'],
  PF: ['法屬玻里尼西亞', '法屬波利尼西亞', '', '巴比提'],
  PG: ['巴布亞紐幾內亞', '巴紐,巴布亞新幾內亞', '', '摩斯比港'],
  PH: ['菲律賓', '菲方,菲國', '菲', '馬尼拉'],
  PK: ['巴基斯坦', '', '', '伊斯蘭馬巴德'],
  PL: ['波蘭', '', '', '華沙'],
  PM: ['聖皮埃與密克隆群島', '聖皮埃爾和密克隆', '', ''],
  PN: ['皮特肯群島', '皮特凱恩群島', '', ''],
  PR: ['波多黎各', '', '', '聖胡安'],
  PS: ['巴勒斯坦', '巴勒斯坦國', '', '拉姆安拉'],
  PT: ['葡萄牙', '', '葡', '里斯本'],
  PW: ['帛琉', '帕勞', '', '恩吉魯模德'],
  PY: ['巴拉圭', '', '', '亞松森'],
  QA: ['卡達', '卡塔爾', '', '杜哈'],
  RE: ['留尼旺', '留尼旺島', '', ''],
  RO: ['羅馬尼亞', '', '', '布加勒斯特'],
  RS: ['塞爾維亞', '', '', '貝爾格勒'],
  RU: ['俄羅斯', '俄國,俄方,俄羅斯聯邦', '俄', '莫斯科'],
  RW: ['盧安達', '盧旺達', '', '吉佳利'],
  SA: ['沙烏地阿拉伯', '沙國,沙烏地,沙特,沙特阿拉伯', '', '利雅德'],
  SB: ['索羅門群島', '所羅門群島', '', '荷尼阿拉'],
  SC: ['塞席爾', '塞舌爾', '', '維多利亞'],
  SD: ['蘇丹', '', '', '喀土穆'],
  SE: ['瑞典', '', '', '斯德哥爾摩'],
  SG: ['新加坡', '星國,獅城', '星', ''],
  SH: ['聖赫勒拿', '聖赫倫那', '', ''],
  SI: ['斯洛維尼亞', '斯洛文尼亞', '', '盧比安納'],
  SJ: ['斯瓦巴及揚馬延', '斯瓦爾巴特', '', ''],
  SK: ['斯洛伐克', '', '', '布拉提斯拉瓦'],
  SL: ['獅子山', '塞拉利昂,獅子山共和國', '', '自由城'],
  SM: ['聖馬利諾', '聖馬力諾', '', ''],
  SN: ['塞內加爾', '', '', '達喀爾'],
  SO: ['索馬利亞', '索馬里', '', '摩加迪休'],
  SR: ['蘇利南', '蘇里南', '', '巴拉馬利波'],
  SS: ['南蘇丹', '', '', '朱巴'],
  ST: ['聖多美普林西比', '聖多美和普林西比', '', '聖多美'],
  SV: ['薩爾瓦多', '', '', '聖薩爾瓦多'],
  SX: ['荷屬聖馬丁', '', '', ''],
  SY: ['敘利亞', '', '', '大馬士革'],
  SZ: ['史瓦帝尼', '史瓦濟蘭,斯威士蘭', '', '墨巴本'],
  TC: ['土克斯及開科斯群島', '特克斯和凱科斯群島', '', ''],
  TD: ['查德', '乍得', '', '恩加美納'],
  TF: ['法屬南部和南極領地', '', '', ''],
  TG: ['多哥', '', '', '洛美'],
  TH: ['泰國', '', '泰', '曼谷'],
  TJ: ['塔吉克', '塔吉克斯坦', '', '杜尚別'],
  TK: ['托克勞', '', '', ''],
  TL: ['東帝汶', '', '', '帝力'],
  TM: ['土庫曼', '土庫曼斯坦', '', '阿什哈巴德'],
  TN: ['突尼西亞', '', '', '突尼斯'],
  TO: ['東加', '湯加', '', '努瓜婁發'],
  TR: ['土耳其', '', '', '安卡拉'],
  TT: ['千里達及托巴哥', '千里達,特立尼達和多巴哥', '', '西班牙港'],
  TV: ['吐瓦魯', '圖瓦盧', '', '富納富提'],
  TW: ['台灣', '臺灣,中華民國,我國,我方,台方,中華民國台灣,台澎金馬', '台', '台北'],
  TZ: ['坦尚尼亞', '坦桑尼亞', '', '杜篤瑪'],
  UA: ['烏克蘭', '烏方', '烏', '基輔'],
  UG: ['烏干達', '', '', '坎帕拉'],
  UM: ['美國本土外小島嶼', '', '', ''],
  US: ['美國', '美方,美利堅合眾國,美利堅', '美', '華盛頓'],
  UY: ['烏拉圭', '', '', '蒙特維多'],
  UZ: ['烏茲別克', '烏茲別克斯坦', '', '塔什干'],
  VA: ['梵蒂岡', '教廷,梵蒂岡城國,羅馬教廷', '', ''],
  VC: ['聖文森及格瑞那丁', '聖文森,聖文森特和格林納丁斯', '', '金石城'],
  VE: ['委內瑞拉', '委國', '', '卡拉卡斯'],
  VG: ['英屬維京群島', '英屬維爾京群島', '', ''],
  VI: ['美屬維京群島', '美屬維爾京群島', '', ''],
  VN: ['越南', '越方', '越', '河內'],
  VU: ['萬那杜', '瓦努阿圖', '', '維拉港'],
  WF: ['瓦利斯和富圖納', '', '', ''],
  WS: ['薩摩亞', '', '', '阿皮亞'],
  XK: ['科索沃', '', '', '普里斯提納'],
  YE: ['葉門', '也門', '', '沙那'],
  YT: ['馬約特', '', '', ''],
  ZA: ['南非', '', '', '普勒托利亞'],
  ZM: ['尚比亞', '贊比亞', '', '路沙卡'],
  ZW: ['辛巴威', '津巴布韋', '', '哈拉雷'],
};

/* Converted package names that are wrong or misleading for a given country. */
const DROP_ZH = {
  CG: ['剛果'], // ambiguous with the DR Congo in Taiwanese news
  DM: ['多米尼加', '多米尼加共和國'], // Mainland 多米尼加 = Dominican Republic
  KP: ['朝鮮人民民主共和國'],
  ME: ['黑山'], // ordinary word
  TN: ['突尼斯'], // the capital in Taiwanese usage
  CC: ['科科斯'],
  HK: ['中華人民共和國香港特別行政區'],
  MO: ['中華人民共和國澳門特別行政區'],
  BL: ['聖巴泰勒米集體'],
  TF: ['法國南部和南極土地'],
  SH: ['聖赫勒拿、阿森松和特里斯坦-達庫尼亞'],
  KN: ['聖克里斯托弗和尼維斯聯邦'],
  BN: ['文萊和平之國'],
  BO: ['多民族玻利維亞國'],
  EH: ['阿拉伯撒哈拉民主共和國'],
  SX: ['聖馬丁島'],
  MF: ['聖馬丁'],
};

/* Extra English aliases used in news text (abbreviations, old names, short forms). */
const EN_EXTRA = {
  AE: ['UAE', 'U.A.E.'],
  BA: ['Bosnia', 'Bosnia-Herzegovina'],
  CD: ['DRC', 'DR Congo', 'Congo-Kinshasa', 'Democratic Republic of Congo'],
  CG: ['Congo-Brazzaville', 'Congo Republic'],
  CI: ["Cote d'Ivoire", "Côte d'Ivoire"],
  CN: ['PRC', "People's Republic of China", 'Mainland China', 'mainland China', 'Chinese mainland', 'the Chinese mainland'],
  CV: ['Cabo Verde'],
  CZ: ['Czech Republic'],
  GB: ['UK', 'U.K.', 'Britain', 'Great Britain', 'United Kingdom'],
  KP: ['DPRK', 'North Korea'],
  KR: ['ROK', 'South Korea', 'Korea', 'Republic of Korea'],
  MK: ['Macedonia'],
  MM: ['Burma'],
  NL: ['Holland', 'The Netherlands', 'the Netherlands'],
  PS: ['Palestinian territories', 'Palestinian Territories'],
  RU: ['Russian Federation'],
  SA: ['Saudi', 'KSA'],
  SZ: ['Swaziland'],
  TL: ['East Timor'],
  TR: ['Turkey', 'Turkiye'],
  TW: ['ROC', 'R.O.C.', 'Republic of China', 'Republic of China (Taiwan)', 'Formosa', 'Taiwan, ROC'],
  US: ['US', 'U.S.', 'USA', 'U.S.A.', 'United States', 'United States of America', 'America'],
  VA: ['Holy See', 'the Holy See', 'Vatican', 'Vatican City'],
  VN: ['Viet Nam'],
  ZA: ['RSA'],
};

/*
 * altSpellings from the package are mostly native-language names and codes. Only
 * these English forms, or ASCII ones built from English words (Republic of ...,
 * Kingdom of ...), become aliases.
 */
const ALT_ALLOW = new Set([
  'Holland',
  'The Netherlands',
  'Burma',
  'Ivory Coast',
  "Cote d'Ivoire",
  "Côte d'Ivoire",
  'Swaziland',
  'East Timor',
  'DR Congo',
  'DRC',
  'Congo-Kinshasa',
  'Congo-Brazzaville',
  'Brunei Darussalam',
  'Viet Nam',
  'Turkiye',
  'Macedonia',
  'Macao',
  'Sao Tome and Principe',
  'Great Britain',
  'UK',
  'UAE',
  'USA',
  'DPRK',
  'RSA',
  'Vatican',
  'Keeling Islands',
  'Cocos Islands',
  'Saint Helena',
  'St. Barthelemy',
  'Faeroe Islands',
  'Maldive Islands',
  'BES islands',
  'Bosnia-Herzegovina',
  'Pitcairn',
  'Islas Malvinas',
  'Curacao',
  'Reunion',
  'Svalbard and Jan Mayen Islands',
  'French Southern Territories',
  'Bonaire Sint Eustatius and Saba',
]);
const ENGLISH_MARKER =
  /\b(Republic|Kingdom|State|States|Federation|Commonwealth|Union|Principality|Sultanate|Confederation|Territory|Federated|Grand Duchy|Collectivity)\b/;
const ALT_DROP = new Set(['Virgin Islands', 'Nation of Brunei', 'the Abode of Peace']);

/* Extra English adjectives/demonym forms beyond the package's. */
const ADJ_EXTRA = {
  CN: ['Chinese'],
  TW: ['Taiwanese'],
  US: ['American'],
  GB: ['British'],
  NL: ['Dutch'],
  KR: ['South Korean', 'Korean'],
  KP: ['North Korean'],
  SA: ['Saudi', 'Saudi Arabian'],
  AE: ['Emirati'],
  PH: ['Filipino', 'Philippine'],
  NZ: ['New Zealand'],
  TR: ['Turkish'],
  CZ: ['Czech'],
  TH: ['Thai'],
  LA: ['Lao', 'Laotian'],
  UZ: ['Uzbek'],
  KZ: ['Kazakh'],
  TJ: ['Tajik'],
  KG: ['Kyrgyz'],
  IL: ['Israeli'],
  PS: ['Palestinian'],
  SE: ['Swedish'],
  DK: ['Danish'],
  FI: ['Finnish'],
  PL: ['Polish'],
  CH: ['Swiss'],
  BD: ['Bangladeshi'],
  HK: ['Hong Kong'],
  MO: ['Macanese'],
};

function splitList(s) {
  return s
    ? s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
    : [];
}

function uniq(list) {
  const seen = new Set();
  const out = [];
  for (const x of list) {
    if (!x || seen.has(x)) continue;
    seen.add(x);
    out.push(x);
  }
  return out;
}

/* opencc sometimes maps 里 to 裡; country names never use 裡. */
function convertName(s) {
  return s ? toTw(s).replace(/裡/g, '里') : '';
}

function build() {
  const countries = [...worldCountries].sort((a, b) => (a.cca2 < b.cca2 ? -1 : a.cca2 > b.cca2 ? 1 : 0));
  const out = [];
  // Names/aliases claimed by the override table, so a converted alias of another
  // country can't steal them (e.g. 多米尼加 from Dominica).
  const claimed = new Map();
  for (const [iso, row] of Object.entries(TW)) {
    for (const n of [row[0], ...splitList(row[1])]) claimed.set(n, iso);
  }

  for (const c of countries) {
    const iso = c.cca2;
    const row = TW[iso];
    if (!row) throw new Error(`no Taiwanese override for ${iso}`);
    const [name, extraZh, shortStr, capital] = row;
    const zho = (c.translations && c.translations.zho) || {};
    const drop = new Set(DROP_ZH[iso] || []);
    const converted = [convertName(zho.common), convertName(zho.official)].filter(
      (n) => n && !drop.has(n) && (!claimed.has(n) || claimed.get(n) === iso),
    );

    const en = iso === 'TW' ? 'Taiwan' : iso === 'TR' ? 'Turkey' : c.name.common;
    const enAliases = [c.name.common, c.name.official].filter((n) => !ALT_DROP.has(n));
    for (const alt of c.altSpellings || []) {
      if (alt.length <= 2 || ALT_DROP.has(alt)) continue; // two-letter codes
      if (/,/.test(alt)) continue; // inverted forms like "Korea, Republic of"
      const english = /^[A-Za-z .'()\-]+$/.test(alt) && ENGLISH_MARKER.test(alt);
      if (ALT_ALLOW.has(alt) || english) enAliases.push(alt);
    }
    enAliases.push(...(EN_EXTRA[iso] || []));

    const aliases = uniq([...splitList(extraZh), ...converted, ...enAliases]).filter((a) => a !== name && a !== en && [...a].length > 1);

    const dem = c.demonyms && c.demonyms.eng;
    const adjectives = uniq([
      ...(ADJ_EXTRA[iso] || []),
      ...(dem ? [dem.m, dem.f] : []).flatMap((d) => (d || '').split(/,| or /).map((x) => x.trim())),
    ]).filter((a) => a && a.length > 1 && a !== en);

    const entry = { iso2: iso, name, en, aliases };
    const short = splitList(shortStr);
    if (short.length) entry.short = short;
    entry.adjectives = adjectives;
    if (capital) entry.capital = capital;
    if (iso === 'HK' || iso === 'MO') entry.treatAsPlace = true;
    out.push(entry);
  }
  dedupeAdjectives(out, countries);
  return out;
}

/* An adjective shared by several entries (American: US and Northern Mariana Islands)
 * stays only with the preferred or the UN-member country. */
const ADJ_PREF = {
  Congolese: 'CD',
  Dominican: 'DO',
  American: 'US',
  Dutch: 'NL',
  French: 'FR',
  Norwegian: 'NO',
  Indian: 'IN',
  British: 'GB',
  Chinese: 'CN',
};
function dedupeAdjectives(entries, countries) {
  const un = new Set(countries.filter((c) => c.unMember).map((c) => c.cca2));
  const owners = new Map();
  for (const e of entries) for (const a of e.adjectives) owners.set(a, [...(owners.get(a) || []), e.iso2]);
  for (const [adj, isos] of owners) {
    if (isos.length < 2) continue;
    const keep = ADJ_PREF[adj] || isos.find((i) => un.has(i)) || null;
    for (const e of entries) {
      if (isos.includes(e.iso2) && e.iso2 !== keep) e.adjectives = e.adjectives.filter((a) => a !== adj);
    }
  }
}

if (require.main === module) {
  const data = build();
  fs.writeFileSync(OUT, JSON.stringify(data, null, 2) + '\n');
  console.log(`wrote ${data.length} countries to ${path.relative(process.cwd(), OUT)}`);
}

module.exports = { build, TW };
