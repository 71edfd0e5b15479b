import * as fs from 'fs';
import * as path from 'path';
import type { Article, Extraction } from '../../../src/domain/types';
import { articleText } from '../../../src/domain/article-text';
import { extract } from '../../../src/extract';
import { parseTextPage } from '../../../src/ingest';

function article(paragraphs: string[], opts: { title?: string; language?: string; captions?: string[]; authors?: string[] } = {}): Article {
  return {
    id: 't',
    title: opts.title ?? '新聞',
    paragraphs,
    captions: opts.captions ?? [],
    tags: [],
    related: [],
    authors: (opts.authors ?? []).map((name) => ({ name, role: 'reporter' as const })),
    language: opts.language ?? 'zh-Hant',
  };
}

const ids = (x: Extraction) => x.entities.map((e) => e.id);
const rel = (x: Extraction, type: string, from: string, to: string) =>
  x.relations.find((r) => r.type === type && r.from === from && r.to === to);

describe('Chinese titles and names', () => {
  test('外交部長林佳龍: HOLDS_ROLE to the ministry, with the compound title and its sentence', () => {
    const x = extract(article(['外交部長林佳龍今天表示，台美合作順利。林部長也說會持續努力。']));
    const r = rel(x, 'HOLDS_ROLE', 'person:林佳龍', 'org:外交部');
    expect(r?.title).toBe('外交部長');
    expect(r?.evidence).toBe('外交部長林佳龍今天表示，台美合作順利。');
    // 林部長 is the same person, not a new one
    expect(x.entities.find((e) => e.id === 'person:林佳龍')?.aliases).toContain('林部長');
    expect(x.entities.filter((e) => e.type === 'person')).toHaveLength(1);
  });

  test('總統賴清德 and 賴清德總統 both hold the presidency of Taiwan', () => {
    for (const s of ['總統賴清德今天在台灣出席活動。', '賴清德總統今天在台灣出席活動。']) {
      const x = extract(article([s]));
      expect(rel(x, 'HOLDS_ROLE', 'person:賴清德', 'country:TW')?.title).toBe('總統');
    }
  });

  test('國民黨立委A、B、C: every listed name is a member of the party and a legislator', () => {
    const x = extract(article(['國民黨立委翁曉玲、林沛祥、涂權吉今天在立法院提案。']));
    const party = x.entities.find((e) => e.type === 'organization' && e.kind === 'party')!;
    for (const name of ['翁曉玲', '林沛祥', '涂權吉']) {
      expect(rel(x, 'MEMBER_OF', `person:${name}`, party.id)).toBeDefined();
      expect(rel(x, 'HOLDS_ROLE', `person:${name}`, 'org:立法院')?.title).toBe('立委');
    }
  });

  test('an unknown name is read from a title and from a speech verb, with the right length', () => {
    const x = extract(article(['氣象署預報員張雅婷指出，颱風今晚接近。張雅婷表示民眾應注意安全。']));
    expect(ids(x)).toContain('person:張雅婷');
    expect(ids(x)).not.toContain('person:張雅婷指');
    expect(ids(x).filter((i) => i.startsWith('person:'))).toHaveLength(1);
  });

  test('byline names are authors, never people', () => {
    const x = extract(article(['記者王小明／台北報導', '外交部今天表示歡迎。'], { authors: ['王小明'] }));
    expect(ids(x).some((i) => i.includes('王小明'))).toBe(false);
  });

  test('Simplified input is normalised: 外交部长林佳龙 resolves to the same ids as Traditional', () => {
    const x = extract(article(['外交部长林佳龙今天表示，台湾与美国将加强合作。'], { language: 'zh-Hans' }));
    expect(rel(x, 'HOLDS_ROLE', 'person:林佳龍', 'org:外交部')).toBeDefined();
    expect(ids(x)).toEqual(expect.arrayContaining(['country:TW', 'country:US']));
  });

  test('川普 and 特朗普 are one person', () => {
    const x = extract(article(['川普今天宣布新關稅，特朗普的決定引發討論。']));
    expect(x.entities.filter((e) => e.type === 'person').map((e) => e.id)).toEqual(['person:川普']);
    expect(x.mentions.find((m) => m.entityId === 'person:川普')?.count).toBe(2);
  });
});

describe('Chinese ambiguity', () => {
  test('台中 is a city, not Taiwan + China; 美食 is not the US; 中職 is a league', () => {
    const x = extract(article(['台中今天天氣晴朗，夜市美食吸引人潮，中職比賽也在台中舉行。']));
    expect(ids(x)).not.toContain('country:CN');
    expect(ids(x)).not.toContain('country:US');
    expect(x.entities.find((e) => e.type === 'place' && /台中/.test(e.name))).toBeDefined();
    expect(x.entities.find((e) => e.type === 'organization' && e.kind === 'sports')).toBeDefined();
  });

  test('日 alone is a day, not Japan; 台日 names both countries', () => {
    const plain = extract(article(['他在5日與今日都出席會議。']));
    expect(ids(plain)).not.toContain('country:JP');
    const both = extract(article(['台日關係持續深化。']));
    expect(ids(both)).toEqual(expect.arrayContaining(['country:TW', 'country:JP']));
  });

  test('美方, 我國 and 臺灣 resolve to their countries', () => {
    const x = extract(article(['美方肯定我國的努力，臺灣將持續合作。']));
    expect(ids(x)).toEqual(expect.arrayContaining(['country:US', 'country:TW']));
    expect(x.entities.find((e) => e.id === 'country:TW')?.aliases).toEqual(expect.arrayContaining(['我國', '臺灣']));
  });
});

describe('Chinese organizations and places', () => {
  test('立法院X委員會 is a committee PART_OF the legislature; the minister REPORTS_TO it', () => {
    const x = extract(article(['外交部林佳龍明應邀至立法院外交及國防委員會報告。']));
    const committee = x.entities.find((e) => e.kind === 'committee');
    expect(committee?.aliases.concat(committee.name)).toContain('外交及國防委員會');
    expect(rel(x, 'PART_OF', committee!.id, 'org:立法院')).toBeDefined();
    expect(rel(x, 'REPORTS_TO', 'person:林佳龍', committee!.id)?.evidence).toBe('外交部林佳龍明應邀至立法院外交及國防委員會報告。');
  });

  test('法國巴黎: Paris LOCATED_IN France', () => {
    const x = extract(article(['法國巴黎的博物館今天重新開放。']));
    const paris = x.entities.find((e) => e.type === 'place' && e.name === '巴黎');
    expect(paris).toBeDefined();
    expect(rel(x, 'LOCATED_IN', paris!.id, 'country:FR')).toBeDefined();
  });
});

describe('English', () => {
  test('title + romanised name, Name (中文) pairs and one node per country across languages', () => {
    const x = extract(
      article(
        [
          'Taiwan Foreign Minister Lin Chia-lung met U.S. officials on Tuesday, while KMT Legislator Lo Chih-chiang (羅智強) criticized the plan.',
          'Lin said Taiwan and the United States would deepen cooperation.',
        ],
        { title: 'Taiwan and US talk trade', language: 'en' },
      ),
    );
    const tw = x.entities.find((e) => e.id === 'country:TW');
    expect(tw?.name).toBe('Taiwan');
    expect(ids(x)).toContain('country:US');
    expect(x.entities.find((e) => e.id === 'person:林佳龍')?.name).toBe('Lin Chia-lung');
    expect(x.entities.find((e) => e.id === 'person:羅智強')?.aliases).toContain('羅智強');
    expect(rel(x, 'HOLDS_ROLE', 'person:林佳龍', 'country:TW')?.title).toBe('Foreign Minister');
    // "Lin" alone is the minister again
    expect(x.mentions.find((m) => m.entityId === 'person:林佳龍')!.count).toBeGreaterThanOrEqual(2);
  });

  test('CWA forecaster Chu Mei-lin holds a role at the weather administration', () => {
    const x = extract(article(['CWA forecaster Chu Mei-lin said the storm would weaken.'], { title: 'Storm weakens', language: 'en' }));
    const p = x.entities.find((e) => e.type === 'person');
    expect(p?.name).toBe('Chu Mei-lin');
    expect(rel(x, 'HOLDS_ROLE', p!.id, 'org:中央氣象署')?.title).toBe('forecaster');
  });

  test('Trump and Donald Trump are one person', () => {
    const x = extract(article(['Donald Trump announced tariffs. Trump said more would follow.'], { title: 'Tariffs', language: 'en' }));
    expect(x.entities.filter((e) => e.type === 'person').map((e) => e.id)).toEqual(['person:川普']);
  });
});

describe('mentions, co-occurrence, determinism', () => {
  test('offsets are code points into articleText, headline flagged, co-occurrence counted per sentence', () => {
    const a = article(['𠮷外交部今天說明。外交部與美國國務院會談。'], { title: '美國國務院回應' });
    const x = extract(a);
    const text = Array.from(articleText(a));
    const m = x.mentions.find((k) => k.entityId === 'org:外交部')!;
    expect(text.slice(m.firstOffset, m.firstOffset + 3).join('')).toBe('外交部');
    expect(x.mentions.find((k) => k.entityId === 'org:美國國務院')?.inHeadline).toBe(true);
    expect(m.inHeadline).toBe(false);
    const co = x.cooccurrences.find((c) => [c.a, c.b].sort().join() === ['org:外交部', 'org:美國國務院'].sort().join());
    expect(co?.count).toBe(1);
    for (const k of x.mentions) expect(k.salience).toBeGreaterThanOrEqual(0);
  });

  test('the same article gives the same extraction', () => {
    const a = article(['外交部長林佳龍今天表示，台美合作順利，美方也肯定。']);
    expect(JSON.stringify(extract(a))).toBe(JSON.stringify(extract(a)));
  });
});

describe('the founding page', () => {
  const file = path.resolve(__dirname, '../../../seeds/articles/udn-2025-10-21-rare-earth-report.txt');
  test('entities, relations and topics of the rare-earth report', () => {
    const a = parseTextPage(fs.readFileSync(file, 'utf8'), { origin: file });
    const x = extract(a);
    const has = (id: string) => expect(ids(x)).toContain(id);
    ['person:林佳龍', 'person:賴清德', 'org:外交部', 'org:立法院', 'org:美國國務院', 'country:TW', 'country:US', 'country:CN'].forEach(has);
    expect(x.entities.find((e) => e.id === 'org:立法院')?.kind).toBe('legislature');
    expect(x.entities.find((e) => e.id === 'country:US')?.aliases).toContain('美方');
    expect(x.entities.find((e) => e.id === 'country:TW')?.aliases).toContain('台美');
    expect(rel(x, 'HOLDS_ROLE', 'person:林佳龍', 'org:外交部')?.title).toBe('外交部長');
    const reports = x.relations.find(
      (r) =>
        r.type === 'REPORTS_TO' &&
        (r.from === 'person:林佳龍' || r.from === 'org:外交部') &&
        /外交及國防委員會/.test(x.entities.find((e) => e.id === r.to)?.name ?? ''),
    );
    expect(reports?.evidence).toContain('立法院外交及國防委員會');
    const topicKeys = x.entities.filter((e) => e.type === 'topic').flatMap((e) => [e.name, ...e.aliases]);
    expect(topicKeys.some((k) => k.includes('稀土'))).toBe(true);
    expect(topicKeys.some((k) => k.includes('關稅'))).toBe(true);
    // teaser headlines (羅浮宮, 高市早苗) are not part of the article
    expect(ids(x).some((i) => /高市早苗|卓榮泰/.test(i))).toBe(false);
    for (const r of x.relations) expect(articleText(a).includes(r.evidence) || a.captions.some((c) => c.includes(r.evidence))).toBe(true);
  });
});

describe('round 2: credits, datelines, guards and lexicon fixes', () => {
  const withMeta = (a: Article, extra: Partial<Article>): Article => ({ ...a, ...extra });

  test('an outlet credited by the byline becomes a media organization; an unknown one too', () => {
    const x = extract(withMeta(article(['市府今天宣布新的交通政策。']), { credits: ['聯合報', '新城日報'] }));
    expect(x.entities.find((e) => e.id === 'org:聯合報')?.kind).toBe('media');
    expect(x.entities.find((e) => e.name === '新城日報')?.kind).toBe('media');
    // a photo credit that names no outlet adds nothing
    const y = extract(withMeta(article(['市府今天宣布新的交通政策。']), { credits: ['圖／記者王大明攝'] }));
    expect(y.entities.some((e) => e.type === 'organization')).toBe(false);
  });

  test('an English photo credit names the agency', () => {
    const x = extract(
      withMeta(article(['The storm moved north on Sunday, forecasters said.'], { language: 'en', title: 'Storm moves north' }), {
        credits: ['CNA'],
      }),
    );
    expect(x.entities.find((e) => e.type === 'organization' && e.kind === 'media')?.name).toBe('Central News Agency');
  });

  test('the dateline place is a place mention (Traditional and Simplified)', () => {
    for (const place of ['台北', '臺北']) {
      const x = extract(withMeta(article(['市府今天宣布新的交通政策。']), { dateline: place }));
      expect(ids(x)).toContain('place:台北市');
    }
    const y = extract(withMeta(article(['市府今天宣布新的交通政策。']), { dateline: '綜合' }));
    expect(y.entities.some((e) => e.type === 'place')).toBe(false);
  });

  test('a two-character country inside a longer word is not the country (沿海地區 / 沿海地区)', () => {
    for (const s of ['颱風接近，沿海地區民眾要注意強風。', '台风接近，沿海地区民众要注意强风。']) {
      expect(ids(extract(article([s])))).not.toContain('country:HT');
    }
    expect(ids(extract(article(['海地總統今天發表談話。'])))).toContain('country:HT');
  });

  test('a city naming a market index is not the city (費城半導體指數)', () => {
    expect(ids(extract(article(['美股大漲，費城半導體指數上漲4%。'])))).not.toContain('place:費城');
    expect(ids(extract(article(['他昨天抵達美國費城訪問。'])))).toContain('place:費城');
  });

  test('an ambiguous name needs corroboration: 漢堡 is food unless Germany is in the story', () => {
    expect(ids(extract(article(['他早餐吃了一個漢堡。'])))).not.toContain('place:漢堡');
    expect(ids(extract(article(['德國總理今天前往漢堡出席會議。'])))).toContain('place:漢堡');
  });

  test("高市早苗 is Japan's prime minister, not Kaohsiung", () => {
    const x = extract(article(['日本首相高市早苗今天在國會答詢。']));
    expect(ids(x)).toContain('person:高市早苗');
    expect(ids(x)).not.toContain('place:高雄市');
  });

  test('a Latin name glued to Chinese text is still found (Euractiv報導)', () => {
    expect(ids(extract(article(['Euractiv報導，副總統今天抵達布魯塞爾。'])))).toContain('org:Euractiv');
  });

  test('"the Cabinet" in English Taiwan news is the Executive Yuan', () => {
    const x = extract(
      article(['The budget was approved by the Cabinet last month, officials in Taipei said.'], {
        language: 'en',
        title: 'Budget approved',
      }),
    );
    expect(ids(x)).toContain('org:行政院');
  });

  test('headline noun phrases become topics, without nested duplicates (Traditional and Simplified)', () => {
    for (const [title, body, phrase] of [
      ['校園午餐食安事件 教育局追查', '教育局今天表示，校園午餐食安事件仍在追查。', '校園午餐'],
      ['校园午餐食安事件 教育局追查', '教育局今天表示，校园午餐食安事件仍在追查。', '校园午餐'],
    ]) {
      const x = extract(article([body], { title }));
      const topics = x.entities.filter((e) => e.type === 'topic');
      expect(topics.some((t) => t.name.includes(phrase))).toBe(true);
      // free (non-taxonomy) topics never nest inside each other
      const free = topics.filter((t) => /^topic:[^a-z]/.test(t.id)).map((t) => t.name);
      for (const a of free) for (const b of free) if (a !== b) expect(a.includes(b)).toBe(false);
    }
  });

  test('the founding page names 稀土 and 關稅 as topics', () => {
    const file = path.resolve(__dirname, '../../../seeds/articles/udn-2025-10-21-rare-earth-report.txt');
    const x = extract(parseTextPage(fs.readFileSync(file, 'utf8'), { origin: file }));
    const names = x.entities.filter((e) => e.type === 'topic').map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['稀土', '關稅']));
  });
});

describe('topic rules (taxonomy roots, acronyms, bilateral relations, labor shortage)', () => {
  const topicIds = (x: Extraction) => x.entities.filter((e) => e.type === 'topic').map((e) => e.id);

  test('a Latin acronym in Chinese text (AI) is kept as an alias of the topic the text names (人工智慧)', () => {
    const x = extract(
      article(['財政部公布出口統計，受惠於人工智慧（AI）應用需求強勁，AI伺服器出貨大增，AI相關產品持續成長。'], { title: 'AI帶動出口' }),
    );
    const ai = x.entities.find((e) => e.id === 'topic:artificial-intelligence' || e.name === '人工智慧');
    expect(ai).toBeDefined();
    expect(ai?.aliases).toContain('AI');
  });

  test('taxonomy roots (政治, economy) give way when the article has specific topics', () => {
    const x = extract(
      article(['立法院院會今天審查國防預算，朝野協商無共識，特別條例草案遭封殺。國防預算爭議持續，立法院將再協商。'], {
        title: '國防預算特別條例遭封殺',
      }),
    );
    expect(topicIds(x)).toContain('topic:defense-budget');
    expect(topicIds(x)).not.toContain('topic:politics');
    const en = extract(
      article(
        [
          'The central bank kept interest rates unchanged. Interest rates have been steady as the bank watched tariffs and the economy. Tariffs weigh on exports.',
        ],
        { title: 'Central bank holds interest rates', language: 'en' },
      ),
    );
    expect(en.entities.filter((e) => e.type === 'topic').length).toBeGreaterThanOrEqual(3);
    expect(topicIds(en)).not.toContain('topic:economy');
  });

  test('Taiwan diplomacy with a well-mentioned counterpart yields the pair relation (zh and en)', () => {
    const zh = extract(
      article(
        [
          '副總統今天出訪歐洲，在歐洲議會發表演說。歐洲議會議員表示歡迎，外交部說這是重要外交突破。歐盟官員也出席，台灣與歐洲議會合作密切。',
        ],
        { title: '副總統赴歐洲議會演說' },
      ),
    );
    expect(topicIds(zh)).toContain('topic:taiwan-europe-relations');
    const en = extract(
      article(
        [
          "Taiwan's president met Japanese lawmakers in Taipei. Japan and Taiwan held a diplomatic dialogue; Japan said it valued the talks, and Japan will send a delegation. Taiwan thanked Japan.",
        ],
        { title: 'Japan lawmakers visit Taiwan', language: 'en' },
      ),
    );
    const rel = en.entities.find((e) => e.id === 'topic:taiwan-japan-relations');
    expect(rel?.name).toBe('Taiwan–Japan relations');
    // without a diplomacy topic, co-mentioned countries are not a relation
    const plain = extract(article(['日本遊客今天抵達台灣旅遊，日本旅行社表示，日本旅客人數成長。'], { title: '日本遊客來台' }));
    expect(topicIds(plain)).not.toContain('topic:taiwan-japan-relations');
  });

  test('人力不足 / worker shortage is the labor-shortage topic', () => {
    const x = extract(article(['醫院護理師人力不足，工時過長，院方表示人手不足問題嚴重，將加薪招募。'], { title: '醫院人力不足' }));
    expect(topicIds(x)).toContain('topic:labor-shortage');
    const en = extract(
      article(['Factories face a labor shortage as workers retire. The labor shortage hits small firms hardest.'], {
        title: 'Labor shortage hits factories',
        language: 'en',
      }),
    );
    expect(topicIds(en)).toContain('topic:labor-shortage');
  });
});
