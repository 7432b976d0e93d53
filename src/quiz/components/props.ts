/** Prop validation for the quiz components: a bad prop stops the build with a message naming it. */

/**
 * Throws when a prop is not a non-empty id; says which component, prop, value and form is expected.
 * Pure.
 */
export function requireId(component: string, prop: string, value: unknown): string {
  if (typeof value !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(value)) {
    throw new Error(
      `<${component}>: prop "${prop}" received ${JSON.stringify(value)}; expected an id of lowercase letters, digits and "-", e.g. ${prop}="hs-why-three".`,
    );
  }
  return value;
}

/** Throws when a prop is given but is not one of the allowed values. Pure. */
export function requireOneOf<T extends string>(
  component: string,
  prop: string,
  value: unknown,
  allowed: readonly T[],
): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new Error(
      `<${component}>: prop "${prop}" received ${JSON.stringify(value)}; expected one of ${allowed.map((a) => `"${a}"`).join(', ')}.`,
    );
  }
  return value as T;
}
