import { DateResolver, DateTimeResolver } from 'graphql-scalars';
import { ArgsType, Field } from 'type-graphql';
import type { ReadStore } from '../store/executor';
import { storyQueries } from '../store';
import { badUserInput } from './errors';
import { PeriodEnum, RelativeToEnum } from './types/story.type';

const DAYS: Record<PeriodEnum, number> = {
  [PeriodEnum.LAST_24_HOURS]: 1,
  [PeriodEnum.LAST_7_DAYS]: 7,
  [PeriodEnum.LAST_30_DAYS]: 30,
};

export const addDays = (iso: string, days: number): string =>
  new Date(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);

/**
 * The first day of the period of equal length just before [from, to] (what trending compares a
 * period with); a period with no end counts as 7 days.
 */
export function previousStart(from: string, to?: string): string {
  const days = to ? Math.round((Date.parse(to) - Date.parse(from)) / 86400000) + 1 : 7;
  return addDays(from, -days);
}

const isDate = (value: string): boolean => {
  try {
    DateResolver.parseValue(value);
    return true;
  } catch {
    return false;
  }
};

const isDateTime = (value: string): boolean => {
  try {
    DateTimeResolver.parseValue(value);
    return true;
  } catch {
    return false;
  }
};

/** A calendar-date argument (RFC 3339 full-date, checked by graphql-scalars' Date): 2025-10-21. */
export function checkDate(name: string, value: string | undefined | null): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isDate(value)) throw badUserInput(`"${name}" must be a date like 2025-10-21, got "${value}".`, name);
  return value;
}

/**
 * A date or a date-time (graphql-scalars' Date or DateTime) bounding a list of articles. A date as
 * the upper bound covers its whole day, whatever time of day an article carries.
 */
export function dateBound(name: string, value: string | undefined | null, side: 'from' | 'to'): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (isDate(value)) return side === 'to' ? endOfDay(value) : value;
  if (isDateTime(value)) return value;
  throw badUserInput(`${name} must be a date like 2025-10-21.`, name);
}

/** The days a period covers, ending on `end` (inclusive): LAST_7_DAYS ending 2025-11-07 is 11-01..11-07. */
export function periodDates(period: PeriodEnum, end: string): { from: string; to: string } {
  return { from: addDays(end, -(DAYS[period] - 1)), to: end.slice(0, 10) };
}

/**
 * Resolves a date range from explicit dates or a relative period. A period counts back from the
 * newest article in the graph (an archive keeps a "last 7 days") or from the clock.
 */
export async function resolveRange(
  store: ReadStore,
  options: {
    from?: string | null;
    to?: string | null;
    period?: PeriodEnum | null;
    relativeTo?: RelativeToEnum | null;
    names?: { from: string; to: string };
  },
  now: () => Date = () => new Date(),
): Promise<{ from?: string; to?: string }> {
  const names = options.names ?? { from: 'from', to: 'to' };
  const from = checkDate(names.from, options.from);
  const to = checkDate(names.to, options.to);
  if (!options.period) {
    if (from && to && to < from) throw badUserInput(`"${names.to}" must not be before "${names.from}".`, names.to);
    return { from, to };
  }
  if (from || to) throw badUserInput(`Pass either "period" or "${names.from}"/"${names.to}", not both.`, 'period');
  let end = now().toISOString().slice(0, 10);
  if ((options.relativeTo ?? RelativeToEnum.NEWEST_ARTICLE) === RelativeToEnum.NEWEST_ARTICLE) {
    const [row] = await store.read(storyQueries.newestPublished());
    if (row?.newest) end = String(row.newest).slice(0, 10);
  }
  return periodDates(options.period, end);
}

/** `to` is inclusive: a whole day, whatever time of day an article carries. */
export const endOfDay = (to: string | undefined): string | undefined => (to ? `${to}T23:59:59.999Z` : undefined);

/** The arguments `dateWindowArgs` gives a field. */
export interface DateWindow {
  from?: string;
  to?: string;
  period?: PeriodEnum;
  relativeTo?: RelativeToEnum;
  includeDuplicates: boolean;
}

/**
 * The date window of a graph query as one set of arguments: `from`/`to`, or a `period` counted
 * back from `relativeTo` (both resolved by `resolveRange`), and whether near-duplicate copies
 * count. Each field words its own `from`/`to` (the first day of a trend, the first mention of a
 * timeline), so the class is made per field, with those two descriptions.
 */
export function dateWindowArgs(dates: { from: string; to: string }) {
  @ArgsType()
  class DateWindowArgs implements DateWindow {
    @Field({ nullable: true, description: dates.from })
    from?: string;

    @Field({ nullable: true, description: dates.to })
    to?: string;

    @Field(() => PeriodEnum, { nullable: true, description: 'Instead of from/to: a period counted back from `relativeTo`.' })
    period?: PeriodEnum;

    @Field(() => RelativeToEnum, { nullable: true, description: 'What `period` counts back from (default NEWEST_ARTICLE).' })
    relativeTo?: RelativeToEnum;

    @Field(() => Boolean, { defaultValue: false, description: 'Count near-duplicate copies as articles of their own.' })
    includeDuplicates!: boolean;
  }
  return DateWindowArgs;
}
