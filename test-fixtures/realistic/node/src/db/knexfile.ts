import type { Knex } from 'knex';

const config: Record<string, Knex.Config> = {
  development: {
    client: 'pg',
    connection: { host: 'localhost', port: 5432, user: 'clinic', password: 'clinic', database: 'clinic_dev', ssl: false },
  },
  reporting: {
    client: 'pg',
    connection: {
      host: 'reporting-replica.db.northwind-health.org',
      port: 5432,
      user: process.env.REPORTING_USER,
      password: process.env.REPORTING_PASSWORD,
      database: 'clinic',
      ssl: false,
    },
    pool: { min: 0, max: 4 },
  },
};

export default config;
