import {
  formatBudget,
  formatBurn,
  formatObjective,
  formatPercent,
} from './format';

describe('format', () => {
  it('writes fractions as percentages with their unit', () => {
    expect(formatPercent(0.12)).toBe('12 %');
    expect(formatPercent(0.99912, 2)).toBe('99.91 %');
    expect(formatPercent(null)).toBe('—');
    expect(formatObjective(0.999)).toBe('99.9 %');
    expect(formatObjective(0.9995)).toBe('99.95 %');
  });

  it('says how much budget is left, overspent or unknown', () => {
    expect(formatBudget(1)).toBe('100 % left');
    expect(formatBudget(0)).toBe('0 % left');
    expect(formatBudget(-0.255)).toBe('overspent by 25.5 %');
    expect(formatBudget(null)).toBe('no data yet');
  });

  it('writes burn rates as multiples of the budget', () => {
    expect(formatBurn(0.4213)).toBe('0.42×');
    expect(formatBurn(14.4)).toBe('14.4×');
    expect(formatBurn(1)).toBe('1×');
    expect(formatBurn(null)).toBe('—');
  });
});
