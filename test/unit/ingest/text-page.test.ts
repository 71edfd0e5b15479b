import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTextPage } from '../../../src/ingest';
import { NewsGraphError } from '../../../src/domain';

const FOUNDING = join(__dirname, '../../../seeds/articles/udn-2025-10-21-rare-earth-report.txt');

describe('parseTextPage on the founding udn page dump', () => {
  const article = parseTextPage(readFileSync(FOUNDING, 'utf8'), { origin: 'udn-2025-10-21-rare-earth-report.txt' });

  it('finds the real headline below the navigation headlines', () => {
    expect(article.title).toBe('回應大陸稀土戰 林佳龍拋台美共同打造關鍵礦物非紅供應鏈');
  });

  it('reads date, outlet, site and language', () => {
    expect(article.publishedAt).toBe('2025-10-21');
    expect(article.source).toBe('聯合報');
    expect(article.site).toBe('udn');
    expect(article.language).toBe('zh-Hant');
    expect(article.origin).toBe('udn-2025-10-21-rare-earth-report.txt');
  });

  it('takes the reporter from the byline and the photographer from the caption credit', () => {
    expect(article.authors).toEqual([
      { name: '張文馨', role: 'reporter' },
      { name: '邱德祥', role: 'photographer' },
    ]);
  });

  it('keeps exactly the six body paragraphs', () => {
    expect(article.paragraphs).toHaveLength(6);
    expect(article.paragraphs[0].startsWith('外交部林佳龍明應邀至立法院外交及國防委員會')).toBe(true);
    expect(article.paragraphs[5].endsWith('充分自衛能力。')).toBe(true);
  });

  it('leaves navigation, byline, captions, tags, teasers and comment rules out of the body', () => {
    const body = article.paragraphs.join('\n');
    for (const chrome of [
      '詹子賢',
      '黃子佼',
      '記者張文馨',
      '邱德祥',
      '延伸閱讀',
      '高市早苗',
      '商品推薦',
      '留言',
      '聯合新聞網有權',
      '稀土 供應鏈 林佳龍',
    ]) {
      expect(body).not.toContain(chrome);
    }
  });

  it('keeps the repeated caption once, without its credit', () => {
    expect(article.captions).toEqual(['外交部長林佳龍。']);
  });

  it('turns the keyword line into tags', () => {
    expect(article.tags).toEqual(['外交部', '台美關係', '美國', '稀土', '供應鏈', '林佳龍']);
  });

  it('turns both teaser sections into related links, without the teaser summaries', () => {
    const titles = article.related.map((r) => r.title);
    expect(titles).toHaveLength(10);
    expect(titles[0]).toBe('高市早苗當選日首相 林佳龍喊話台日攜手為區域和平努力');
    expect(titles).toContain('「各種涉外人士放話滿天飛」 龍燮之爭引朝野立委關注');
    expect(titles[titles.length - 1]).toBe('財劃法「營業額」30%擬下修至8% 北市批中央忽視地方財政努力');
    expect(titles.some((t) => t.endsWith('...'))).toBe(false);
  });

  it('derives a stable, readable id without a URL', () => {
    expect(article.id).toMatch(/^a_[0-9a-f]{16}$/);
    expect(parseTextPage(readFileSync(FOUNDING, 'utf8')).id).toBe(article.id);
  });
});

describe('parseTextPage with header lines and other house styles', () => {
  it('reads url/date/lang/source/title headers as metadata, not body', () => {
    const a = parseTextPage(
      [
        'url: https://news.ltn.com.tw/news/life/breakingnews/1234567?utm_source=fb#top',
        'date: 2025-03-04',
        'lang: zh-Hant',
        '',
        '〔記者王大明／台南報導〕台南市今天舉辦燈會，吸引大批民眾參觀。',
        '主辦單位表示，今年燈區比去年擴大一倍。',
      ].join('\n'),
    );
    expect(a.url).toBe('https://news.ltn.com.tw/news/life/breakingnews/1234567');
    expect(a.publishedAt).toBe('2025-03-04');
    expect(a.language).toBe('zh-Hant');
    expect(a.source).toBe('自由時報');
    expect(a.site).toBe('ltn');
    expect(a.authors).toEqual([{ name: '王大明', role: 'reporter' }]);
    expect(a.paragraphs).toEqual(['台南市今天舉辦燈會，吸引大批民眾參觀。', '主辦單位表示，今年燈區比去年擴大一倍。']);
    expect(a.paragraphs.join('')).not.toContain('url:');
  });

  it('uses a header title and drops the lines above its occurrence', () => {
    const a = parseTextPage(
      [
        'title: 颱風假明天全台停班停課',
        '',
        '其他新聞標題一則',
        '颱風假明天全台停班停課',
        '記者林小華／台北報導',
        '行政院人事總處晚間宣布，明天全台停班停課。',
      ].join('\n'),
    );
    expect(a.title).toBe('颱風假明天全台停班停課');
    expect(a.paragraphs).toEqual(['行政院人事總處晚間宣布，明天全台停班停課。']);
    expect(a.authors.map((x) => x.name)).toEqual(['林小華']);
  });

  it('handles a CNA dateline prefix and a trailing editor credit', () => {
    const a = parseTextPage(
      [
        '衛福部宣布擴大疫苗接種',
        '',
        '（中央社記者陳美玲台北5日電）衛生福利部今天宣布擴大公費疫苗接種對象。',
        '疾管署說明，新制下月上路。（編輯：張國強）1140305',
      ].join('\n'),
    );
    expect(a.paragraphs[0]).toBe('衛生福利部今天宣布擴大公費疫苗接種對象。');
    expect(a.source).toBe('中央社');
    expect(a.authors).toContainEqual({ name: '陳美玲', role: 'reporter' });
  });

  it('handles ETtoday style captions and bylines', () => {
    const a = parseTextPage(
      [
        '▲市長出席記者會。（圖／記者吳小芬攝）',
        '',
        'ETtoday記者黃志明／高雄報導',
        '',
        '高雄市長今天出席記者會，宣布捷運新路線動工。',
        '▲新路線示意圖。（圖／高雄市政府提供）',
        '市府表示，新路線預計四年後完工。',
      ].join('\n'),
    );
    expect(a.authors).toEqual([
      { name: '吳小芬', role: 'photographer' },
      { name: '黃志明', role: 'reporter' },
    ]);
    expect(a.source).toBe('ETtoday');
    expect(a.captions).toEqual(['市長出席記者會。', '新路線示意圖。']);
    expect(a.paragraphs).toEqual(['高雄市長今天出席記者會，宣布捷運新路線動工。', '市府表示，新路線預計四年後完工。']);
  });

  it('parses an English wire page: headline before the date line, By-line, photo credit', () => {
    const a = parseTextPage(
      [
        'Download our App',
        'Port traffic hits record as chip exports surge',
        '03/14/2025 10:20 AM',
        'Containers stacked at the port of Kaohsiung. Photo: Jane Doe-lin, Example Daily',
        'By John Smith and Mary Lee / Staff reporters',
        'KAOHSIUNG (Reuters) - Container traffic at the southern port rose to a record in February, the port authority said on Friday.',
        'Officials credited strong demand for servers.',
        '• Related: Chipmakers raise capital spending',
        'Copyright © 2025 Example News. All rights reserved.',
      ].join('\n'),
    );
    expect(a.title).toBe('Port traffic hits record as chip exports surge');
    expect(a.publishedAt).toBe('2025-03-14');
    expect(a.language).toBe('en');
    expect(a.authors).toEqual([
      { name: 'Jane Doe-lin', role: 'photographer' },
      { name: 'John Smith', role: 'reporter' },
      { name: 'Mary Lee', role: 'reporter' },
    ]);
    expect(a.captions).toEqual(['Containers stacked at the port of Kaohsiung.']);
    expect(a.paragraphs).toHaveLength(2);
    expect(a.paragraphs[0].startsWith('KAOHSIUNG (Reuters) -')).toBe(true);
    expect(a.source).toBe('Reuters');
    expect(a.related.map((r) => r.title)).toEqual(['Related: Chipmakers raise capital spending']);
  });

  it('rejoins English lines the dump broke mid-sentence', () => {
    const a = parseTextPage(
      'Farmers protest new import rules in Taipei\n\nBy Ann Wu\n\nHundreds of farmers gathered outside the Executive Yuan on Monday to protest against\nthe new rules, organizers said.',
    );
    expect(a.paragraphs).toEqual([
      'Hundreds of farmers gathered outside the Executive Yuan on Monday to protest against the new rules, organizers said.',
    ]);
  });

  it('keeps a headline once when the page repeats it inside the text', () => {
    const a = parseTextPage(
      [
        '社會中心／綜合報導',
        '',
        '北市公車明起調整路線，影響數萬名通勤族。',
        '北市公車明起調整路線 通勤族注意',
        '市府說明，調整是為了配合捷運通車。',
        '北市公車明起調整路線 通勤族注意',
      ].join('\n'),
    );
    expect(a.title).toBe('北市公車明起調整路線 通勤族注意');
    expect(a.paragraphs).toEqual(['北市公車明起調整路線，影響數萬名通勤族。', '市府說明，調整是為了配合捷運通車。']);
    expect(a.authors).toEqual([]);
  });

  it('falls back to the lead sentence when a page has no headline', () => {
    const a = parseTextPage('立法院今天三讀通過食品安全衛生管理法修正草案。違規業者罰鍰上限提高。');
    expect(a.title).toBe('立法院今天三讀通過食品安全衛生管理法修正草案');
    expect(a.paragraphs).toHaveLength(1);
  });

  it('rejects an empty page with a BAD_USER_INPUT naming the origin', () => {
    expect(() => parseTextPage('  \n\n ', { origin: 'empty.txt' })).toThrow(NewsGraphError);
    expect(() => parseTextPage('\n', { origin: 'empty.txt' })).toThrow(/empty\.txt: empty file/);
  });

  it('takes a date stamped in front of the first line as the date, not as part of the headline', () => {
    const a = parseTextPage(
      ['date 2025-03-04 南投縣府宣布竹山鎮老街週末封街辦市集', '記者丁小明／南投報導', '南投縣政府今天表示，竹山鎮老街本週末封街。'].join(
        '\n',
      ),
    );
    expect(a.title).toBe('南投縣府宣布竹山鎮老街週末封街辦市集');
    expect(a.publishedAt).toBe('2025-03-04');
    expect(a.paragraphs).toEqual(['南投縣政府今天表示，竹山鎮老街本週末封街。']);
  });

  it('skips a line of publishing times after a date stamp', () => {
    const a = parseTextPage(
      [
        'date 2025-03-04 首次上稿 03-04 10:02更新時間 03-04 12:30',
        '',
        '嘉義市議會今天通過明年度總預算，刪減幅度為近年最低。',
        '議長表示，審查過程順利。',
      ].join('\n'),
    );
    expect(a.paragraphs[0]).toBe('嘉義市議會今天通過明年度總預算，刪減幅度為近年最低。');
    expect(a.title).toMatch(/^嘉義市議會今天通過明年度總預算/);
  });

  it('does not take a section label above the headline for the headline', () => {
    const a = parseTextPage(
      [
        '生活',
        '',
        '宜蘭冬山河親水公園週末煙火秀 交通管制一次看',
        '2025/03/04 18:27 記者林小華／宜蘭報導',
        '宜蘭縣政府表示，煙火秀將於週六晚間登場。',
      ].join('\n'),
    );
    expect(a.title).toBe('宜蘭冬山河親水公園週末煙火秀 交通管制一次看');
    expect(a.paragraphs).toEqual(['宜蘭縣政府表示，煙火秀將於週六晚間登場。']);
  });

  it('drops what is left of an image link, and keeps short lines that have words', () => {
    const a = parseTextPage(
      ['.webp)', '', 'Port workers in the northern city began a two-day strike on Monday over pay.', 'OK.'].join('\n'),
    );
    expect(a.paragraphs).toEqual(['Port workers in the northern city began a two-day strike on Monday over pay.', 'OK.']);
  });

  it('rejects a page that is only chrome', () => {
    expect(() => parseTextPage('快訊\n分享\n請繼續往下閱讀', { origin: 'chrome.txt' })).toThrow(/missing title/);
  });
});

describe('parseTextPage chrome handling', () => {
  it('keeps prose that merely mentions copyright or browsers', () => {
    const a = parseTextPage(
      'Court rejects copyright claim over news photos\n\nBy Tom Hale\n\nThe court said the copyright claim failed because the photos were taken by a public agency.\nCopyright © 2025 Example Wire. All rights reserved.',
    );
    expect(a.paragraphs).toEqual(['The court said the copyright claim failed because the photos were taken by a public agency.']);
  });

  it('drops navigation above the headline even when the header words the title differently', () => {
    const a = parseTextPage(
      [
        'title: 新竹縣長出席科學園區擴建動土',
        '',
        '娛樂新聞一則標題',
        '竹科擴建今動土 縣長：帶來萬個就業機會',
        '記者彭小惠／新竹報導',
        '新竹科學園區擴建工程今天動土。',
      ].join('\n'),
    );
    expect(a.title).toBe('新竹縣長出席科學園區擴建動土');
    expect(a.paragraphs).toEqual(['新竹科學園區擴建工程今天動土。']);
  });
});

describe('parseTextPage lead-sentence titles in English', () => {
  it('skips the wire dateline and month abbreviations', () => {
    const a = parseTextPage('Taipei, Sept. 18 (CNA) The central bank kept rates unchanged on Thursday. Economists had expected the move.');
    expect(a.title).toBe('The central bank kept rates unchanged on Thursday');
    expect(a.paragraphs[0].startsWith('Taipei, Sept. 18 (CNA)')).toBe(true);
  });
});

describe('parseTextPage datelines and credited outlets', () => {
  it('keeps the dateline place of a slash byline and the outlet it names', () => {
    const a = parseTextPage(
      ['港口擴建案今天動工', '', '聯合報／ 記者林大同／高雄即時報導', '', '高雄港擴建工程今天正式動工，預計三年完成。'].join('\n'),
    );
    expect(a.dateline).toBe('高雄');
    expect(a.credits).toContain('聯合報');
  });

  it('reads the place of a CNA dateline (Simplified too) and no place from a desk byline', () => {
    const cna = parseTextPage(['疫苗接種擴大', '', '（中央社記者陳美玲台中5日電）衛生福利部今天宣布擴大公費疫苗接種對象。'].join('\n'));
    expect(cna.dateline).toBe('台中');
    expect(cna.credits).toContain('中央社');
    const desk = parseTextPage(['各地天氣轉涼', '', '生活中心／綜合報導', '', '今天各地天氣轉涼，請民眾注意保暖。'].join('\n'));
    expect(desk.dateline).toBeUndefined();
  });

  it('collects agencies from photo credits and wire tags', () => {
    const a = parseTextPage(
      [
        'Storm nears northern coast',
        '',
        'Residents fill sandbags in Keelung on Sunday. Photo: CNA',
        '',
        'Taipei, Oct. 5 (CNA) A storm is approaching the northern coast, forecasters said on Sunday, warning of heavy rain in several counties.',
        '(By Ann Lin and Hsu Chia-hao)',
      ].join('\n'),
    );
    expect(a.credits).toEqual(expect.arrayContaining(['CNA']));
    expect(a.authors.map((x) => x.name)).toEqual(['Ann Lin', 'Hsu Chia-hao']);
  });

  it('leaves credits and dateline out when the page names no source', () => {
    const a = parseTextPage(
      ['港口擴建案今天動工', '', '高雄港擴建工程今天正式動工，預計三年完成。', '市府表示，工程經費由中央補助。'].join('\n'),
    );
    expect(a.credits).toBeUndefined();
    expect(a.dateline).toBeUndefined();
  });
});
