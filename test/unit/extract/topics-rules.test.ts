import type { Article, Extraction } from '../../../src/domain/types';
import { extract } from '../../../src/extract';

function article(paragraphs: string[], opts: { title?: string; language?: string; captions?: string[] } = {}): Article {
  return {
    id: 't',
    title: opts.title ?? '新聞',
    paragraphs,
    captions: opts.captions ?? [],
    tags: [],
    related: [],
    authors: [],
    language: opts.language ?? 'zh-Hant',
  };
}

const topics = (x: Extraction) => x.entities.filter((e) => e.type === 'topic');
const topicNames = (x: Extraction) => topics(x).map((e) => e.name);
const topicKeys = (x: Extraction) => topics(x).flatMap((e) => [e.name, ...e.aliases]);

describe('actor-anchored events (Chinese)', () => {
  test('a company named before its event in the lead gives "<company><event>", fillers and stock codes dropped', () => {
    const x = extract(
      article(['鴻海今天舉行法說會，董事長說明今年營運展望，看好伺服器需求。', '分析師認為，伺服器出貨將持續成長。'], {
        title: '伺服器需求強勁',
      }),
    );
    expect(topicNames(x)).toContain('鴻海法說會');
    const y = extract(
      article(['電子代工大廠鴻海 (2317-TW) 昨日法說會釋出樂觀展望，股價上漲。', '分析師認為，伺服器出貨將持續成長。'], {
        title: '伺服器需求強勁',
      }),
    );
    expect(topicNames(y)).toContain('鴻海法說會');
    // a ticker code is a listing, not a theme
    expect(topicNames(y)).not.toContain('TW');
  });

  test('a short verb between the actor and the event stays (<team>痛失連霸)', () => {
    const x = extract(
      article(['統一獅昨晚在主場落敗，球迷失望離場。', '總教練賽後表示，明年會再挑戰。'], { title: '統一獅痛失連霸的原因' }),
    );
    expect(topicNames(x)).toContain('統一獅痛失連霸');
  });

  test('an event named only in a photo caption still counts; an event with no actor before it does not', () => {
    const x = extract(
      article(['鴻海董事長說明今年營運展望，看好伺服器需求。'], { title: '伺服器需求強勁', captions: ['鴻海今天舉行法說會。'] }),
    );
    expect(topicNames(x)).toContain('鴻海法說會');
    const y = extract(article(['今天舉行法說會，董事長說明今年營運展望。分析師看好伺服器需求。'], { title: '伺服器需求強勁' }));
    expect(topicNames(y).some((n) => n.endsWith('法說會') && n.length > 3)).toBe(false);
  });

  test('a title won is the championships topic (奪冠, 總冠軍)', () => {
    const x = extract(article(['統一獅今晚奪下總冠軍，球迷湧入球場慶祝。統一獅睽違多年再度奪冠。'], { title: '統一獅奪冠' }));
    expect(topics(x).map((e) => e.id)).toContain('topic:championships');
    expect(topicKeys(x)).toContain('總冠軍');
  });

  test('generic filler words (關心, 登場) are not topics', () => {
    const x = extract(
      article(['外界關心新館何時登場，市府表示新館將在明年登場，民眾也很關心交通。'], { title: '新館明年登場 民眾關心交通' }),
    );
    expect(topicNames(x)).not.toContain('關心');
    expect(topicNames(x)).not.toContain('登場');
  });
});

describe('Chinese topics are themes, not names', () => {
  test('a headline phrase that ends in a person, a title or an organization head is no topic; idioms are none either', () => {
    const x = extract(
      article(['新任院長陳大同今天上任，演員林小美出席，港灣大學校友也到場。'], {
        title: '演員林小美出席 新任院長陳大同一帆風順 港灣大學',
      }),
    );
    const names = topicNames(x);
    for (const bad of ['演員林小美', '新任院長', '港灣大學', '一帆風順']) expect(names).not.toContain(bad);
  });
});

describe('taxonomy topics need their own name or more than one passing word', () => {
  test('one associated word (失蹤) does not make the search-and-rescue topic; the topic named (搜救) does', () => {
    const para = '市議會今天審查明年度預算，議員質詢交通建設進度，市府官員一一答覆。';
    const x = extract(article([para, '一名議員提到，去年一名登山民眾失蹤的處理經過。'], { title: '市議會審查預算' }));
    expect(topics(x).map((e) => e.id)).not.toContain('topic:search-and-rescue');
    const y = extract(article([para, '一名議員提到，去年山區搜救的處理經過。'], { title: '市議會審查預算' }));
    expect(topics(y).map((e) => e.id)).toContain('topic:search-and-rescue');
  });
});

describe('a qualified title is no topic', () => {
  test('教育局長 and 科主任 are posts; the bare role 校長 stays a possible theme', () => {
    const x = extract(
      article(
        ['教育局長今天主持交接典禮，新任校長宣誓就職，教育局長致詞勉勵。', '醫院科主任與教育局長都到場，教育局長表示校長交接順利。'],
        { title: '教育局長主持校長交接' },
      ),
    );
    const names = topicNames(x);
    expect(names).not.toContain('教育局長');
    expect(names).not.toContain('科主任');
    expect(names.some((n) => n.includes('交接'))).toBe(true);
  });
});

describe('a headline taken from the lead sentence', () => {
  test('its verbs count only when the body comes back to them', () => {
    const lead = '颱風外圍環流挾帶豪雨，溪水暴漲沖毀便橋';
    const x = extract(
      article([`${lead}，村民一度受困。`, '鄉公所表示，便橋沖毀後，村民只能繞道，颱風過後將搶修便橋。', '氣象署說，颱風明天遠離。'], {
        title: lead,
      }),
    );
    const keys = topicKeys(x);
    expect(keys).not.toContain('挾帶');
    expect(keys).toContain('沖毀');
  });
});

describe('a specific verb the body keeps repeating', () => {
  const body = [
    '航空公司今天宣布，受引擎檢修影響，旗下三架客機停飛。',
    '公司指出，停飛期間旅客可免費改票，客服專線將延長服務時間。',
    '民航主管機關表示，停飛的客機須完成檢查才能復飛，總經理也為此請辭。',
    '旅行業者說，連假前停飛，對訂位影響不小；有董事表態不會請辭。',
  ];
  test('is the event the article follows, even with no headline naming it', () => {
    const keys = topicKeys(extract(article(body, { title: '客機檢修' })));
    expect(keys).toContain('停飛');
  });
  test('said only twice, or common in the language, it is not', () => {
    const keys = topicKeys(extract(article(body, { title: '客機檢修' })));
    expect(keys).not.toContain('請辭');
    expect(keys).not.toContain('表示');
  });
});

describe("a body's name is no keyword", () => {
  test('行政法院, written bare and often, is an organization word and not a theme', () => {
    const x = extract(
      article(
        [
          '原告不服處分提起訴訟，行政法院今天判決撤銷原處分。',
          '行政法院認為，主管機關程序有瑕疵。機關表示，將研究是否上訴。',
          '行政法院指出，原處分未說明理由。',
        ],
        { title: '違規處分遭判決撤銷' },
      ),
    );
    expect(topicNames(x)).not.toContain('行政法院');
    expect(topicNames(x)).toContain('處分');
  });
});

describe('segmentation fragments', () => {
  test('a headline word only the HMM found (9|球之差) is no topic', () => {
    const x = extract(
      article(['球隊昨以9球之差輸球，今天再度出賽。', '教練表示，球隊輸球後今天再度出賽，希望能扳回一城。'], {
        title: '球隊昨以9球之差輸球',
      }),
    );
    expect(topicNames(x)).not.toContain('球之差');
    expect(topicNames(x)).toContain('輸球');
  });
});

describe('Latin words in Chinese headlines', () => {
  test('a product set in Chinese text is a topic; a bracketed gloss of a name is not', () => {
    const x = extract(
      article(
        [
          '隨著Zorbi爆紅，玩具商第三季營收大增八成。',
          '業者表示，Zorbi在海外市場也賣到缺貨，營收可望續創新高。',
          '執行長陳文華（Wenhua Chen）說，明年將推出新品。',
        ],
        { title: '隨著Zorbi爆紅 玩具商營收大增' },
      ),
    );
    expect(topicNames(x)).toContain('Zorbi');
    expect(topicNames(x)).not.toContain('Wenhua');
  });
});

describe('a word that describes a person is no topic', () => {
  test('名將 written before a name says who the person is; the event stays a topic', () => {
    const x = extract(
      article(['網壇名將陳大文今天在決賽擊敗對手，再度奪冠。名將陳大文賽後表示，感謝教練與家人。', '名將陳大文說，明年還要參賽。'], {
        title: '網壇名將陳大文再奪冠',
      }),
    );
    expect(x.entities.filter((e) => e.type === 'person').map((e) => e.name)).toContain('陳大文');
    expect(topicNames(x).filter((n) => n.includes('名將'))).toEqual([]);
    expect(topicKeys(x).some((k) => k.includes('奪冠'))).toBe(true);
  });
});

describe('English topic phrases', () => {
  test('a lower-case multi-word taxonomy keyword (trade surplus) is matched', () => {
    const x = extract(
      article(
        ['The ministry said the trade surplus widened last month as shipments grew. Officials expect the trade surplus to stay large.'],
        { title: 'Shipments grow', language: 'en' },
      ),
    );
    expect(topics(x).map((e) => e.id)).toContain('topic:trade-balance');
  });

  test('verbs, dates and adverbs are not keywords; an adjective + noun phrase is', () => {
    const x = extract(
      article(
        [
          'Authorities yesterday evacuated residents ahead of the storm. Yesterday crews evacuated more villages ahead of landfall.',
          'The prime suspect was held yesterday. Police said the prime suspect evacuated the building.',
        ],
        { title: 'Residents evacuated ahead of storm as prime suspect held', language: 'en' },
      ),
    );
    const names = topicNames(x);
    for (const w of ['yesterday', 'evacuated', 'ahead']) expect(names).not.toContain(w);
    expect(names).toContain('prime suspect');
  });
});
