// What the switcher's search precomputes once per list of names: each name in lowercase, a bitmask
// of the letters and digits it holds, and per bit the names holding it. A query can then skip, with
// one AND per name, every name that lacks a letter it typed, before uFuzzy's regex runs at all.

export interface NameIndex {
  lower: readonly string[];
  /** Bit n set: the name holds letter `a` + n (n < 26) or a digit d with d % 6 = n - 26. */
  masks: Int32Array;
  /** Per bit, the indices of the names holding it, ascending. */
  postings: readonly Int32Array[];
}

function bitOf(code: number): number {
  if (code >= 97 && code <= 122) return 1 << (code - 97);
  if (code >= 48 && code <= 57) return 1 << (26 + ((code - 48) % 6));
  return 0;
}

/** The letters and digits of a (lowercase) text as a bitmask. */
export function lettersOf(text: string): number {
  let mask = 0;
  for (let k = 0; k < text.length; k++) mask |= bitOf(text.charCodeAt(k));
  return mask;
}

/** How many of `wanted`'s letters a name with `mask` lacks. */
export function missingLetters(mask: number, wanted: number): number {
  let missing = wanted & ~mask;
  let count = 0;
  for (; missing; count++) missing &= missing - 1;
  return count;
}

export function indexNames(names: readonly string[]): NameIndex {
  const lower = names.map((n) => n.toLowerCase());
  const masks = new Int32Array(lower.length);
  const counts = new Int32Array(32);
  for (let i = 0; i < lower.length; i++) {
    const mask = lettersOf(lower[i]!);
    masks[i] = mask;
    for (let bit = 0; bit < 32; bit++) if (mask & (1 << bit)) counts[bit]!++;
  }
  const postings = Array.from(counts, (n) => new Int32Array(n));
  const filled = new Int32Array(32);
  for (let i = 0; i < lower.length; i++) {
    const mask = masks[i]!;
    for (let bit = 0; bit < 32; bit++) if (mask & (1 << bit)) postings[bit]![filled[bit]!++] = i;
  }
  return { lower, masks, postings };
}

/** The names holding the rarest of `letters` (every name when `letters` is empty), ascending. */
export function candidatesFor(index: NameIndex, letters: number): ArrayLike<number> {
  let best: Int32Array | null = null;
  for (let bit = 0; bit < 32; bit++) {
    if (letters & (1 << bit) && (!best || index.postings[bit]!.length < best.length)) best = index.postings[bit]!;
  }
  return best ?? Int32Array.from(index.lower.keys());
}

/** The indices in `from` whose name's mask passes `keep`, as an array. */
export function keepMasks(index: NameIndex, from: ArrayLike<number>, keep: (mask: number) => boolean): number[] {
  const out: number[] = [];
  for (let k = 0; k < from.length; k++) if (keep(index.masks[from[k]!]!)) out.push(from[k]!);
  return out;
}
