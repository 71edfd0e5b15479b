import type { Article, Extraction } from '../../../src/domain/types';
import { extract } from '../../../src/extract';

// every name below is invented for these tests, except a few office holders the lexicon knows
function en(paragraphs: string[], opts: { title?: string; captions?: string[] } = {}): Extraction {
  const a: Article = {
    id: 't',
    title: opts.title ?? 'News',
    paragraphs,
    captions: opts.captions ?? [],
    tags: [],
    related: [],
    authors: [],
    language: 'en',
  };
  return extract(a);
}

const of = (x: Extraction, type: string) => x.entities.filter((e) => e.type === type);
const names = (x: Extraction, type: string) => of(x, type).map((e) => e.name);
const byName = (x: Extraction, name: string) => x.entities.find((e) => e.name === name || e.aliases.includes(name));
const rel = (x: Extraction, type: string, from: string, to: string) =>
  x.relations.find((r) => r.type === type && r.from === from && r.to === to);

describe('English people: names, not titles, headings or fragments', () => {
  test('unknown names are found by given names, unknown words and speech cues', () => {
    const x = en([
      'Shipping analyst Margaret Quillan said freight rates would ease.',
      'Rates fell after Kovrin Dalbeck of Norway won the tender, Quillan added.',
    ]);
    expect(names(x, 'person')).toEqual(expect.arrayContaining(['Margaret Quillan', 'Kovrin Dalbeck']));
    // the surname alone is the same person
    expect(x.mentions.find((m) => m.entityId === byName(x, 'Margaret Quillan')!.id)!.count).toBe(2);
  });

  test('a film title in quotes, a title-case heading and common words are no people', () => {
    const x = en(
      [
        'Storm Warning Issued For Eastern Coast',
        'The film "Silent Harbor Nights" opened on Friday, and director Anka Melbrook said she was delighted.',
        'Opposition Lawmakers walked out before the vote.',
      ],
      { title: 'Festival Opens With Local Premiere' },
    );
    expect(names(x, 'person')).toEqual(['Anka Melbrook']);
    expect(x.entities.some((e) => /Silent Harbor/.test(e.name))).toBe(false);
  });

  test('a person named only under a photo is a mention, with the caption as evidence of the role', () => {
    const x = en(['The Harbor Lions won the final on Sunday.'], {
      captions: ['Players of the Harbor Lions throw manager Teodor Valmsky in the air after the final.'],
    });
    const p = byName(x, 'Teodor Valmsky');
    expect(p?.type).toBe('person');
    expect(x.mentions.find((m) => m.entityId === p!.id)?.firstOffset).toBe(-1);
  });
});

describe('English countries: possessives and adjectives, not languages', () => {
  test("Japan's and Japanese count as Japan; a list of languages does not", () => {
    const x = en([
      "Japan's exports rose, and Japanese carmakers led the gains.",
      'The notice was printed in English, Japanese and Spanish.',
    ]);
    const jp = x.mentions.find((m) => m.entityId === 'country:JP');
    expect(jp?.count).toBe(2);
    expect(x.entities.some((e) => e.id === 'country:ES')).toBe(false);
  });

  test('a capital acting for its government is the country; a capital as a place stays a place', () => {
    const acting = en(['Beijing said the drills were routine.', 'Officials in Taipei disagreed.']);
    expect(acting.entities.some((e) => e.id === 'country:CN')).toBe(true);
    expect(acting.entities.some((e) => e.type === 'place' && e.en === 'Beijing')).toBe(false);
    const place = en(['The delegation arrived in Beijing on Monday.']);
    expect(place.entities.some((e) => e.type === 'place' && e.en === 'Beijing')).toBe(true);
  });
});

describe('English organizations by heads, appositions and the country they belong to', () => {
  test('an organization described by an apposition or a descriptor noun', () => {
    const x = en([
      "Velquor, Taiwan's largest maker of industrial sensors, said orders doubled.",
      'Analysts said chipmaker Drennacore would follow.',
    ]);
    const v = byName(x, 'Velquor');
    expect(v?.type).toBe('organization');
    expect(v?.kind).toBe('company');
    expect(byName(x, 'Drennacore')?.type).toBe('organization');
  });

  test("Japan's foreign ministry is not Taiwan's 外交部, however it is written", () => {
    const forms = [
      "Japan's foreign ministry protested.",
      'The Ministry of Foreign Affairs of Japan protested.',
      'The Japanese Foreign Ministry protested.',
    ];
    for (const f of forms) {
      const x = en([f]);
      const orgs = of(x, 'organization').map((e) => e.id);
      expect(orgs).toContain('org:日本外務省');
      expect(orgs).not.toContain('org:外交部');
      expect(x.entities.some((e) => e.id === 'country:JP')).toBe(true);
    }
    expect(of(en(["Taiwan's Ministry of Foreign Affairs thanked its allies."]), 'organization').map((e) => e.id)).toContain('org:外交部');
  });

  test("a ministry the lexicon lacks gets an id made of its country's and its own Chinese names", () => {
    const x = en(["Norway's defense ministry confirmed the purchase."]);
    const org = of(x, 'organization')[0];
    expect(org.id).toMatch(/^org:.+國防部$/);
    expect(org.id).toBe(`org:${x.entities.find((e) => e.id === 'country:NO')!.aliases.find((a) => /[\u4e00-\u9fff]/.test(a)) ?? ''}國防部`);
  });

  test('the short form of a known unit keeps the lexicon id when its parent is named (shared with Chinese articles)', () => {
    const x = en([
      'Lawmakers met in the Legislative Yuan on Tuesday.',
      'During a meeting of the Procedure Committee, the bill was blocked.',
    ]);
    expect(of(x, 'organization').map((e) => e.id)).toEqual(expect.arrayContaining(['org:立法院', 'org:立法院程序委員會']));
    // without the parent, the same words are a body of their own
    expect(of(en(['During a meeting of the Procedure Committee, the bill was blocked.']), 'organization').map((e) => e.id)).toEqual([
      'org:Procedure Committee',
    ]);
  });

  test('a comma, a weekday or a title ends an organization name', () => {
    const x = en(['During a meeting of the Budget Committee on Tuesday, the Directorate of Grain Policy Director Ilse Harven spoke.']);
    expect(names(x, 'organization')).toEqual(expect.arrayContaining(['Budget Committee', 'Directorate of Grain Policy']));
    expect(names(x, 'person')).toContain('Ilse Harven');
  });
});

describe('English relations: title + name, appositions, members', () => {
  test('"X CEO Y" and "Y, chairman of X" hold a role at X; the evidence is the sentence that states it', () => {
    const x = en([
      'Markets were calm on Monday.',
      'Velquor CEO Pell Varnado told reporters the plant would open next year.',
      'Tova Reinholt, chairman of Velquor, declined to comment.',
    ]);
    const org = byName(x, 'Velquor')!;
    const ceo = rel(x, 'HOLDS_ROLE', byName(x, 'Pell Varnado')!.id, org.id);
    expect(ceo?.title).toBe('CEO');
    expect(ceo?.evidence).toBe('Velquor CEO Pell Varnado told reporters the plant would open next year.');
    const chair = rel(x, 'HOLDS_ROLE', byName(x, 'Tova Reinholt')!.id, org.id);
    expect(chair?.title).toBe('chairman');
    expect(chair?.evidence).toMatch(/^Tova Reinholt, chairman of Velquor/);
  });

  test("a head-of-state title without a country points at the person's country; a demonym before it names the country", () => {
    const x = en([
      'Taiwan hosted the talks.',
      'President Lai Ching-te met Japanese Prime Minister Sanae Takaichi in Taipei.',
      'Foreign Minister Lin Chia-lung joined them.',
    ]);
    expect(rel(x, 'HOLDS_ROLE', 'person:賴清德', 'country:TW')?.title).toBe('President');
    expect(rel(x, 'HOLDS_ROLE', 'person:高市早苗', 'country:JP')?.title).toBe('Prime Minister');
    expect(rel(x, 'HOLDS_ROLE', 'person:林佳龍', 'country:TW')?.title).toBe('Foreign Minister');
    // the English name shares its id with Chinese articles
    expect(x.entities.find((e) => e.id === 'person:林佳龍')?.aliases).toContain('林佳龍');
  });

  test('party and team membership: "<party> Legislator Y", "Y of the <team>", "<team> pitcher Y"', () => {
    const x = en([
      'Democratic Progressive Party Legislator Wen Hollis questioned the minister.',
      'Dirk Ravell of the New York Yankees hit two home runs, and Yankees pitcher Anso Brede struck out nine.',
    ]);
    const dpp = 'org:民主進步黨';
    const yankees = 'org:紐約洋基';
    expect(rel(x, 'MEMBER_OF', byName(x, 'Wen Hollis')!.id, dpp)).toBeDefined();
    expect(rel(x, 'MEMBER_OF', byName(x, 'Dirk Ravell')!.id, yankees)).toBeDefined();
    expect(rel(x, 'MEMBER_OF', byName(x, 'Anso Brede')!.id, yankees)).toBeDefined();
    expect(rel(x, 'HOLDS_ROLE', byName(x, 'Anso Brede')!.id, yankees)).toBeUndefined();
  });

  test('"Title Y of the <body>" holds the role at the body named after the name', () => {
    const x = en(['Prosecutor Kelvin Ashdown of the Taipei District Prosecutors Office said he would appeal.']);
    const body = of(x, 'organization').find(
      (e) => /Prosecutors Office/.test(e.name) || e.aliases.some((a) => /Prosecutors Office/.test(a)),
    )!;
    expect(rel(x, 'HOLDS_ROLE', byName(x, 'Kelvin Ashdown')!.id, body.id)?.title).toBe('Prosecutor');
  });

  test('places by grammar and their chains: "at X in Y", "in Y, <country>"', () => {
    const x = en(['The final was played at Vornell Arena in Kastrup-Lien, Norway, on Sunday.']);
    const arena = byName(x, 'Vornell Arena')!;
    const town = byName(x, 'Kastrup-Lien')!;
    expect(arena.type).toBe('place');
    expect(town.type).toBe('place');
    expect(rel(x, 'LOCATED_IN', town.id, 'country:NO')).toBeDefined();
  });
});
