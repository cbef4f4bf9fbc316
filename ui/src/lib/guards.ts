// The building blocks of the answer checks in the `types.ts` files: an answer the window cannot
// render becomes a clear error, not a blank window.

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null;
export const isString = (v: unknown): v is string => typeof v === 'string';
export const isNullableString = (v: unknown): v is string | null => v === null || isString(v);
export const isNumber = (v: unknown): v is number => typeof v === 'number';
export const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
