import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './bff/db/schema.ts',
  out: './bff/db/migrations',
});
