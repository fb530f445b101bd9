import {
  formatBytes,
  formatCell,
  formatPartition,
  summaryCount,
} from './format';

describe('format', () => {
  it('formats sizes with binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(128 * 1024 * 1024)).toBe('128 MB');
    expect(formatBytes(null)).toBe('—');
  });

  it('reads snapshot summaries and partitions', () => {
    expect(summaryCount({ 'added-records': '1500' }, 'added-records')).toBe(
      '1,500',
    );
    expect(summaryCount({}, 'deleted-records')).toBe('—');
    expect(
      formatPartition({ sale_date: '2026-11-01', region_code: 'NCR' }),
    ).toBe('sale_date=2026-11-01, region_code=NCR');
    expect(formatPartition({})).toBe('(unpartitioned)');
  });

  it('formats preview cells and cuts long values', () => {
    expect(formatCell(null)).toBe('null');
    expect(formatCell({ a: [1, 2] })).toBe('{"a":[1,2]}');
    expect(formatCell(true)).toBe('true');
    const long = formatCell('x'.repeat(2000));
    expect(long).toHaveLength(501);
    expect(long.endsWith('…')).toBe(true);
  });
});
