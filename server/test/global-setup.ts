import pg from 'pg';

/**
 * When TEST_DATABASE_URL is set, create pg_trgm once before test files race to create it in their schemas,
 * and fail fast with a clear message if the server does not answer.
 */
export default async function setup(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    console.log('TEST_DATABASE_URL is not set: database suites run on embedded PGlite only.');
    return;
  }
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(`TEST_DATABASE_URL is set but the server does not answer: ${String(err)}`);
  }
  await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  await client.end();
  console.log('Database suites run on embedded PGlite and on the PostgreSQL server at TEST_DATABASE_URL.');
}
