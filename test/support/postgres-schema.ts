import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** A store URL with a fresh schema, and a function that drops it. */
export function withSchema(url: string): { storeUrl: string; schema: string; drop: () => Promise<void> } {
  const schema = `bcl_test_${randomBytes(6).toString('hex')}`;
  const parsed = new URL(url);
  parsed.searchParams.set('schema', schema);
  return {
    storeUrl: parsed.toString(),
    schema,
    drop: async () => {
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}
