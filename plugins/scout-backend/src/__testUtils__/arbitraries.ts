import { FLOAT4_MAX } from '@internal/backstage-plugin-scout-common';
import fc from 'fast-check';

// Generators for documents.property.test.ts, around every edge of what
// scout.documents and scout.document_chunks hold (migrations/0006).

// float4 rounds from here up to Infinity: FLOAT4_MAX plus half a step.
const OVERFLOW = FLOAT4_MAX + 2 ** 103;

// Strings around every edge of text and jsonb: NUL, lone surrogates, astral
// characters, combining and bidi marks, BOM, CRLF, whitespace.
const safeEdge = fc.constantFrom(
  '😀',
  '\u{10ffff}',
  'e\u0301',
  '\u200f',
  '\u202e',
  '\ufeff',
  ' ',
  '\n',
  '\r\n',
  '\t',
  '.',
  'ß',
);
const faultEdge = fc.constantFrom('\u0000', '\ud800', '\udc00', '\udbff');
const part = fc.oneof(
  { weight: 8, arbitrary: fc.string({ minLength: 1, maxLength: 8 }) },
  { weight: 3, arbitrary: fc.string({ maxLength: 4, unit: 'grapheme' }) },
  { weight: 5, arbitrary: safeEdge },
);
/** Text PostgreSQL stores as is (it may still break a field's own rule: empty, leading BOM). */
const safeText = fc
  .array(part, { minLength: 1, maxLength: 8 })
  .map(parts => parts.join(''));
/** Text with a NUL or a lone surrogate somewhere in it. */
const faultyText = fc
  .tuple(safeText, faultEdge, safeText)
  .map(([a, fault, b]) => `${a}${fault}${b}`);
/** limit-1, limit or limit+1 characters, ASCII or astral (2 UTF-16 units each). */
export const atLimit = (limit: number) =>
  fc
    .tuple(
      fc.constantFrom(limit - 1, limit, limit + 1),
      fc.constantFrom('x', '😀', 'é'),
    )
    .map(([n, c]) => c.repeat(n));
/** Mostly storable text, sometimes faulty, sometimes at the field's length limit. */
const field = (limit: number) =>
  fc.oneof(
    { weight: 12, arbitrary: safeText },
    { weight: 1, arbitrary: faultyText },
    { weight: 1, arbitrary: atLimit(limit) },
    { weight: 1, arbitrary: fc.constant('') },
  );
const longContent = fc
  .tuple(field(100), fc.integer({ min: 50, max: 400 }))
  .map(([t, n]) => `${t} Sentence ${n}, with words.\n\n`.repeat(n / 10));
const metadata = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.dictionary(field(64), field(1000), { maxKeys: 4 }),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(50, 51)
      .map(n =>
        Object.fromEntries(
          Array.from({ length: n }, (_, i) => [`key.${i}`, `${i}`]),
        ),
      ),
  },
  // An own "__proto__" key, as JSON.parse makes one.
  {
    weight: 1,
    arbitrary: fc.constant(
      Object.defineProperty({}, '__proto__', { value: 'x', enumerable: true }),
    ),
  },
);
const documentId = fc.oneof(
  { weight: 8, arbitrary: fc.stringMatching(/^[A-Za-z0-9._-]{1,64}$/) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'doc-a',
      'doc-b',
      '.',
      '-',
      '_',
      'Z'.repeat(64),
      'z'.repeat(65),
      '',
      'a b',
      'é',
    ),
  },
);
/** ingest-doc bodies, about half of them storable; 1 in 20 with an unknown key. */
export const documentBody = fc
  .tuple(
    fc.record(
      {
        document_id: documentId,
        title: field(500),
        content: fc.oneof(
          // Around the chunk size, 1,000; the content limit has its own test.
          { weight: 6, arbitrary: field(1000) },
          { weight: 3, arbitrary: longContent },
          { weight: 1, arbitrary: fc.constantFrom(' ', '\r\n\t ', '\ufeff') },
        ),
        source: field(2048),
        metadata,
      },
      { requiredKeys: ['document_id', 'title', 'content'] },
    ),
    fc.integer({ min: 0, max: 19 }),
  )
  .map(([doc, n]) => (n === 0 ? { ...doc, colour: 'red' } : doc));
/** Components a provider might put in every vector: storable edges, or not. */
export const specials = fc.oneof(
  { weight: 3, arbitrary: fc.constant([] as Array<[number, number]>) },
  fc.array(
    fc.tuple(
      fc.integer({ min: 0, max: 255 }),
      fc.oneof(
        fc.constantFrom(
          FLOAT4_MAX,
          -FLOAT4_MAX,
          OVERFLOW,
          -OVERFLOW,
          3.4028235e38,
          1e39,
          7e-46,
          1e-50,
          -0,
          NaN,
          Infinity,
          -Infinity,
        ),
        fc.double(),
      ),
    ),
    { minLength: 1, maxLength: 3 },
  ),
);
/** Whether the vectors with these specials fit float4; a later pair for the same component wins. */
export const storable = (pairs: Array<[number, number]>) =>
  [...new Map(pairs).values()].every(x => Number.isFinite(Math.fround(x)));

/** The top-level fields of an embed-batch body that should be refused: only an integer `limit` of 1-5000 is allowed. */
export function embedBodyFaults(body: unknown): Set<string> {
  if (body === undefined) return new Set();
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return new Set(['']);
  const faults = new Set(Object.keys(body).filter(k => k !== 'limit'));
  if ('limit' in body) {
    const { limit } = body as { limit: unknown };
    if (
      typeof limit !== 'number' ||
      !Number.isSafeInteger(limit) ||
      limit < 1 ||
      limit > 5000
    )
      faults.add('limit');
  }
  return faults;
}

/** embed-batch bodies: none, a limit at and past its edges (0/1/5000/5001), non-integers, strings, extra keys, non-objects. */
export const embedBody = fc.oneof(
  { weight: 2, arbitrary: fc.constant(undefined) },
  {
    weight: 6,
    arbitrary: fc.record(
      {
        limit: fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(1, 2, 5000) },
          { weight: 2, arbitrary: fc.integer({ min: 1, max: 20 }) },
          {
            weight: 3,
            arbitrary: fc.constantFrom(0, 5001, -1, 1.5, 2 ** 53, null, '5'),
          },
          { weight: 1, arbitrary: fc.integer({ min: -2, max: 6000 }) },
          { weight: 1, arbitrary: fc.double() },
        ),
      },
      { requiredKeys: [] },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.record(
      { limit: fc.integer({ min: 1, max: 3 }), size: fc.nat() },
      { requiredKeys: ['size'] },
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom([], 'text', 7, null, true) },
);

/** Statements that make some chunks stale (no vector, or another model's) before a call. */
export const staleness = fc.constantFrom(
  'update scout.document_chunks set embedding = null, embedding_model = null',
  "update scout.document_chunks set embedding_model = 'older-model'",
  'update scout.document_chunks set embedding = null where chunk_no % 2 = 0',
  'select 1',
);

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * Well-formed RFC 3339 timestamps, years 0001-9999, up to 6 fraction digits,
 * with offsets up to ±23:59, often at ±15:59 and ±16:00; `tooFar` when the
 * offset is past what PostgreSQL takes.
 */
export const timestampAround16h = fc
  .record({
    year: fc.oneof(
      fc.constantFrom(1, 2024, 9999),
      fc.integer({ min: 1, max: 9999 }),
    ),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    seconds: fc.integer({ min: 0, max: 86_399 }),
    fraction: fc.stringMatching(/^(\.\d{1,6})?$/),
    sign: fc.constantFrom('+', '-'),
    offset: fc.oneof(
      fc.constantFrom(0, 959, 960, 1439),
      fc.integer({ min: 0, max: 1439 }),
    ),
  })
  .map(f => {
    const time = [
      Math.floor(f.seconds / 3600),
      Math.floor(f.seconds / 60) % 60,
      f.seconds % 60,
    ];
    const zone = `${f.sign}${pad(Math.floor(f.offset / 60))}:${pad(
      f.offset % 60,
    )}`;
    return {
      value: `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}T${time
        .map(n => pad(n))
        .join(':')}${f.fraction}${zone}`,
      tooFar: f.offset > 959,
    };
  });
