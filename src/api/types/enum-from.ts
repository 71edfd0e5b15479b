/** A GraphQL enum object (NAME -> value) built from one of the domain's `as const` vocabularies. */
export type EnumObject<T extends string> = { readonly [K in T as Uppercase<K>]: K };

export function enumFrom<T extends string>(values: readonly T[]): EnumObject<T> {
  return Object.freeze(Object.fromEntries(values.map((v) => [v.toUpperCase(), v]))) as EnumObject<T>;
}
