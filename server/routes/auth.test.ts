import { expect, it } from 'vitest';
import { ensureAdmin } from '../auth/bootstrap.ts';
import { describeDrivers, PASSWORD } from '../test/harness.ts';

const HOUR = 3_600_000;

describeDrivers('auth', (server) => {
  it('signs in: HTTP-only SameSite=Lax cookie, CSRF token, user', async () => {
    await server().user('kim', { department: 'Seoul' });
    const client = server().anonymous();
    const res = await client.post('/api/auth/login', { username: 'KIM', password: PASSWORD });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.user).toMatchObject({
      username: 'kim',
      role: 'officer',
      department: 'Seoul',
      mustChangePassword: false,
    });
    expect(body.csrfToken).toMatch(/^[\w-]{43}$/);
    expect(body).not.toHaveProperty('user.passwordHash');
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^cas_session=[\w-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain('Secure'); // plain http in tests; `auto` turns it on over https
    const me = await client.get('/api/auth/session');
    expect((await me.json()).user.username).toBe('kim');
  });

  it('marks the cookie Secure behind an https proxy', async () => {
    await server().user('secure');
    const res = await server()
      .anonymous()
      .post(
        '/api/auth/login',
        { username: 'secure', password: PASSWORD },
        { 'x-forwarded-proto': 'https', origin: 'https://localhost' },
      );
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toContain('Secure');
  });

  it('refuses a wrong password or unknown user alike, with 401', async () => {
    await server().user('lee');
    const client = server().anonymous();
    client.ip = '10.0.1.1';
    const wrong = await client.post('/api/auth/login', { username: 'lee', password: 'not the password' });
    const unknown = await client.post('/api/auth/login', { username: 'nobody', password: 'whatever' });
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({
        code: 'invalid_credentials',
        message: 'wrong user name or password',
        messages: { ko: '아이디 또는 비밀번호가 맞지 않습니다', en: 'wrong user name or password' },
      });
      expect(res.headers.get('set-cookie')).toBeNull();
    }
  });

  it('stores sessions hashed: the cookie value is not in the database', async () => {
    await server().user('hashcheck');
    const client = await server().signIn('hashcheck');
    const token = client.cookie!.split('=')[1]!;
    const { sessions } = await import('../db/schema.ts');
    const rows = await server().database.db.select().from(sessions);
    expect(rows.some((r) => r.idHash === token)).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.idHash))).toBe(true);
  });

  it('rate-limits failed sign-ins per user name: 5 per 15 minutes, then 429 with Retry-After', async () => {
    await server().user('park');
    const attempt = (ip: string, password = 'wrong password!') => {
      const client = server().anonymous();
      client.ip = ip;
      return client.post('/api/auth/login', { username: 'park', password });
    };
    for (let i = 0; i < 5; i++) expect((await attempt(`10.1.0.${i}`)).status).toBe(401);
    const limited = await attempt('10.1.0.99', PASSWORD); // even the right password, from elsewhere
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(800);
    expect(await limited.json()).toMatchObject({ code: 'rate_limited' });
    server().advance(15 * 60_000 + 1000);
    expect((await attempt('10.1.0.99', PASSWORD)).status).toBe(200);
  });

  it('slows an address down past its failure threshold instead of locking it (offices share NAT addresses)', async () => {
    const perIp = server().deps.config.throttle.perIp;
    const client = server().anonymous();
    client.ip = '10.2.0.1';
    for (let i = 0; i < perIp; i++) {
      const res = await client.post('/api/auth/login', { username: `guess${i}`, password: 'x' });
      expect(res.status).toBe(401);
    }
    const started = performance.now();
    const res = await client.post('/api/auth/login', { username: 'someone', password: 'x' });
    expect(res.status).toBe(401); // answered, after a delay
    expect(performance.now() - started).toBeGreaterThanOrEqual(200);
    server().advance(16 * 60_000);
  });

  it('signs out: the session is deleted and the cookie cleared', async () => {
    await server().user('choi');
    const client = await server().signIn('choi');
    const stolen = client.cookie;
    const res = await client.post('/api/auth/logout');
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toMatch(/cas_session=;.*Max-Age=0/);
    const replay = server().anonymous();
    replay.cookie = stolen;
    expect((await replay.get('/api/auth/session')).status).toBe(401);
  });

  it('expires idle sessions, and renews active ones by sliding', async () => {
    await server().user('jung');
    const idle = await server().signIn('jung');
    const active = await server().signIn('jung');
    const idleMs = server().deps.config.session.idleMs;
    server().advance(idleMs * 0.6);
    const renewed = await active.get('/api/auth/session');
    expect(renewed.status).toBe(200);
    expect(renewed.headers.get('set-cookie')).toContain('cas_session=');
    server().advance(idleMs * 0.6);
    expect((await idle.get('/api/auth/session')).status).toBe(401);
    expect((await active.get('/api/auth/session')).status).toBe(200);
  });

  it('ends every session at the absolute lifetime, however active', async () => {
    await server().user('han');
    const client = await server().signIn('han');
    const { idleMs, absoluteMs } = server().deps.config.session;
    for (let t = 0; t < absoluteMs; t += idleMs / 3) {
      server().advance(idleMs / 3);
      if (t + idleMs / 3 < absoluteMs) expect((await client.get('/api/auth/session')).status).toBe(200);
    }
    server().advance(HOUR);
    expect((await client.get('/api/auth/session')).status).toBe(401);
  });

  it('creates the first admin once, with a one-time password that must be changed', async () => {
    // This database already has users: nothing happens.
    expect(await ensureAdmin(server().database.db)).toBeUndefined();
  });

  it('lets a user change their password and signs out their other sessions', async () => {
    await server().user('yoon');
    const here = await server().signIn('yoon');
    const elsewhere = await server().signIn('yoon');
    const bad = await here.post('/api/auth/password', { currentPassword: 'nope', newPassword: 'a new long password' });
    expect(bad.status).toBe(403);
    const short = await here.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'short' });
    expect(short.status).toBe(400);
    const refusal = await short.json();
    expect(refusal.message).toContain('newPassword');
    expect(refusal.messages.ko).toBe('새 비밀번호는 10자 이상이어야 합니다');
    expect(refusal.messages.en).toBe('newPassword: at least 10 characters');
    const ok = await here.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'a new long password' });
    expect(ok.status).toBe(204);
    expect((await here.get('/api/auth/session')).status).toBe(200);
    expect((await elsewhere.get('/api/auth/session')).status).toBe(401);
    await server().signIn('yoon', 'a new long password');
  });
});

describeDrivers('accounts', (server) => {
  it('bootstraps the admin on an empty database; the one-time password only opens the password change', async () => {
    const first = await ensureAdmin(server().database.db);
    expect(first?.username).toBe('admin');
    expect(first?.password).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(await ensureAdmin(server().database.db)).toBeUndefined();

    const admin = await server().signIn('admin', first!.password);
    const blocked = await admin.get('/api/users');
    expect(blocked.status).toBe(403);
    expect(await blocked.json()).toMatchObject({ code: 'password_change_required' });
    const changed = await admin.post('/api/auth/password', {
      currentPassword: first!.password,
      newPassword: 'admin chose this one',
    });
    expect(changed.status).toBe(204);
    expect((await admin.get('/api/users')).status).toBe(200);
  });

  it('lets an admin create accounts with roles and departments; a generated password must be changed', async () => {
    const admin = await server().signIn('admin', 'admin chose this one');
    const created = await admin.post('/api/users', {
      username: 'Reviewer.One',
      displayName: '검토자',
      role: 'reviewer',
      department: 'Incheon',
    });
    expect(created.status).toBe(201);
    const body = await created.json();
    expect(body.user).toMatchObject({ username: 'reviewer.one', role: 'reviewer', department: 'Incheon' });
    expect(body.user.mustChangePassword).toBe(true);
    expect(body.oneTimePassword).toMatch(/^[A-Za-z0-9]{16}$/);
    const again = await admin.post('/api/users', { username: 'reviewer.one', displayName: 'x' });
    expect(again.status).toBe(409);

    const reviewer = await server().signIn('reviewer.one', body.oneTimePassword);
    expect((await reviewer.get('/api/pipelines')).status).toBe(403);

    const moved = await admin.patch(`/api/users/${body.user.id}`, { role: 'officer', department: 'Busan' });
    expect(await moved.json()).toMatchObject({ role: 'officer', department: 'Busan' });
  });

  it('keeps account management to admins', async () => {
    await server().user('plain');
    const officer = await server().signIn('plain');
    expect((await officer.get('/api/users')).status).toBe(403);
    expect((await officer.post('/api/users', { username: 'x1', displayName: 'x' })).status).toBe(403);
    expect((await server().anonymous().get('/api/users')).status).toBe(401);
  });

  it('disabling an account signs it out and blocks sign-in; a reset issues a new one-time password', async () => {
    const { id } = await server().user('leaver');
    const leaver = await server().signIn('leaver');
    const admin = await server().signIn('admin', 'admin chose this one');
    expect((await admin.patch(`/api/users/${id}`, { disabled: true })).status).toBe(200);
    expect((await leaver.get('/api/auth/session')).status).toBe(401);
    const retry = await server().anonymous().post('/api/auth/login', { username: 'leaver', password: PASSWORD });
    expect(retry.status).toBe(401);
    await admin.patch(`/api/users/${id}`, { disabled: false });
    const reset = await admin.post(`/api/users/${id}/reset-password`);
    const { oneTimePassword } = await reset.json();
    const back = await server().signIn('leaver', oneTimePassword);
    expect((await back.get('/api/auth/session')).status).toBe(200);
    expect(
      (
        await admin.patch(`/api/users/${(await admin.get('/api/auth/session').then((r) => r.json())).user.id}`, {
          disabled: true,
        })
      ).status,
    ).toBe(422);
  });
});
