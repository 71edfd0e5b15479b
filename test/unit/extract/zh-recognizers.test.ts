import type { Article, Extraction } from '../../../src/domain/types';
import { extract, getLexicon } from '../../../src/extract';
import { nameModel } from '../../../src/extract/zh-name-model';

// Short texts written for these tests; the names are invented or generic.
function article(paragraphs: string[], title = '新聞'): Article {
  return { id: 't', title, paragraphs, captions: [], tags: [], related: [], authors: [], language: 'zh-Hant' };
}
const people = (x: Extraction) => x.entities.filter((e) => e.type === 'person').map((e) => e.name);
const orgs = (x: Extraction) => x.entities.filter((e) => e.type === 'organization').map((e) => e.name);
const places = (x: Extraction) => x.entities.filter((e) => e.type === 'place').map((e) => e.name);
const rel = (x: Extraction, type: string, from: string, to: string) =>
  x.relations.find((r) => r.type === type && r.from === from && r.to === to);

describe('name model (statistics from jieba person-name entries)', () => {
  const model = nameModel(getLexicon());

  test('given-name characters score above function words', () => {
    // 瑋 and 婷 are typical of given names; 在 and 的 are not
    expect(model.given('玮', 2)).toBeGreaterThan(1);
    expect(model.given('婷', 2)).toBeGreaterThan(1);
    expect(model.given('在', 2)).toBeLessThan(0);
    expect(model.given('的', 2)).toBeLessThan(0);
  });

  test('transliteration characters score above ordinary ones', () => {
    for (const c of ['斯', '拉', '克']) expect(model.translit(c)).toBeGreaterThan(1);
    for (const c of ['们', '题']) expect(model.translit(c)).toBeLessThan(0);
  });

  test('a surname prior: 陳 starts names far more than 高 does', () => {
    const chen = model.surnamesAt('陈', 0)[0].score;
    const gao = model.surnamesAt('高', 0)[0].score;
    expect(chen).toBeGreaterThan(gao);
  });
});

describe('unknown Chinese names', () => {
  test('水利處長陳信宏陪同說明 gives 陳信宏, never 陳信宏陪', () => {
    const x = extract(article(['水利處長陳信宏陪同說明，陳信宏表示堤防已修復。']));
    expect(people(x)).toEqual(['陳信宏']);
  });

  test('a name never swallows a following 在 / 以 / 於', () => {
    const x = extract(article(['昨天吳佩珊表示，明年將參選。黃志遠在記者會上說，將以行動支持。']));
    expect(people(x).sort()).toEqual(['吳佩珊', '黃志遠'].sort());
  });

  test('ordinary words that start with a surname are not names', () => {
    const x = extract(article(['謝謝大家的祝福，這次洪水造成的損失很大，高達三成。']));
    expect(people(x)).toEqual([]);
  });

  test('Simplified input: the same unknown name in one canonical script', () => {
    const hant = extract(article(['昨天吳佩珊表示，明年將參選。']));
    const hans = extract({ ...article(['昨天吴佩珊表示，明年将参选。'], '新闻'), language: 'zh-Hans' });
    expect(hant.entities.find((e) => e.type === 'person')?.id).toBe('person:吳佩珊');
    expect(hans.entities.find((e) => e.type === 'person')?.id).toBe('person:吳佩珊');
  });
});

describe('transliterated names', () => {
  test('a role noun before and a box score after make a person', () => {
    const x = extract(article(['洋將馬洛維奇砍下25分，馬洛維奇賽後表示很開心。']));
    expect(people(x)).toContain('馬洛維奇');
  });

  test('a place head after a transliteration makes it a place, not a person', () => {
    const x = extract(article(['球隊明天前往奧克蘭市比賽。']));
    expect(people(x)).toEqual([]);
  });

  test('the last part of a dotted name refers to the whole name', () => {
    const x = extract(article(['法國作家尚·皮耶·杜邦表示新書將出版，杜邦說這是最後一本。']));
    expect(people(x)).toEqual(['尚·皮耶·杜邦']);
    const m = x.mentions.find((mm) => mm.entityId === 'person:尚·皮耶·杜邦');
    expect(m?.count).toBe(2);
  });
});

describe('Japanese names', () => {
  test('a listed Japanese surname with a given name, bounded by a role or title and a verb, in a Japanese context', () => {
    expect(people(extract(article(['日本選手山田太郎今天表示，比賽很艱難。'])))).toContain('山田太郎');
    expect(people(extract(article(['日本羽球好手西村健太擊敗對手，晉級八強。'])))).toContain('西村健太');
    expect(people(extract(article(['日本外相松本洋平在記者會上表示，將加強合作。'])))).toContain('松本洋平');
  });

  test('a surname followed by a verb or an ordinary word is no full name, and no Japanese context means no reading', () => {
    expect(people(extract(article(['日本球員中村表示，狀況很好。'])))).not.toContain('中村表示');
    expect(people(extract(article(['日本隊的山本一起出賽。']))).some((p) => p.startsWith('山本'))).toBe(false);
    expect(people(extract(article(['市府表示，中村里的道路將拓寬。']))).some((p) => p.startsWith('中村'))).toBe(false);
  });
});

describe('organizations and places by their heads', () => {
  test('the left edge comes from segmentation, not a fixed length', () => {
    const x = extract(article(['宏昇科技旗下子公司今天宣布擴廠，雲林縣福安宮主委也出席。']));
    expect(orgs(x)).toEqual(expect.arrayContaining(['宏昇科技', '福安宮']));
    expect(orgs(x).some((o) => o.includes('旗下'))).toBe(false);
    // a temple written after its county: the county is a place of its own, and the temple is in it
    expect(rel(x, 'LOCATED_IN', 'org:福安宮', 'place:雲林縣')).toBeDefined();
  });

  test('descriptions with a head are not names', () => {
    const x = extract(article(['這所國立大學與綜合型大學合作，地方衛生局也加入。']));
    expect(orgs(x)).toEqual([]);
  });

  test('a head that is part of a common word (重鎮, 城市) or a form of government (內閣制政府) makes no name', () => {
    const x = extract(article(['這裡是南部農業研究重鎮，居民要求建立內閣制政府。']));
    expect(places(x).some((p) => p.endsWith('重鎮'))).toBe(false);
    expect(orgs(x).some((o) => o.endsWith('制政府'))).toBe(false);
  });

  test('a temple on a pilgrimage route is a place; a county government called 縣府 is created from the county', () => {
    const x = extract(article(['進香隊伍今晚抵達北港朝天宮駐駕。', '嘉義縣議會開議，縣府提出預算。']));
    // a stop on the route: the temple and its town are places of their own
    expect(places(x)).toEqual(expect.arrayContaining(['朝天宮', '北港鎮']));
    expect(orgs(x)).toEqual(expect.arrayContaining(['嘉義縣議會', '嘉義縣政府']));
  });

  test("a person's name before 政府 is an administration, not a body", () => {
    const x = extract(article(['總統馬洛維奇表示，馬洛維奇政府將推動改革。']));
    expect(people(x)).toContain('馬洛維奇');
    expect(orgs(x).some((o) => o.includes('馬洛維奇'))).toBe(false);
  });

  test('a company written without its head is the company, not a person', () => {
    const x = extract(article(['監管機關接管晶片商瑞昇科技旗下工廠。瑞昇股價今天跌停，瑞昇發表聲明抗議。']));
    expect(orgs(x)).toContain('瑞昇科技');
    expect(people(x)).not.toContain('瑞昇');
    const org = x.entities.find((e) => e.name === '瑞昇科技')!;
    expect(x.mentions.find((m) => m.entityId === org.id)!.count).toBe(3);
  });

  test('a legal form is part of the name; a name a page wrote twice is written once; 法庭 is a head', () => {
    const x = extract(
      article([
        '財團法人海洋生態保育研究中心今天發表報告。',
        '對此救難總隊救難總隊出動直升機。',
        '比利時商業法庭裁定暫停交易。',
        '學校成立博雅書院。',
      ]),
    );
    expect(orgs(x)).toEqual(expect.arrayContaining(['財團法人海洋生態保育研究中心', '救難總隊', '比利時商業法庭', '博雅書院']));
    expect(orgs(x)).not.toContain('救難總隊救難總隊');
  });

  test('camp colours name the parties, colours elsewhere stay colours', () => {
    const x = extract(article(['藍白聯手刪減預算，綠委表達不滿。', '他穿著藍白拖，看著藍天。']));
    expect(orgs(x)).toEqual(expect.arrayContaining(['中國國民黨', '台灣民眾黨', '民主進步黨']));
    expect(x.mentions.find((m) => m.entityId === 'org:中國國民黨')!.count).toBe(1);
  });

  test('a stop on a pilgrimage route is town + temple even when the town is unknown', () => {
    const x = extract(article(['遶境隊伍沿途駐駕的宮廟為竹山福安宮、大林天后宮。']));
    expect(places(x)).toEqual(expect.arrayContaining(['竹山', '福安宮', '大林', '天后宮']));
  });

  test('a deity named after its town is no mention of the town; a river the model could read as a name is a river', () => {
    const x = extract(article(['信眾說有東港媽保佑。', '水利署人員前往林太鞍溪上游勘查，林太鞍溪水位上升。']));
    expect(places(x)).not.toContain('東港鎮');
    expect(places(x)).toContain('林太鞍溪');
    expect(people(x)).toEqual([]);
  });

  test('units after 市府 belong to the city government, and so do the units listed after them', () => {
    const x = extract(article(['嘉義市長召開會議，邀集市府社會處、衛生局、消防局等單位討論。']));
    expect(orgs(x)).toEqual(expect.arrayContaining(['嘉義市政府社會處', '嘉義市政府衛生局', '嘉義市政府消防局']));
    const unit = x.entities.find((e) => e.name === '嘉義市政府衛生局')!;
    expect(unit.aliases).toContain('衛生局');
  });

  test("a foreign country's ministry is that country's body, and its bare name later in the article is the same body", () => {
    const x = extract(article(['阿根廷國防部表示將持續監控。', '巴西衛生部今天發表聲明，衛生部也證實已派員調查。']));
    expect(orgs(x)).toEqual(expect.arrayContaining(['阿根廷國防部', '巴西衛生部']));
    expect(orgs(x)).not.toContain('國防部');
    expect(orgs(x)).not.toContain('衛生部');
    expect(x.mentions.find((m) => m.entityId === 'org:巴西衛生部')!.count).toBe(2);
  });

  test('a Latin acronym in brackets after an organization is its short form; its later bare mentions count, the bracket does not', () => {
    const x = extract(article(['港灣科技公司（HBT）今天宣布擴廠，HBT表示新廠明年投產。', 'HBTX是另一個代號。']));
    const e = x.entities.find((en) => en.name === '港灣科技公司')!;
    expect(e.type).toBe('organization');
    expect(e.aliases).toContain('HBT');
    expect(x.mentions.find((m) => m.entityId === e.id)!.count).toBe(2);
    expect(x.entities.some((en) => en.name === 'HBT' || en.name === 'HBTX')).toBe(false);
  });

  test('a rail line by its head: an unknown name needs rail words around it, and the name is the word before 線', () => {
    const x = extract(article(['列車行經山城線時發生故障，山城線暫停行駛。']));
    expect(places(x)).toContain('山城線');
    expect(places(x).some((p) => p.startsWith('列車'))).toBe(false);
    expect(places(extract(article(['這是一項山城線索，警方正在追查。'])))).not.toContain('山城線');
  });

  test('a river by its head', () => {
    const x = extract(article(['清水溪上游發生土石流。']));
    expect(places(x)).toContain('清水溪');
  });
});

describe('relations in every domain', () => {
  test('court + title + name', () => {
    const x = extract(article(['台南地方法院法官林志豪認為證據不足。']));
    const r = rel(x, 'HOLDS_ROLE', 'person:林志豪', 'org:台南地方法院');
    expect(r?.title).toBe('法官');
    expect(r?.evidence).toBe('台南地方法院法官林志豪認為證據不足。');
  });

  test('a title without its body resolves to the body of that kind the article names', () => {
    const x = extract(article(['雲林縣議會今天開會，議長張文德主持。']));
    expect(rel(x, 'HOLDS_ROLE', 'person:張文德', 'org:雲林縣議會')?.title).toBe('議長');
  });

  test('a relation known only from the lexicon carries no sentence', () => {
    const x = extract(article(['經濟部與行政院今天開會。']));
    const r = rel(x, 'PART_OF', 'org:經濟部', 'org:行政院');
    expect(r).toBeDefined();
    expect(r?.evidence).toBe('');
  });
});

describe('names the graph already knows (a snapshot handed in by the store)', () => {
  const known = [
    { surface: '阿賢', id: 'person:郭明賢', type: 'person' as const, name: '郭明賢' },
    { surface: 'Kuo Ming-hsien', id: 'person:郭明賢', type: 'person' as const, name: '郭明賢' },
  ];

  test('a known Chinese form resolves to its entity; without the snapshot it is not found', () => {
    expect(people(extract(article(['阿賢今天在球場練習打擊。'])))).toEqual([]);
    const x = extract(article(['阿賢今天在球場練習打擊。']), { known });
    expect(x.entities.find((e) => e.id === 'person:郭明賢')).toBeDefined();
  });

  test('a known Latin form in English text wins over the English recognizers', () => {
    const en = { ...article(['Kuo Ming-hsien hit a two-run homer on Wednesday.'], 'Brothers win'), language: 'en' };
    expect(extract(en).entities.some((e) => e.id === 'person:郭明賢')).toBe(false);
    expect(extract(en, { known }).entities.some((e) => e.id === 'person:郭明賢')).toBe(true);
  });
});
