import type * as FakerModule from '@faker-js/faker' with { 'resolution-mode': 'import' };

export type Faker = FakerModule.Faker;

let loaded: typeof FakerModule | undefined;

/** `@faker-js/faker` is an ES module: loaded once, on first use, through Node's require(esm). */
export function fakerModule(): typeof FakerModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= require('@faker-js/faker') as typeof FakerModule);
}

const instances = new Map<string, Faker>();

/** A faker for a locale (falling back to English), seeded: the same seed gives the same values. */
export function seededFaker(locale: string, seed: number): Faker {
  let f = instances.get(locale);
  if (!f) {
    const m = fakerModule();
    const own = (m.allLocales as Record<string, FakerModule.LocaleDefinition>)[locale];
    f = new m.Faker({ locale: [...(own ? [own] : []), m.en, m.base] });
    instances.set(locale, f);
  }
  f.seed(seed);
  return f;
}
