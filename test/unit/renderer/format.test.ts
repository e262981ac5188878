import { describe, expect, it } from 'vitest';
import { currencyFractionDigits, formatDuration, formatMoney, formatRatio } from '../../../renderer/i18n/format';

describe('formatMoney', () => {
  it('shows yen without decimals and dollars from cents', () => {
    expect(currencyFractionDigits('JPY')).toBe(0);
    expect(currencyFractionDigits('USD')).toBe(2);
    expect(formatMoney(600000, 'JPY', 'ja')).toMatch(/600,000/);
    expect(formatMoney(123456, 'USD', 'en')).toBe('$1,234.56');
  });
});

describe('formatDuration', () => {
  it('reads as hours and minutes in both languages', () => {
    expect(formatDuration(150 * 60_000, 'en')).toBe('2 hr 30 min');
    expect(formatDuration(150 * 60_000, 'ja')).toBe('2 時間30 分');
    expect(formatDuration(45 * 60_000, 'en')).toBe('45 min');
    expect(formatDuration(2 * 3_600_000, 'en')).toBe('2 hr');
    expect(formatDuration(0, 'en')).toBe('0 min');
  });
});

describe('formatRatio', () => {
  it('shows numerator and denominator, and a dash for a zero denominator (DOMAIN.md)', () => {
    expect(formatRatio({ numerator: 3, denominator: 12 }, 'en')).toBe('3 / 12 = 25%');
    expect(formatRatio({ numerator: 0, denominator: 0 }, 'en')).toBe('0 / 0 = —');
    expect(formatRatio({ numerator: 1200, denominator: 3000 }, 'ja')).toBe('1,200 / 3,000 = 40%');
    expect(formatRatio({ numerator: 90 * 60_000, denominator: 6 * 3_600_000 }, 'en', (ms) => formatDuration(ms, 'en'))).toBe('1 hr 30 min / 6 hr = 25%');
  });
});
