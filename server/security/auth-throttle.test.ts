/**
 * Sign-in throttling attacks from the security review (issue 13): a parallel burst for one user name must not
 * get more password checks than the limit, and one person failing from an office's shared (NAT) address must
 * not lock the colleagues behind it out.
 */
import { expect, it } from 'vitest';
import { ADDRESS_DELAY_STEP_MS } from '../auth/throttle.ts';
import { describeDrivers, PASSWORD } from '../test/harness.ts';

describeDrivers('sign-in throttling', (server) => {
  const attempt = (username: string, password: string, ip: string) => {
    const client = server().anonymous();
    client.ip = ip;
    return client.post('/api/auth/login', { username, password });
  };

  it('16 parallel sign-ins for one name: exactly 5 reach the password check, 11 are refused (429)', async () => {
    await server().user('burst');
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) => attempt('burst', `wrong password ${i}`, `10.20.0.${i + 1}`)),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(11);
    // The name stays locked for the window, even with the right password.
    const locked = await attempt('burst', PASSWORD, '10.20.1.1');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await locked.json()).messages.ko).toContain('잠겼습니다');
    server().advance(server().deps.config.throttle.windowMs + 1000);
    expect((await attempt('burst', PASSWORD, '10.20.1.1')).status).toBe(200);
  });

  it('a parallel burst with the right password among wrong ones signs in at most once past the limit', async () => {
    await server().user('burst2');
    const tries = Array.from({ length: 16 }, (_, i) =>
      attempt('burst2', i === 15 ? PASSWORD : `wrong ${i}`, `10.21.0.${i + 1}`),
    );
    const statuses = (await Promise.all(tries)).map((r) => r.status);
    expect(statuses.filter((s) => s !== 429).length).toBeLessThanOrEqual(5);
    server().advance(server().deps.config.throttle.windowMs + 1000);
  });

  it('one person failing from an office address does not lock out a colleague behind it', async () => {
    await server().user('colleague');
    const office = '10.30.0.1';
    const { perIp } = server().deps.config.throttle;
    // The attacker sprays guesses across names, two past the address threshold.
    for (let i = 0; i < perIp + 2; i++) {
      expect((await attempt(`guess${i}`, 'x', office)).status).toBe(401);
    }
    const started = performance.now();
    const signIn = await attempt('colleague', PASSWORD, office);
    const waited = performance.now() - started;
    expect(signIn.status).toBe(200);
    // Slowed down (two failures over the threshold → three steps), not locked out.
    expect(waited).toBeGreaterThanOrEqual(3 * ADDRESS_DELAY_STEP_MS - 50);
    // Another address is not slowed at all.
    await server().user('elsewhere');
    const quick = performance.now();
    expect((await attempt('elsewhere', PASSWORD, '10.31.0.1')).status).toBe(200);
    expect(performance.now() - quick).toBeLessThan(3 * ADDRESS_DELAY_STEP_MS);
    server().advance(server().deps.config.throttle.windowMs + 1000);
  });
});
