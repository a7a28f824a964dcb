import { serve } from '@hono/node-server';
import { createApp } from './app.ts';

const port = Number(process.env.PORT ?? 8787);
const hostname = process.env.HOST ?? '127.0.0.1';

serve({ fetch: createApp().fetch, port, hostname }, (info) => {
  console.log(`Customs Analysis Studio on http://${hostname}:${info.port}`);
});
