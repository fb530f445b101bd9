import fc from 'fast-check';
import {
  documentSchema,
  MAX_DOCUMENT_CHARS,
  MAX_METADATA_ENTRIES,
  MAX_METADATA_KEY_CHARS,
  MAX_METADATA_VALUE_CHARS,
  MAX_SOURCE_CHARS,
  MAX_TITLE_CHARS,
} from './document.ts';
import { isPostgresText } from './text.ts';

const valid = {
  document_id: 'runbook-ingest-001',
  title: 'Ingest runbook',
  content: 'When a batch is rejected, read the problems list.',
};

const paths = (input: unknown): string[] => {
  const result = documentSchema.safeParse(input);
  if (result.success) return [];
  // An unknown key is reported on its object, with the key in `keys`.
  return result.error.issues.flatMap(i =>
    i.code === 'unrecognized_keys'
      ? i.keys.map(k => [...i.path, k].join('.'))
      : [i.path.join('.')],
  );
};
const entries = (n: number, value = 'v') =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, value]));

describe('documentSchema', () => {
  it('accepts a document with optional source and metadata', () => {
    expect(documentSchema.safeParse(valid).success).toBe(true);
    expect(
      documentSchema.safeParse({
        ...valid,
        source: 'docs/runbook.md',
        metadata: { team: 'data-eng' },
      }).success,
    ).toBe(true);
  });

  it('accepts content up to the limit and no further', () => {
    expect(
      documentSchema.safeParse({
        ...valid,
        content: 'x'.repeat(MAX_DOCUMENT_CHARS),
      }).success,
    ).toBe(true);
    expect(
      documentSchema.safeParse({
        ...valid,
        content: 'x'.repeat(MAX_DOCUMENT_CHARS + 1),
      }).success,
    ).toBe(false);
  });

  it.each([
    ['a 500-character title', { title: 't'.repeat(MAX_TITLE_CHARS) }],
    ['a 2048-character source', { source: 's'.repeat(MAX_SOURCE_CHARS) }],
    ['50 metadata entries', { metadata: entries(MAX_METADATA_ENTRIES) }],
    [
      'a 64-character key and a 1000-character value',
      {
        metadata: {
          ['k'.repeat(MAX_METADATA_KEY_CHARS)]: 'v'.repeat(
            MAX_METADATA_VALUE_CHARS,
          ),
        },
      },
    ],
    [
      'astral characters, combining and RTL marks',
      { title: '🛒 Pe\u0301rez \u200fمتجر' },
    ],
    ['an empty metadata value', { metadata: { note: '' } }],
    [
      'U+FEFF inside a title, and leading in content and metadata',
      {
        title: 'a\ufeff',
        content: '\ufeffText',
        metadata: { '\ufeff': '\ufeff' },
      },
    ],
    ['a "constructor" key', { metadata: { constructor: 'x', toString: 'y' } }],
  ])('accepts %s', (_, overrides) => {
    expect(paths({ ...valid, ...overrides })).toEqual([]);
  });

  it.each([
    ['a 501-character title', { title: 't'.repeat(501) }, 'title'],
    ['empty content', { content: '' }, 'content'],
    [
      'a non-string metadata value',
      { metadata: { pages: 3 } },
      'metadata.pages',
    ],
    ['51 metadata entries', { metadata: entries(51) }, 'metadata'],
    ['an unknown key', { embedding: [0.1] }, 'embedding'],
    ['an id with spaces', { document_id: 'my doc' }, 'document_id'],
    ['a 2049-character source', { source: 's'.repeat(2049) }, 'source'],
    [
      'a 65-character key',
      { metadata: { ['k'.repeat(65)]: 'v' } },
      `metadata.${'k'.repeat(65)}`,
    ],
    [
      'a 1001-character value',
      { metadata: { k: 'v'.repeat(1001) } },
      'metadata.k',
    ],
    ['an empty key', { metadata: { '': 'v' } }, 'metadata.'],
    ['NUL in the content', { content: 'a\u0000b' }, 'content'],
    ['NUL in the title', { title: 'a\u0000' }, 'title'],
    ['NUL in the source', { source: '\u0000' }, 'source'],
    ['NUL in a metadata value', { metadata: { k: '\u0000' } }, 'metadata.k'],
    [
      'NUL in a metadata key',
      { metadata: { 'k\u0000': 'v' } },
      'metadata.k\u0000',
    ],
    [
      'a lone surrogate in metadata',
      { metadata: { k: 'x\udc00y' } },
      'metadata.k',
    ],
    ['a lone surrogate in the content', { content: 'x\ud800' }, 'content'],
    [
      'a lone surrogate in a key',
      { metadata: { '\udc00': 'v' } },
      'metadata.\udc00',
    ],
    ['a title starting with U+FEFF', { title: '\ufeffTitle' }, 'title'],
    ['a source starting with U+FEFF', { source: '\ufeffa.md' }, 'source'],
    [
      'a "__proto__" metadata key',
      { metadata: JSON.parse('{"__proto__":"x"}') },
      'metadata.__proto__',
    ],
  ])('refuses %s, naming the path', (_, overrides, path) => {
    expect(paths({ ...valid, ...overrides })).toContain(path);
  });
});

// Parts of strings around every edge PostgreSQL text and jsonb have.
const part = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 5 }) },
  fc.constantFrom(
    '\u0000',
    '\ud800',
    '\udc00',
    '😀',
    'e\u0301',
    '\u200f',
    '\ufeff',
    ' ',
    '\n',
  ),
);
const text = (maxParts: number) =>
  fc.array(part, { maxLength: maxParts }).map(p => p.join(''));
const atLimit = (limit: number) =>
  fc.constantFrom(limit - 1, limit, limit + 1).map(n => 'x'.repeat(n));

const documentInput = fc.record(
  {
    document_id: fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9._-]{1,64}$/),
      fc.constantFrom('', '.', '-', 'a'.repeat(64), 'a'.repeat(65), 'a b', 'é'),
    ),
    title: fc.oneof(text(6), atLimit(MAX_TITLE_CHARS)),
    content: fc.oneof(text(10), fc.constantFrom(' ', '\n\t')),
    source: fc.oneof(text(4), atLimit(MAX_SOURCE_CHARS)),
    metadata: fc.oneof(
      fc.dictionary(
        fc.oneof(
          text(3),
          atLimit(MAX_METADATA_KEY_CHARS),
          fc.constant('__proto__'),
        ),
        fc.oneof(text(3), atLimit(MAX_METADATA_VALUE_CHARS)),
        { maxKeys: 52 },
      ),
    ),
  },
  { requiredKeys: ['document_id', 'title', 'content'] },
);

/** The rules, stated apart from zod, that make a document storable. */
function storable(doc: Record<string, unknown>): boolean {
  const str = (v: unknown, min: number, max: number) =>
    typeof v === 'string' &&
    isPostgresText(v) &&
    [...v].length >= min &&
    [...v].length <= max;
  const meta = (doc.metadata ?? {}) as Record<string, unknown>;
  const column = (v: unknown, max: number) =>
    str(v, 1, max) && !(v as string).startsWith('\ufeff');
  return (
    /^[A-Za-z0-9._-]{1,64}$/.test(doc.document_id as string) &&
    column(doc.title, MAX_TITLE_CHARS) &&
    str(doc.content, 1, MAX_DOCUMENT_CHARS) &&
    (doc.source === undefined || column(doc.source, MAX_SOURCE_CHARS)) &&
    !Object.prototype.hasOwnProperty.call(meta, '__proto__') &&
    Object.keys(meta).length <= MAX_METADATA_ENTRIES &&
    Object.entries(meta).every(
      ([k, v]) =>
        str(k, 1, MAX_METADATA_KEY_CHARS) &&
        str(v, 0, MAX_METADATA_VALUE_CHARS),
    )
  );
}

describe('documentSchema, by property', () => {
  it('accepts exactly the storable documents and parses them to their input', () => {
    fc.assert(
      fc.property(documentInput, input => {
        // Through JSON, as a request body arrives: that makes "__proto__" an own key.
        const doc = JSON.parse(JSON.stringify(input));
        const result = documentSchema.safeParse(doc);
        // Accepted: parsed to exactly the input. Refused: every issue says why.
        expect(
          result.success
            ? result.data
            : result.error.issues.every(i => i.message.length > 0),
        ).toEqual(storable(doc) ? doc : true);
      }),
      { numRuns: 1000 },
    );
  });
});
