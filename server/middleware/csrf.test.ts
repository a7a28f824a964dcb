import { expect, it } from 'vitest';
import { pipelineDoc } from '../test/fixtures.ts';
import { describeDrivers } from '../test/harness.ts';

describeDrivers('CSRF', (server) => {
  const create = { doc: pipelineDoc('csrf target') };

  it('accepts a same-origin write that carries the session’s token', async () => {
    await server().user('writer');
    const client = await server().signIn('writer');
    expect((await client.post('/api/pipelines', create)).status).toBe(201);
  });

  it('refuses a cookie-authenticated write without the X-CSRF-Token header', async () => {
    const client = await server().signIn('writer');
    client.csrf = undefined;
    const res = await client.post('/api/pipelines', create);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: 'csrf', message: expect.stringContaining('x-csrf-token') });
  });

  it('refuses a token from another session', async () => {
    const mine = await server().signIn('writer');
    const other = await server().signIn('writer');
    mine.csrf = other.csrf;
    expect((await mine.post('/api/pipelines', create)).status).toBe(403);
  });

  it('refuses a write whose Origin is another site, even with the token', async () => {
    const client = await server().signIn('writer');
    const res = await client.post('/api/pipelines', create, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: 'csrf' });
  });

  it('refuses a cross-site HTML form post (no Origin match, form content type)', async () => {
    const client = await server().signIn('writer');
    const form = 'doc=x';
    const crossSite = await client.post('/api/pipelines', form, {
      'content-type': 'application/x-www-form-urlencoded',
      origin: 'null',
      'sec-fetch-site': 'cross-site',
    });
    expect(crossSite.status).toBe(403);
    const noOrigin = server().anonymous();
    const res = await noOrigin.post('/api/auth/logout', 'x', { 'content-type': 'text/plain', origin: '' });
    expect(res.status).toBe(403);
  });

  it('refuses a login posted from another site', async () => {
    const res = await server()
      .anonymous()
      .post('/api/auth/login', { username: 'writer', password: 'x' }, { origin: 'https://sub.example.go.kr' });
    expect(res.status).toBe(403);
  });

  it('lets reads through without a token', async () => {
    const client = await server().signIn('writer');
    client.csrf = undefined;
    expect((await client.get('/api/pipelines')).status).toBe(200);
  });
});
