import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { LineIndex } from '../../server/src/core/text/lineIndex';

describe('LineIndex', () => {
  it('maps offsets to lines and UTF-16 characters with \\n, \\r\\n and \\r line ends', () => {
    const text = 'ab\ncd\r\nef\rgh';
    const index = new LineIndex(text);
    assert.equal(index.lineCount, 4);
    const expected: Array<[number, number, number]> = [[0, 0, 0], [2, 0, 2], [3, 1, 0], [5, 1, 2], [7, 2, 0], [9, 2, 2], [10, 3, 0], [12, 3, 2]];
    for (const [offset, line, character] of expected) assert.deepEqual(index.positionAt(offset), { line, character }, `offset ${offset}`);
  });

  it('round-trips every offset that is not inside a CRLF', () => {
    const text = 'Émile 🎉\r\nNorth Korea\n\n🇰🇵 flag\rlast';
    const index = new LineIndex(text);
    for (let offset = 0; offset <= text.length; offset++) {
      if (text[offset - 1] === '\r' && text[offset] === '\n') continue;
      assert.equal(index.offsetAt(index.positionAt(offset)), offset, `offset ${offset}`);
    }
  });

  it('counts characters in UTF-16 code units', () => {
    const index = new LineIndex('🎉 2019');
    assert.deepEqual(index.positionAt(3), { line: 0, character: 3 });
  });

  it('clamps out-of-range positions and offsets', () => {
    const text = 'one\ntwo\n';
    const index = new LineIndex(text);
    assert.deepEqual(index.positionAt(-5), { line: 0, character: 0 });
    assert.deepEqual(index.positionAt(100), { line: 2, character: 0 });
    assert.equal(index.offsetAt({ line: 0, character: 99 }), 3, 'past the end of a line stays before its terminator');
    assert.equal(index.offsetAt({ line: -1, character: 0 }), 0);
    assert.equal(index.offsetAt({ line: 9, character: 0 }), text.length);
  });
});
