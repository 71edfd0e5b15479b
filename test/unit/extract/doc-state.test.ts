import { articleText } from '../../../src/domain/article-text';
import { DocState, splitSentences } from '../../../src/extract/doc';
import { normalizeText } from '../../../src/extract/normalize';

function docOf(title: string, paragraphs: string[]): DocState {
  const text = articleText({ title, paragraphs });
  const { chars, norm } = normalizeText(text);
  return new DocState(text, chars, norm, Array.from(title).length, splitSentences(chars), 'zh');
}

describe('DocState.headlineRepeat', () => {
  test('a headline taken from the lead sentence is found again at the start of the body', () => {
    const title = '市府今天宣布擴大補助';
    const doc = docOf(title, [`${title}，受惠家庭超過三千戶。`, '議員表示肯定。']);
    const { start, end } = doc.headlineRepeat;
    expect(end - start).toBe(title.length);
    expect(doc.surface(start, end)).toBe(title);
  });

  test("a page's own headline is not repeated in the body", () => {
    const doc = docOf('補助擴大 三千戶受惠', ['市府今天宣布擴大補助，受惠家庭超過三千戶。']);
    const { start, end } = doc.headlineRepeat;
    expect(end - start).toBe(0);
  });
});
