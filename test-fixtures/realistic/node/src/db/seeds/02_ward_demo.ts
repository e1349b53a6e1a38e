import { faker } from '@faker-js/faker';
import type { Knex } from 'knex';

// Demo ward for the sales environment. Rows are generated, except the first one, which reproduces the
// admission that broke the bed-board in ticket CLIN-2291.
export async function seed(knex: Knex): Promise<void> {
  faker.seed(2291);
  await knex('patients').del();
  await knex('patients').insert([
    {
      mrn: 'NW-118204',
      given_name: 'Rosalind',
      family_name: 'Achterberg',
      birth_date: '1949-06-23',
      nhs_number: '588 062 7985',
      ward: '7B',
    },
    ...Array.from({ length: 24 }, (_, i) => ({
      mrn: `DEMO-${1000 + i}`,
      given_name: faker.person.firstName(),
      family_name: faker.person.lastName(),
      birth_date: faker.date.birthdate({ min: 18, max: 95, mode: 'age' }).toISOString().slice(0, 10),
      nhs_number: null,
      ward: '7B',
    })),
  ]);
}
