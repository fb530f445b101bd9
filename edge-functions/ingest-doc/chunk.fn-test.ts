import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chunkText } from './chunk';

const sentence = (i: number) =>
  `Store ${i} sold ${i * 7} packs of noodles on a rainy Tuesday. `;
const paragraph = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => sentence(from + i))
    .join('')
    .trim();

/** Every chunk is a piece of the text, in order, and together they cover all of it. */
function assertCovers(text: string, chunks: string[]) {
  const words = text.split(/\s+/).filter(Boolean);
  const seen = chunks.flatMap(c => c.split(/\s+/));
  for (const word of words) assert.ok(seen.includes(word), `missing "${word}"`);
  let from = 0;
  for (const chunk of chunks) {
    const at = text.indexOf(chunk, from);
    assert.ok(
      at >= 0,
      `not a piece of the text, in order: "${chunk.slice(0, 40)}..."`,
    );
    from = at + 1;
  }
}

describe('chunkText', () => {
  it('keeps a short text whole, trimmed, and gives nothing for blank text', () => {
    assert.deepEqual(chunkText('  Hello, store.  \n'), ['Hello, store.']);
    assert.deepEqual(chunkText(''), []);
    assert.deepEqual(chunkText(' \n\r\n\t '), []);
  });

  it('cuts long text into ~1,000-character chunks that overlap by about 150', () => {
    const text = paragraph(0, 60);
    const chunks = chunkText(text);
    assert.ok(chunks.length >= 4, String(chunks.length));
    for (const chunk of chunks)
      assert.ok(chunk.length <= 1000 && chunk.length > 0);
    for (const chunk of chunks.slice(0, -1))
      assert.ok(chunk.length >= 500, String(chunk.length));
    for (let i = 1; i < chunks.length; i++) {
      const head = chunks[i].slice(0, 60);
      assert.ok(
        chunks[i - 1].includes(head),
        `chunk ${i} does not start inside chunk ${i - 1}`,
      );
      const tail = chunks[i - 1].slice(-300);
      assert.ok(
        tail.indexOf(head) >= 300 - 170,
        'overlap much longer than 150',
      );
    }
    assertCovers(text, chunks);
  });

  it('prefers paragraph, then sentence, then word boundaries', () => {
    const paragraphs = `${paragraph(0, 12)}\n\n${paragraph(100, 12)}`;
    assert.ok(
      chunkText(paragraphs)[0].endsWith(sentence(11).trim()),
      'cut at the blank line',
    );
    const sentences = chunkText(paragraph(0, 30));
    for (const chunk of sentences.slice(0, -1))
      assert.ok(chunk.endsWith('Tuesday.'), chunk.slice(-30));
    const words = chunkText('lorem ipsum '.repeat(200));
    for (const chunk of words)
      assert.match(chunk, /^(lorem|ipsum)( (lorem|ipsum))*$/);
  });

  it('reads CRLF as LF, so Windows and Unix files chunk alike', () => {
    const unix = `# Runbook\n\n${paragraph(
      0,
      12,
    )}\n\n- step one\n- step two\n\n${paragraph(50, 12)}`;
    const windows = unix.replace(/\n/g, '\r\n');
    assert.deepEqual(chunkText(windows), chunkText(unix));
    assert.ok(chunkText(windows).every(c => !c.includes('\r')));
  });

  it('keeps Markdown blocks together when they fit', () => {
    const table = '| store | sales |\n|---|---|\n| ST-1 | 10 |\n| ST-2 | 20 |';
    const md = `## Sales\n\n${paragraph(0, 10)}\n\n${table}\n\n${paragraph(
      20,
      10,
    )}`;
    assert.ok(chunkText(md).some(c => c.includes(table)));
  });

  it('cuts a word longer than a chunk, without splitting a surrogate pair', () => {
    const long = 'x'.repeat(2500);
    const chunks = chunkText(`before ${long} after`);
    assert.ok(chunks.every(c => c.length > 0 && c.length <= 1000));
    assert.equal(chunks.join('').replace(/[^x]/g, '').length >= 2500, true);
    const emoji = '😀'.repeat(1200); // 2,400 UTF-16 units, no spaces
    for (const chunk of chunkText(emoji)) {
      assert.ok(
        !/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(chunk),
        'split surrogate pair',
      );
    }
  });

  it('is deterministic and handles a document at the size limit quickly', () => {
    const text = paragraph(0, 16_000).slice(0, 1_000_000);
    const started = Date.now();
    const chunks = chunkText(text);
    assert.ok(Date.now() - started < 2000, `${Date.now() - started} ms`);
    assert.deepEqual(chunkText(text), chunks);
    assert.ok(
      chunks.length > 1000 && chunks.length < 1400,
      String(chunks.length),
    );
  });
});
