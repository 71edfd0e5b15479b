import { ANOTHER_REPORT, REPORT, REPORT_COPY } from '../../fixtures/english-reports';
import {
  DUPLICATE_MIN_CONTAINMENT,
  bandAt,
  bandBound,
  bandKeys,
  containment,
  foldText,
  isUnspaced,
  trigrams,
} from '../../../src/store/fingerprint';

const WIRE =
  '行政院今天通過能源轉型方案，將在未來五年內提高再生能源占比，並強化電網韌性。經濟部表示，方案包括離岸風電、太陽光電與儲能設備的投資，' +
  '預計帶動數千億元產值。環境部也說，將同步檢討排碳費率，協助產業減碳。';
const OTHER =
  '立法院今天審查國防預算，國民黨立委質疑採購進度落後，國防部長回應將加快交運。民進黨團則要求盡速付委，朝野協商仍無共識，預算案再度卡關。';

const sharesBand = (a: string[], b: string[]): boolean => a.some((k, i) => k === b[i]);

describe('near-duplicate fingerprints', () => {
  it('gives a republished copy a shared band and a containment above the threshold', () => {
    const copy = `${WIRE.replace('協助產業減碳。', '協助產業減碳轉型。')}（中央社）`;
    expect(sharesBand(bandKeys(WIRE)!, bandKeys(copy)!)).toBe(true);
    expect(containment(trigrams(WIRE), trigrams(copy))).toBeGreaterThanOrEqual(DUPLICATE_MIN_CONTAINMENT);
  });

  it('counts a trimmed copy (first paragraphs only) as contained', () => {
    const trimmed = WIRE.slice(0, 70);
    expect(containment(trigrams(WIRE), trigrams(trimmed))).toBeGreaterThanOrEqual(DUPLICATE_MIN_CONTAINMENT);
  });

  it('keeps a different story apart', () => {
    expect(containment(trigrams(WIRE), trigrams(OTHER))).toBeLessThan(0.2);
  });

  it('is deterministic and gives no keys to texts too short to compare', () => {
    expect(bandKeys(WIRE)).toEqual(bandKeys(WIRE));
    expect(bandKeys(WIRE)).toHaveLength(8);
    expect(bandKeys('短訊。')).toBeNull();
  });

  it('shingles Chinese by character, as before', () => {
    const chars = Array.from(foldText(WIRE));
    expect(isUnspaced(WIRE)).toBe(true);
    expect(trigrams(WIRE)).toEqual(new Set(chars.slice(0, -2).map((c, i) => c + chars[i + 1] + chars[i + 2])));
  });

  it('shingles English by word, so two reports in the same vocabulary are not copies', () => {
    expect(isUnspaced(REPORT)).toBe(false);
    expect(trigrams(REPORT).has('the harbour budget')).toBe(true);
    expect(containment(trigrams(REPORT), trigrams(ANOTHER_REPORT))).toBeLessThan(0.3);
    expect(sharesBand(bandKeys(REPORT)!, bandKeys(ANOTHER_REPORT)!)).toBe(false);
  });

  it('still finds an English wire copy with a dateline, an edited phrase and an added sentence', () => {
    expect(sharesBand(bandKeys(REPORT)!, bandKeys(REPORT_COPY)!)).toBe(true);
    expect(containment(trigrams(REPORT), trigrams(REPORT_COPY))).toBeGreaterThanOrEqual(DUPLICATE_MIN_CONTAINMENT);
  });

  it('orders band seeks by publication, undated articles as the oldest, and bounds them at the day after next', () => {
    expect(bandAt(true, '2025-10-04T09:00:00+08:00')).toBe('2025-10-04T09:00:00+08:00');
    expect(bandAt(true, undefined)).toBe('');
    expect(bandAt(false, '2025-10-04')).toBeNull();
    // every publishedAt of the day after still compares below the bound, none of the day after that
    const bound = bandBound('2025-12-30T23:30:00+08:00');
    expect(bound).toBe('2026-01-01');
    expect('2025-12-31T23:59:59Z' < bound).toBe(true);
    expect('2026-01-01' < bound).toBe(false);
    expect(bandBound('2024-02-28')).toBe('2024-03-01');
    // an undated article has no bound: every dated and undated article is below it
    expect('9999-12-31' < bandBound(undefined)).toBe(true);
    expect('' < bandBound(null)).toBe(true);
  });
});
