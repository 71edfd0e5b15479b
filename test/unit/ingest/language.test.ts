import { detectLanguage } from '../../../src/ingest';
import { scriptSets } from '../../../src/ingest/language';

describe('detectLanguage', () => {
  it('tells Traditional from Simplified Chinese', () => {
    expect(detectLanguage('總統今天出席國際會議，強調經濟發展與國家安全同樣重要。')).toBe('zh-Hant');
    expect(detectLanguage('总统今天出席国际会议，强调经济发展与国家安全同样重要。')).toBe('zh-Hans');
  });

  it('treats 台 as neutral, since Taiwanese Traditional text uses it too', () => {
    expect(scriptSets.simplifiedOnly.has('台')).toBe(false);
    expect(detectLanguage('台北市政府今天宣布這項交通政策。')).toBe('zh-Hant');
    expect(detectLanguage('台北市政府今天宣布新的交通政策。')).toBe('zh');
  });

  it('detects English even with Chinese names in brackets', () => {
    expect(detectLanguage('Foreign Minister Lin Chia-lung (林佳龍) said on Tuesday that Taiwan would deepen ties with Europe.')).toBe('en');
  });

  it('keeps Chinese text with a few English acronyms Chinese', () => {
    expect(detectLanguage('台積電今天舉行法說會，AI需求強勁，ADR大漲。')).toBe('zh-Hant');
  });

  it('returns und for text without letters', () => {
    expect(detectLanguage('12345 !!! ---')).toBe('und');
  });

  it('has aligned, disjoint script sets', () => {
    for (const c of scriptSets.traditionalOnly) expect(scriptSets.simplifiedOnly.has(c)).toBe(false);
    expect(scriptSets.traditionalOnly.size).toBeGreaterThan(100);
  });
});
