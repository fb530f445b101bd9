import { nameBreaks } from './nameBreaks';

describe('nameBreaks', () => {
  it('cuts a dotted name after each dot', () => {
    expect(nameBreaks('iceberg.gold.gold_daily_store_sales')).toEqual([
      'iceberg.',
      'gold.',
      'gold_daily_store_sales',
    ]);
  });

  it('cuts a namespace after each run of separators, never inside one', () => {
    expect(nameBreaks('trino://host:8080')).toEqual([
      'trino://',
      'host:',
      '8080',
    ]);
  });

  it('leaves a name without separators whole, and loses no character', () => {
    expect(nameBreaks('orders')).toEqual(['orders']);
    const name = 'scout://edge-functions:ingest.v2/';
    expect(nameBreaks(name).join('')).toBe(name);
  });
});
