import { DuckDBInstance } from '@duckdb/node-api';
import fc from 'fast-check';
import { testDatabases } from '../testing/testDatabases';
import type { ScoutDatabase } from '../db/types';
import { quoteIdentifier, quoteLiteral, quoteQualifiedName } from './quote';

jest.setTimeout(60_000);

describe('quoteLiteral', () => {
  it.each([
    ['plain', "'plain'"],
    ["it's", "'it''s'"],
    ["''", "''''''"],
    ['back\\slash\\', "'back\\slash\\'"],
    ['"double"', `'"double"'`],
    ['Pasig · Ñiño 🛒', "'Pasig · Ñiño 🛒'"],
    ['', "''"],
  ])('quotes %j', (text, quoted) => {
    expect(quoteLiteral(text)).toBe(quoted);
  });

  it('refuses NUL', () => {
    expect(() => quoteLiteral('a\0b')).toThrow(/NUL/);
  });
});

describe('quoteIdentifier and quoteQualifiedName', () => {
  it('doubles embedded double quotes, and leaves single quotes alone', () => {
    expect(quoteIdentifier('a"b')).toBe('"a""b"');
    expect(quoteIdentifier("o'clock")).toBe(`"o'clock"`);
    expect(quoteIdentifier('Kainan ñ')).toBe('"Kainan ñ"');
  });

  it('quotes each part of a dotted name', () => {
    expect(quoteQualifiedName('scout.bronze')).toBe('"scout"."bronze"');
    expect(quoteQualifiedName('a"b.c')).toBe('"a""b"."c"');
  });

  it('refuses NUL', () => {
    expect(() => quoteIdentifier('a\0')).toThrow(/NUL/);
  });
});

// Round trips: what the engines read back is exactly what was quoted,
// for any text without NUL (quotes, backslashes, newlines, any unicode).
const text = fc.string({ unit: 'grapheme', maxLength: 40 });
const awkward = fc.constantFrom("'", "''", '\\', "\\'", '"', '--', '/*', ';');
const sqlText = fc
  .array(fc.oneof(text, awkward), { maxLength: 6 })
  .map(parts => parts.join(''));

describe('round trips through DuckDB', () => {
  it('reads back every literal and identifier', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      await fc.assert(
        fc.asyncProperty(sqlText, async value => {
          const reader = await connection.runAndReadAll(
            `select ${quoteLiteral(value)} as ${quoteIdentifier(`c${value}`)}`,
          );
          expect(reader.getRows()).toEqual([[value]]);
          expect(reader.columnNames()).toEqual([`c${value}`]);
        }),
        { numRuns: 200 },
      );
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});

describe.each(testDatabases())('round trips through $kind', databases => {
  let db: ScoutDatabase;
  beforeAll(async () => {
    db = await databases.create();
  });
  afterAll(() => databases.cleanup());

  it('reads back every literal and identifier', async () => {
    // PostgreSQL cuts identifiers at 63 bytes; literals have no such limit.
    const column = sqlText
      .map(value => `c${value}`)
      .filter(name => Buffer.byteLength(name) <= 63);
    await fc.assert(
      fc.asyncProperty(sqlText, column, async (value, name) => {
        const { rows } = await db.query<Record<string, string>>(
          `select ${quoteLiteral(value)}::text as ${quoteIdentifier(name)}`,
        );
        expect(rows).toEqual([{ [name]: value }]);
      }),
      { numRuns: 200 },
    );
  });
});
