import { matchByline, matchCaption } from '../../../src/ingest';

describe('matchByline', () => {
  it.each([
    ['經濟日報／ 記者王志成／台北即時報導', [{ name: '王志成', role: 'reporter' }], '經濟日報'],
    ['聯合報／ 編譯郭凱文／即時報導', [{ name: '郭凱文', role: 'author' }], '聯合報'],
    [
      '記者吳宜君、蔡明德／台中報導',
      [
        { name: '吳宜君', role: 'reporter' },
        { name: '蔡明德', role: 'reporter' },
      ],
      undefined,
    ],
    ['NOWnews今日新聞記者楊佩珊／台北報導', [{ name: '楊佩珊', role: 'reporter' }], 'NOWnews今日新聞'],
    ['社會中心／綜合報導', [], undefined],
    ['鉅亨網編譯羅以文 綜合外電 2025-03-02 09:10', [{ name: '羅以文', role: 'author' }], '鉅亨網'],
  ])('%s', (line, authors, outlet) => {
    const m = matchByline(line);
    expect(m?.authors).toEqual(authors);
    expect(m?.outlet).toBe(outlet);
  });

  it('splits an inline ltn byline from the paragraph it opens', () => {
    expect(matchByline('〔記者洪美秀／新竹報導〕新竹市今天舉辦科技展。')).toEqual({
      authors: [{ name: '洪美秀', role: 'reporter' }],
      outlet: undefined,
      rest: '新竹市今天舉辦科技展。',
      dateline: '新竹',
    });
  });

  it('reads the reporter out of a CNA dateline with the place glued on', () => {
    const m = matchByline('（中央社記者黃雅詩華盛頓3日電）美國國務院今天表示，');
    expect(m?.authors).toEqual([{ name: '黃雅詩', role: 'reporter' }]);
    expect(m?.outlet).toBe('中央社');
    expect(m?.rest).toBe('美國國務院今天表示，');
  });

  it('reads a whole-line CNA dateline with two reporters', () => {
    expect(matchByline('中央社記者林志遠、蘇芳儀高雄8日電')?.authors.map((a) => a.name)).toEqual(['林志遠', '蘇芳儀']);
  });

  it('reads English bylines and wire tags', () => {
    expect(matchByline('By Reuters Staff')).toEqual({ authors: [], outlet: 'Reuters' });
    expect(matchByline('By Kelvin Chen, CNA staff writer')?.authors).toEqual([{ name: 'Kelvin Chen', role: 'reporter' }]);
    expect(matchByline('(By Lee Hsin-Yin and Frances Huang)')?.authors.map((a) => a.name)).toEqual(['Lee Hsin-Yin', 'Frances Huang']);
    expect(matchByline('/ Staff writer, with CNA')).toEqual({ authors: [], wire: 'CNA' });
    expect(matchByline('TOKYO (Reuters) - Japan said on Monday it would')).toMatchObject({ wire: 'Reuters', keepLine: true });
  });

  it('does not take ordinary sentences for bylines', () => {
    expect(matchByline('記者會上，部長表示將檢討相關報導。')).toBeUndefined();
    expect(matchByline('By the end of the year, prices had doubled.')).toBeUndefined();
  });
});

describe('matchCaption', () => {
  it.each([
    ['市長出席活動。記者陳志明／攝影', '市長出席活動。', [{ name: '陳志明', role: 'photographer' }]],
    ['▲選手衝過終點線。（圖／記者張育誠攝）', '選手衝過終點線。', [{ name: '張育誠', role: 'photographer' }]],
    ['颱風過後路樹倒塌。（圖／讀者提供）', '颱風過後路樹倒塌。', []],
    ['民眾排隊購票。（中央社）', '民眾排隊購票。', []],
    [
      'The mayor cuts the ribbon on Monday. Photo: Ann Lin, Example Times',
      'The mayor cuts the ribbon on Monday.',
      [{ name: 'Ann Lin', role: 'photographer' }],
    ],
    ['Firefighters at the scene on Sunday. CNA photo Jan. 5, 2025', 'Firefighters at the scene on Sunday.', []],
  ])('%s', (line, caption, authors) => {
    const m = matchCaption(line);
    expect(m?.caption).toBe(caption);
    expect(m?.authors).toEqual(authors);
  });

  it('reads credits standing on their own line', () => {
    expect(matchCaption('圖／簡文卿')?.authors).toEqual([{ name: '簡文卿', role: 'photographer' }]);
    expect(matchCaption('圖／民視新聞')?.authors).toEqual([]);
    expect(matchCaption('Photo: CNA')).toEqual({ caption: undefined, authors: [], credit: 'CNA' });
  });

  it('splits a credit from the paragraph the dump glued after it', () => {
    expect(matchCaption('漁船進港卸貨（圖／漁會提供）漁會總幹事表示：')).toEqual({
      caption: '漁船進港卸貨',
      authors: [],
      rest: '漁會總幹事表示：',
      credit: '圖／漁會提供',
    });
  });

  it('does not take prose with brackets for a caption', () => {
    expect(matchCaption('行政院長（閣揆）今天出席記者會，說明政策方向。')).toBeUndefined();
    expect(
      matchCaption('He said the photo: was not edited in any way, officials insisted later that day after a long review'),
    ).toBeUndefined();
  });
});
