const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Keys of `input` that parsing dropped: zod objects strip unknown keys silently, and the API
 * rather says so (a misspelt field, or a forged `status`/`role`, should not vanish unnoticed).
 * Walks input and output side by side; returns dotted paths.
 */
export function strippedKeys(input: unknown, output: unknown, path: string[] = []): string[] {
  if (Array.isArray(input) && Array.isArray(output)) {
    return input.flatMap((item, i) => strippedKeys(item, output[i], [...path, String(i)]));
  }
  if (!isObject(input) || !isObject(output)) return [];
  const found: string[] = [];
  for (const key of Object.keys(input)) {
    if (!Object.hasOwn(output, key)) found.push([...path, key].join('.'));
    else found.push(...strippedKeys(input[key], output[key], [...path, key]));
  }
  return found;
}
