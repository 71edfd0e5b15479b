import {
  DEFAULT_PARAMS,
  decide,
  foldScript,
  idf,
  overlap,
  scorePair,
  textGrams,
  timeFactor,
  type StoryArticle,
} from '../../../src/stories/score';

/** A graph of 200 articles: df 2 is rare, df 150 is everywhere. */
const TOTAL = 200;

const art = (over: Partial<StoryArticle> & { id: string }): StoryArticle => ({
  title: '',
  lead: '',
  language: 'zh-Hant',
  publishedAt: '2025-11-04',
  entities: [],
  ...over,
});

const e = (id: string, df: number, salience = 0.6, type?: string) => ({ id, df, salience, type });

describe('text folding', () => {
  test('Traditional and Simplified spellings compare equal', () => {
    expect(foldScript('臺灣颱風警報')).toBe(foldScript('台湾台风警报'));
    expect(overlap(textGrams('颱風警報發布'), textGrams('台风警报发布'))).toBe(1);
  });

  test('Chinese grams are Han pairs only: dates and digits do not make pages alike', () => {
    const grams = textGrams('2025-11-06 市長出訪');
    expect([...grams].every((g) => /^[\u3400-\u9fff]{2}$/.test(g))).toBe(true);
    expect(overlap(textGrams('date 2025-11-06 市長出訪'), textGrams('date 2025-11-06 颱風登陸'))).toBe(0);
  });

  test('English grams are words and word pairs', () => {
    expect(textGrams('Typhoon warning issued')).toEqual(new Set(['typhoon', 'warning', 'issued', 'typhoon warning', 'warning issued']));
  });
});

describe('idf and time', () => {
  test('rare entities weigh more than common ones, and a young graph still tells them apart', () => {
    expect(idf(2, TOTAL)).toBeGreaterThan(idf(150, TOTAL));
    expect(idf(1, 3)).toBeGreaterThan(idf(3, 3));
    expect(idf(1, 3)).toBeGreaterThan(2);
  });

  test('decay: full within the grace days, halving after, zero beyond the window', () => {
    expect(timeFactor(0, DEFAULT_PARAMS)).toBe(1);
    expect(timeFactor(DEFAULT_PARAMS.graceDays + DEFAULT_PARAMS.halfLifeDays, DEFAULT_PARAMS)).toBeCloseTo(0.5);
    expect(timeFactor(DEFAULT_PARAMS.joinWindowDays + 1, DEFAULT_PARAMS)).toBe(0);
  });
});

describe('scorePair', () => {
  const zh = art({
    id: 'zh',
    title: '外交部長訪日 談稀土合作',
    lead: '外交部長今天抵達東京，與日方討論稀土供應鏈合作。',
    entities: [
      e('person:a', 2, 0.9, 'person'),
      e('topic:rare-earths', 3, 0.8, 'topic'),
      e('country:JP', 20, 0.6, 'country'),
      e('country:TW', 150, 0.4, 'country'),
    ],
  });

  test('the same event in English and Chinese matches on entity ids alone', () => {
    const en = art({
      id: 'en',
      language: 'en',
      title: 'Foreign minister visits Tokyo for rare earth talks',
      lead: 'The foreign minister arrived in Tokyo on Tuesday.',
      entities: [e('person:a', 2, 0.8, 'person'), e('topic:rare-earths', 3, 0.7, 'topic'), e('country:JP', 20, 0.7, 'country')],
    });
    const s = scorePair(zh, en, TOTAL);
    expect(s.text).toBe(0);
    expect(s.entities).toBeGreaterThan(0.8);
    expect(s.score).toBeGreaterThanOrEqual(DEFAULT_PARAMS.joinThreshold);
    expect(s.shared[0]).toBe('person:a');
  });

  test('same subject, another event days later stays below the join threshold', () => {
    const later = art({
      id: 'later',
      publishedAt: '2025-11-07',
      title: '外交部長出席國會質詢 答覆預算案',
      lead: '外交部長今天在國會答覆明年度預算案的質詢。',
      entities: [
        e('person:a', 2, 0.9, 'person'),
        e('topic:budget', 4, 0.8, 'topic'),
        e('org:parliament', 10, 0.7, 'organization'),
        e('country:TW', 150, 0.4, 'country'),
      ],
    });
    const s = scorePair(zh, later, TOTAL);
    expect(s.shared).toContain('person:a');
    expect(s.score).toBeLessThan(DEFAULT_PARAMS.joinThreshold);
  });

  test('entities common everywhere carry no weight', () => {
    const a = art({ id: 'a', title: '甲', entities: [e('country:TW', 150)] });
    const b = art({ id: 'b', title: '乙', entities: [e('country:TW', 150)] });
    expect(scorePair(a, b, TOTAL).entities).toBe(0);
  });

  test('nothing joins beyond the window', () => {
    const copy = { ...zh, id: 'copy', publishedAt: '2025-12-30' };
    expect(scorePair(zh, copy, TOTAL).score).toBe(0);
    expect(scorePair(zh, copy, TOTAL).entities).toBeCloseTo(1);
  });
});

describe('decide', () => {
  const base = {
    title: '市長一審判決出爐',
    lead: '市長涉詐領助理費案今天一審宣判。',
    entities: [
      e('person:m', 3, 0.9, 'person'),
      e('place:city', 5, 0.6, 'place'),
      e('topic:verdict', 5, 0.8, 'topic'),
      e('org:court', 6, 0.7, 'organization'),
      e('topic:corruption', 4, 0.6, 'topic'),
      e('person:judge', 2, 0.4, 'person'),
    ],
  };
  const article = art({ id: 'new', ...base });
  const sameEvent = art({ id: 's1', ...base, title: '市長一審判決 法院宣判', publishedAt: '2025-11-04' });
  const otherEvent = art({
    id: 'o1',
    title: '市長復職 回市府上班',
    lead: '市長今天回到市府上班，支持者到場。',
    publishedAt: '2025-11-02',
    entities: [
      e('person:m', 3, 0.9, 'person'),
      e('place:city', 5, 0.6, 'place'),
      e('topic:reinstatement', 2, 0.8, 'topic'),
      e('org:city-hall', 5, 0.7, 'organization'),
      e('topic:supporters', 3, 0.5, 'topic'),
      e('person:deputy', 2, 0.5, 'person'),
    ],
  });

  test('joins the story of the same event, links the other one as FOLLOWS', () => {
    const d = decide(
      article,
      [
        { id: 'story-same', articles: [sameEvent] },
        { id: 'story-other', articles: [otherEvent] },
      ],
      { total: TOTAL },
    );
    expect(d.join?.storyId).toBe('story-same');
    expect(d.merge).toEqual([]);
    expect(d.follows.map((f) => f.storyId)).toEqual(['story-other']);
    expect(d.follows[0].shared).toEqual(expect.arrayContaining(['person:m', 'place:city']));
  });

  test('starts a new story when nothing is close enough', () => {
    expect(decide(article, [{ id: 'story-other', articles: [otherEvent] }], { total: TOTAL }).join).toBeUndefined();
  });

  test('a bridging article merges two stories that each match it well', () => {
    const d = decide(
      article,
      [
        { id: 'x', articles: [sameEvent] },
        { id: 'y', articles: [{ ...sameEvent, id: 's2', language: 'zh-Hans', title: '市长一审判决出炉' }] },
      ],
      { total: TOTAL },
    );
    expect(d.join).toBeDefined();
    expect(d.merge.map((m) => m.storyId)).toHaveLength(1);
    expect(new Set([d.join!.storyId, d.merge[0].storyId])).toEqual(new Set(['x', 'y']));
  });

  test('a shared theme alone is no FOLLOWS link', () => {
    const themed = art({
      id: 't',
      title: '另一頒獎典禮',
      publishedAt: '2025-11-01',
      entities: [e('topic:verdict', 5, 0.9, 'topic'), e('topic:x', 2, 0.8, 'topic')],
    });
    const me = art({
      id: 'me',
      title: '頒獎',
      entities: [e('topic:verdict', 5, 0.9, 'topic'), e('topic:x', 2, 0.8, 'topic'), e('person:q', 1, 0.9, 'person')],
    });
    const d = decide(me, [{ id: 'themed', articles: [themed] }], { total: TOTAL, params: { ...DEFAULT_PARAMS, joinThreshold: 2 } });
    expect(d.follows).toEqual([]);
  });
});

test('alike template headlines without shared entities are not one story', () => {
  const a = art({ id: 'a', title: '生活新聞快訊', entities: [e('topic:x', 1), e('country:TW', 150)] });
  const b = art({ id: 'b', title: '生活新聞快訊', entities: [e('topic:y', 1), e('country:TW', 150)] });
  const s = scorePair(a, b, TOTAL);
  expect(s.text).toBe(1);
  expect(s.score).toBe(0);
});
