import { defineConfig } from 'drizzle-kit';

/** `npm run db:generate` writes a new SQL migration into drizzle/ from server/db/schema.ts (no database needed). */
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/db/schema.ts',
  out: './drizzle',
});
