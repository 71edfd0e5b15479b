import 'reflect-metadata';
import * as path from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../../../src/config';
import { checkDate, dateBound, periodDates, previousStart } from '../../../src/api/period';
import { decodeCursor, encodeCursor, pageWindow, toConnection } from '../../../src/api/pagination';
import { bucketStarts } from '../../../src/api/resolvers/graph.resolver';
import { IntervalEnum } from '../../../src/api/types/graph.type';
import { PeriodEnum } from '../../../src/api/types/story.type';

describe('cursors', () => {
  it('round-trips offsets and refuses anything else, naming "after"', () => {
    for (const n of [0, 1, 99, 123456]) expect(decodeCursor(encodeCursor(n))).toBe(n);
    for (const bad of [
      '',
      'x',
      Buffer.from('o:-1').toString('base64url'),
      Buffer.from('o:1.5').toString('base64url'),
      Buffer.from('p:3').toString('base64url'),
    ]) {
      expect(() => decodeCursor(bad)).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', argumentName: 'after' } }));
    }
  });

  it('turns first/after into a window and a page into a connection', () => {
    expect(pageWindow(undefined, undefined)).toEqual({ skip: 0, limit: 20 });
    expect(pageWindow(5, encodeCursor(9))).toEqual({ skip: 10, limit: 5 });
    expect(() => pageWindow(101, null)).toThrow('"first" must be between 0 and 100, got 101.');
    const c = toConnection({ items: ['a', 'b'], totalCount: 5 }, { skip: 2 });
    expect(c.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: true, startCursor: encodeCursor(2), endCursor: encodeCursor(3) });
    expect(toConnection({ items: [], totalCount: 0 }, { skip: 0 }).pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: null,
      endCursor: null,
    });
  });
});

describe('bucketStarts', () => {
  it('lists every day, Monday-started week or first of month between two dates', () => {
    expect(bucketStarts(IntervalEnum.DAY, '2025-10-30', '2025-11-02')).toEqual(['2025-10-30', '2025-10-31', '2025-11-01', '2025-11-02']);
    // 2025-10-22 is a Wednesday: its week starts on Monday 10-20
    expect(bucketStarts(IntervalEnum.WEEK, '2025-10-22', '2025-11-03')).toEqual(['2025-10-20', '2025-10-27', '2025-11-03']);
    expect(bucketStarts(IntervalEnum.MONTH, '2025-11-15', '2026-01-01')).toEqual(['2025-11-01', '2025-12-01', '2026-01-01']);
    expect(bucketStarts(IntervalEnum.DAY, '2025-11-02', '2025-11-01')).toEqual([]);
  });
});

describe('date arguments', () => {
  it('checks calendar dates with graphql-scalars', () => {
    expect(checkDate('from', '2024-02-29')).toBe('2024-02-29');
    expect(checkDate('from', undefined)).toBeUndefined();
    expect(() => checkDate('from', '2025-02-29')).toThrow('"from" must be a date like 2025-10-21, got "2025-02-29".');
    expect(() => checkDate('to', '2025-11-04T10:00:00Z')).toThrow(/"to" must be a date/);
  });

  it('makes a date as upper bound cover its whole day, and keeps timestamps', () => {
    expect(dateBound('filter.to', '2025-11-04', 'to')).toBe('2025-11-04T23:59:59.999Z');
    expect(dateBound('filter.from', '2025-11-04', 'from')).toBe('2025-11-04');
    expect(dateBound('filter.to', '2025-11-04T10:00:00+08:00', 'to')).toBe('2025-11-04T10:00:00+08:00');
    expect(dateBound('filter.to', '', 'to')).toBeUndefined();
    expect(() => dateBound('filter.to', '2025-11-31', 'to')).toThrow('filter.to must be a date like 2025-10-21.');
  });

  it('counts periods back from their last day, inclusive', () => {
    expect(periodDates(PeriodEnum.LAST_7_DAYS, '2025-11-07T12:00:00Z')).toEqual({ from: '2025-11-01', to: '2025-11-07' });
    expect(periodDates(PeriodEnum.LAST_24_HOURS, '2025-03-01')).toEqual({ from: '2025-03-01', to: '2025-03-01' });
  });

  it('starts the period trending compares with as many days before, or 7 for a period with no end', () => {
    expect(previousStart('2025-11-01', '2025-11-07')).toBe('2025-10-25');
    expect(previousStart('2025-03-01', '2025-03-01')).toBe('2025-02-28');
    expect(previousStart('2025-11-01')).toBe('2025-10-25');
  });
});

describe('loadConfig', () => {
  it('has defaults for an empty environment', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      neo4jUri: undefined,
      neo4jUser: 'neo4j',
      port: 4000,
      host: '0.0.0.0',
      embeddedPort: 7687,
      apiKeys: [],
      readOnly: false,
      corsOrigins: ['*'],
    });
    expect(c.embeddedDataDir).toBe(path.join(PROJECT_ROOT, '.data', 'neo4j'));
    expect(c.introspection).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).introspection).toBe(false);
  });

  it('reads lists, booleans and numbers, and names the variable it cannot read', () => {
    const c = loadConfig({
      NEWSGRAPH_API_KEY: 'a',
      NEWSGRAPH_API_KEYS: 'b:1, a ,',
      NEWSGRAPH_READ_ONLY: 'yes',
      PORT: '4221',
      NEWSGRAPH_CORS_ORIGINS: 'none',
    });
    expect(c).toMatchObject({ apiKeys: ['a', 'b:1'], readOnly: true, port: 4221, corsOrigins: [] });
    expect(() => loadConfig({ PORT: '-1' })).toThrow('PORT must be a non-negative integer, got "-1"');
    expect(() => loadConfig({ NEWSGRAPH_READ_ONLY: 'maybe' })).toThrow(/NEWSGRAPH_READ_ONLY must be true or false/);
    expect(() => loadConfig({ NEO4J_URI: 'http://x' })).toThrow(/NEO4J_URI must start with bolt:\/\//);
    expect(() => loadConfig({ NEWSGRAPH_CORS_ORIGINS: 'example.org' })).toThrow(/origins like https:\/\/example.org/);
  });
});
