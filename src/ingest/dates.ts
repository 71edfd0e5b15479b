/** Publication dates as they appear on news pages, turned into ISO dates. */

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const pad = (n: number): string => String(n).padStart(2, '0');

export function isoDate(options: { year: number; month: number; day: number }): string | undefined {
  const { year, month, day } = options;
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const TIME = String.raw`(?:\s*[T ]?\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*(?:\([A-Z]{2,4}\)|[A-Z]{2,4}|[+-]\d{2}:?\d{2}|Z))?)?`;
const LEAD = String.raw`^(?:date|published|updated|posted|發布時間|發佈時間|更新時間|日期|時間)?\s*[:：]?\s*`;
// Trailing words a date line may carry: the udn "快訊" badge, a weekday, an "updated" stamp.
const TRAIL = String.raw`(?:\s*(?:快訊|最新|\((?:週|星期)[一二三四五六日天]\)|（(?:週|星期)[一二三四五六日天]）|(?:週|星期)[一二三四五六日天]|Last Updated.*|Updated.*))?\s*$`;

const PATTERNS: ReadonlyArray<{ re: RegExp; pick: (m: RegExpExecArray) => { year: number; month: number; day: number } }> = [
  {
    re: new RegExp(`${LEAD}(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})${TIME}${TRAIL}`, 'i'),
    pick: (m) => ({ year: +m[1], month: +m[2], day: +m[3] }),
  },
  {
    re: new RegExp(`${LEAD}(\\d{4})年(\\d{1,2})月(\\d{1,2})日${TIME}${TRAIL}`, 'i'),
    pick: (m) => ({ year: +m[1], month: +m[2], day: +m[3] }),
  },
  {
    // US order, as Focus Taiwan prints it: 12/30/2025 04:33 PM
    re: new RegExp(`${LEAD}(\\d{1,2})/(\\d{1,2})/(\\d{4})${TIME}${TRAIL}`, 'i'),
    pick: (m) => ({ year: +m[3], month: +m[1], day: +m[2] }),
  },
  {
    re: new RegExp(
      `${LEAD}(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\\s+)?(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})${TIME}${TRAIL}`,
      'i',
    ),
    pick: (m) => ({ year: +m[3], month: MONTHS[m[1].toLowerCase()], day: +m[2] }),
  },
  {
    re: new RegExp(
      `${LEAD}(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\\s+)?(\\d{1,2})\\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\\.?,?\\s+(\\d{4})${TIME}${TRAIL}`,
      'i',
    ),
    pick: (m) => ({ year: +m[3], month: MONTHS[m[2].toLowerCase()], day: +m[1] }),
  },
];

/** When the whole line is a publication date (optionally with time and a badge), its ISO date. */
export function parseDateLine(line: string): string | undefined {
  const t = line.trim();
  if (t.length > 80) return undefined;
  for (const { re, pick } of PATTERNS) {
    const m = re.exec(t);
    if (m) return isoDate(pick(m));
  }
  return undefined;
}

/** A date given in a header or metadata: ISO strings are kept (date-times too), other forms parsed. */
export function normalizeDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const v = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(v);
  if (iso) {
    const day = isoDate({ year: +iso[1], month: +iso[2], day: +iso[3] });
    return day ? `${day}${iso[4] ?? ''}` : undefined;
  }
  const line = parseDateLine(v);
  if (line) return line;
  const parsed = Date.parse(v);
  if (!Number.isNaN(parsed)) return new Date(parsed).toISOString();
  return undefined;
}

/** Dates that news URLs carry: /2025/11/12/, /20251110/, focustaiwan's 202512300017. */
export function dateFromUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const slashed = /\/(20\d{2})\/(\d{2})\/(\d{2})(?:\/|$)/.exec(url);
  if (slashed) return isoDate({ year: +slashed[1], month: +slashed[2], day: +slashed[3] });
  const compact = /\/(20\d{2})(\d{2})(\d{2})(?:\d{4})?(?:\/|\.|$)/.exec(url);
  if (compact) return isoDate({ year: +compact[1], month: +compact[2], day: +compact[3] });
  return undefined;
}
