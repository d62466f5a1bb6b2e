// Opaque keyset cursors: the sort key of the last row, base64url JSON. A cursor that does not
// decode to the expected shape is refused (400), never trusted.

export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The key, or null when the cursor is not one of ours. */
export function decodeCursor<T extends 'string' | 'number'>(cursor: string, shape: readonly T[]): (T extends 'string' ? string : number)[] | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== shape.length) return null;
    return value.every((v, i) => typeof v === shape[i]) ? (value as never) : null;
  } catch {
    return null;
  }
}
