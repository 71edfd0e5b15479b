import 'reflect-metadata';
import { getNullableType, isInterfaceType, isListType, isObjectType, parse, validate, type GraphQLSchema } from 'graphql';
import { createSchema } from '../../src/api/schema';
import { MAX_DEPTH, queryLimits } from '../../src/api/limits';

describe('query limits', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await createSchema();
  });
  const check = (query: string, variables: Record<string, unknown> = {}) =>
    validate(schema, parse(query), [queryLimits({ variables })]).map((e) => ({ message: e.message, ...e.extensions }));

  it('accepts an ordinary nested query', () => {
    expect(check('{ articles(first: 20) { nodes { title mentions { entity { name relations(first: 5) { type } } } } } }')).toEqual([]);
  });

  it('names the depth limit when a query nests too deeply', () => {
    let inner = 'id';
    for (let i = 0; i < 6; i++) inner = `relations(first: 1) { to { ${inner} } }`;
    const errors = check(`{ entity(id: "x") { ${inner} } }`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'depth', max: MAX_DEPTH });
    expect(errors[0].message).toMatch(/too deep/);
  });

  it('prices page sizes, including those passed as variables', () => {
    const query =
      'query($n: Int) { articles(first: $n) { nodes { mentions { entity { articles(first: $n) { nodes { mentions { count } } } } } } } }';
    expect(check(query, { n: 2 })).toEqual([]);
    const errors = check(query, { n: 100 });
    expect(errors[0]).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
    expect(errors[0].message).toMatch(/estimated cost \d+ exceeds/);
  });

  it('leaves out of the price what @skip and @include leave out of the answer', () => {
    const query =
      'query($skip: Boolean!) { articles(first: 100) @skip(if: $skip) { nodes { mentions { entity { articles(first: 100) { nodes { id } } } } } } }';
    expect(check(query, { skip: false })[0]).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
    expect(check(query, { skip: true })).toEqual([]);
  });

  it('has every paging field price itself with the complexity option (the default estimator ignores first and limit)', () => {
    const unpriced: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
      for (const field of Object.values(type.getFields())) {
        const pages = field.args.some((a) => a.name === 'first' || a.name === 'limit');
        const pageItems = /Connection$/.test(type.name) && isListType(getNullableType(field.type));
        if ((pages || pageItems) && field.extensions.complexity === undefined) unpriced.push(`${type.name}.${field.name}`);
      }
    }
    expect(unpriced).toEqual([]);
  });

  it('prices a page by the size written, else by its default, times its items', () => {
    const priced = (query: string) =>
      validate(schema, parse(query), [queryLimits({ maxCost: 1 })]).map((e) => e.extensions.value as number)[0];
    // a connection: 20 items unless `first` says otherwise, each its own cost plus one
    expect(priced('{ articles { nodes { title } } }')).toBe(20 * (1 + 2));
    expect(priced('{ articles(first: 3) { nodes { title } } }')).toBe(3 * (1 + 2));
    // a list with a size argument: 10 unless written; a list without one: 10
    expect(priced('{ entity(id: "x") { relations { type } } }')).toBe(1 + 10 * (1 + 1));
    expect(priced('{ entity(id: "x") { relations(first: 4) { evidence { sentence } } } }')).toBe(1 + 4 * (1 + 10 * (1 + 1)));
  });
});
