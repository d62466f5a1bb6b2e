import { describe, expect, it } from 'vitest';
import { mannWhitneyZ } from './helpers/mann-whitney';

describe('mannWhitneyZ', () => {
  it('is 0 for identical samples and symmetric in its arguments', () => {
    expect(mannWhitneyZ([1, 2, 3], [1, 2, 3])).toBe(0);
    expect(mannWhitneyZ([1, 2, 3, 9], [4, 5, 6])).toBeCloseTo(-mannWhitneyZ([4, 5, 6], [1, 2, 3, 9]));
  });

  it('matches the textbook value for a small example (U = 3, n1 = n2 = 5)', () => {
    // a ranks 1, 2, 4, 6, 7 -> R = 20, U = 5; mean 12.5, sd sqrt(25 * 11 / 12) = 4.787
    expect(mannWhitneyZ([1, 2, 4, 6, 7], [3, 5, 8, 9, 10])).toBeCloseTo((5 - 12.5) / Math.sqrt((25 * 11) / 12), 6);
  });

  it('sees a consistent shift among noise and no shift between two draws of the same noise', () => {
    let seed = 42;
    const noise = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 100;
    const base = Array.from({ length: 1000 }, noise);
    const same = Array.from({ length: 1000 }, noise);
    const shifted = Array.from({ length: 1000 }, () => noise() + 20);
    expect(Math.abs(mannWhitneyZ(base, same))).toBeLessThan(3.3);
    expect(mannWhitneyZ(base, shifted)).toBeLessThan(-5);
  });
});
