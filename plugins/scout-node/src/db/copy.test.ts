import { copyStatement, csvChunks, csvField } from './copy';

describe('csvField', () => {
  it('tells NULL (unquoted empty) from the empty string (quoted)', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField('')).toBe('""');
  });

  it('quotes strings and doubles their quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
  });

  it('writes numbers, booleans, dates and objects as PostgreSQL reads them', () => {
    expect(csvField(12.5)).toBe('12.5');
    expect(csvField(10n)).toBe('10');
    expect(csvField(false)).toBe('false');
    expect(csvField(new Date('2025-01-02T03:04:05.006Z'))).toBe(
      '2025-01-02T03:04:05.006Z',
    );
    expect(csvField({ a: '"x"' })).toBe('"{""a"":""\\""x\\""""}"');
  });

  it('refuses values it cannot represent', () => {
    expect(() => csvField(new Date('nope'))).toThrow('invalid Date');
    expect(() => csvField(() => 1)).toThrow('Cannot copy a function');
  });
});

describe('copyStatement', () => {
  it('quotes the table and column names', () => {
    expect(copyStatement('scout.bronze', ['a', 'b"c'], 'STDIN')).toBe(
      'COPY "scout"."bronze" ("a", "b""c") FROM STDIN (FORMAT csv)',
    );
  });
});

describe('csvChunks', () => {
  it('splits rows into chunks of whole lines', () => {
    const rows = [
      [1, 'a'],
      [2, null],
      [3, ''],
    ];
    expect([...csvChunks(rows, 2)]).toEqual(['1,"a"\n2,\n', '3,""\n']);
  });
});
