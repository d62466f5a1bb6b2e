import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE, formatDuration } from './time-left';

describe('formatDuration', () => {
  it('has consistent units', () => {
    expect([MINUTE, HOUR, DAY]).toEqual([60_000, 3_600_000, 86_400_000]);
  });

  it.each([
    [0, '<1m'],
    [59_999, '<1m'],
    [MINUTE, '1m'],
    [59 * MINUTE + 59_999, '59m'],
    [HOUR, '1h 0m'],
    [HOUR + 59 * MINUTE, '1h 59m'],
    [DAY - MINUTE, '23h 59m'],
    [DAY, '1d 0h'],
    [2 * DAY + 3 * HOUR + 59 * MINUTE, '2d 3h'],
  ])('%d ms reads "%s"', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('reads a negative duration (clock skew) as under a minute, never as a negative number', () => {
    expect(formatDuration(-5 * MINUTE)).toBe('<1m');
  });
});
