import type { Page } from 'playwright-core';
import type { RunningServer } from './server.ts';

type Json = Record<string, unknown>;

/**
 * Signs in as an officer does: opening 내 파이프라인 while signed out brings up the sign-in dialog, which goes
 * back there once signed in; a new password is chosen when the account still has its one-time one.
 */
export async function signIn(
  page: Page,
  url: string,
  username: string,
  oneTime: string,
  chosen: string,
  landing = '[data-testid="pipelines-page"]',
): Promise<void> {
  await page.goto(`${url}/#/pipelines`);
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', oneTime);
  await page.click('[data-testid="login-form"] button[type="submit"]');
  await page.waitForSelector('input[name="newPassword"]');
  await page.fill('input[name="newPassword"]', chosen);
  await page.click('[data-testid="login-form"] button[type="submit"]');
  await page.waitForSelector(landing);
}

/** Signs in as the first-start admin with the one-time password the server printed. */
export function signInAdmin(page: Page, server: RunningServer, chosen: string, landing?: string): Promise<void> {
  const oneTime = /one-time password\s+(\S+)/.exec(server.output())?.[1];
  if (!oneTime) throw new Error('the server printed no one-time admin password');
  return signIn(page, server.url, 'admin', oneTime, chosen, landing);
}

/** A JSON request with the page's session cookie and CSRF token ("behind the page's back"). */
export function apiCall(
  page: Page,
  method: string,
  url: string,
  body?: unknown,
): Promise<{ status: number; body: Json }> {
  return page.evaluate(
    async ([m, u, b]) => {
      const session = await fetch('/api/auth/session').then((r) => r.json() as Promise<{ csrfToken: string }>);
      const res = await fetch(u, {
        method: m,
        headers: { 'content-type': 'application/json', 'X-CSRF-Token': session.csrfToken },
        body: b === undefined ? undefined : JSON.stringify(b),
      });
      return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> };
    },
    [method, url, body] as const,
  );
}

/** The JSON body of `apiCall`. */
export async function apiJson(page: Page, method: string, url: string, body?: unknown): Promise<Json> {
  return (await apiCall(page, method, url, body)).body;
}
