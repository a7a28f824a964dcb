/**
 * What an officer does with the mouse and keyboard in the studio, for the end-to-end walks: drop a step from the
 * palette, wire two cards handle to handle, read a whole result grid, sign in through the dialog over the studio.
 * Everything here goes through what is on screen (roles, labels, test ids, React Flow's own classes) — never
 * through `window.__studio`.
 */
import type { Page } from 'playwright-core';
import type { RunningServer } from './server.ts';

/** Developer wording that must never reach an officer's screen (zod, engine and plumbing messages). */
export const DEVELOPER_WORDING =
  /Invalid input|expected (string|array|number|object)|is not connected|not found|undefined|give either|needs a column on/;

/** The developer messages now visible anywhere on the page (empty when there are none). */
export async function developerMessages(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText();
  return text.split('\n').filter((line) => DEVELOPER_WORDING.test(line));
}

/** The ids of the step cards on the canvas, read from React Flow's DOM. */
export function cardIds(page: Page): Promise<string[]> {
  return page.$$eval('.react-flow__node', (els) => els.map((el) => el.getAttribute('data-id') ?? ''));
}

/**
 * Drags the palette entry shown as `label` onto the canvas at (x, y) inside the pane (HTML5 drag and drop) and
 * resolves to the id of the card that appeared. `known` holds every card id so far (the canvas renders only the
 * cards in view, so a count would not do) and gets the new one.
 */
export async function dropStep(page: Page, label: string, x: number, y: number, known: Set<string>): Promise<string> {
  for (const id of await cardIds(page)) known.add(id);
  const entry = page.getByTestId('palette').getByRole('button', { name: label, exact: true });
  await entry.scrollIntoViewIfNeeded();
  await entry.dragTo(page.locator('.react-flow__pane'), { targetPosition: { x, y } });
  const handle = await page.waitForFunction(
    (before) =>
      [...document.querySelectorAll('.react-flow__node')]
        .map((el) => el.getAttribute('data-id') ?? '')
        .find((id) => !before.includes(id)),
    [...known],
    { timeout: 10_000 },
  );
  const id = (await handle.jsonValue()) as string;
  known.add(id);
  return id;
}

/**
 * Connects `source`'s output handle to `target`'s input handle with the mouse. React Flow draws the connection
 * line only from intermediate moves (stack-notes §12), hence the steps.
 */
export async function wire(page: Page, source: string, target: string): Promise<void> {
  const from = (await page
    .locator(`.react-flow__node[data-id="${source}"] .react-flow__handle.source`)
    .first()
    .boundingBox())!;
  const to = (await page
    .locator(`.react-flow__node[data-id="${target}"] .react-flow__handle.target`)
    .first()
    .boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 10 });
  await page.mouse.up();
}

/**
 * Every row of the result grid as cell texts, in row order: the grid is virtualized, so it is scrolled from top
 * to bottom and the rows seen on the way are collected by their row index.
 */
export async function wholeGrid(page: Page): Promise<string[][]> {
  const grid = page.getByTestId('grid');
  const rows = new Map<number, string[]>();
  await grid.evaluate((el) => {
    el.scrollTop = 0;
  });
  for (;;) {
    const seen = await grid.locator('tr[data-row]').evaluateAll((els) =>
      els.map((el) => ({
        index: Number(el.getAttribute('data-row')),
        cells: [...el.querySelectorAll('td')].map((c) => c.textContent ?? ''),
      })),
    );
    for (const r of seen) rows.set(r.index, r.cells);
    const moved = await grid.evaluate((el) => {
      const before = el.scrollTop;
      el.scrollTop = before + el.clientHeight;
      return el.scrollTop > before;
    });
    if (!moved) break;
    await page.waitForTimeout(150); // the window query for the rows now in view
  }
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, cells]) => cells);
}

/** The admin's one-time password, as the server printed it on its first start. */
export function oneTimeAdminPassword(server: RunningServer): string {
  const oneTime = /one-time password\s+(\S+)/.exec(server.output())?.[1];
  if (!oneTime) throw new Error('the server printed no one-time admin password');
  return oneTime;
}

/**
 * Signs in through the header's 로그인 button: the dialog over the studio, then the new password the first
 * sign-in asks for. The page is never reloaded, so the canvas must survive it.
 */
export async function signInOverStudio(page: Page, username: string, oneTime: string, chosen: string): Promise<void> {
  await page.getByRole('button', { name: '로그인', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('아이디').fill(username);
  await dialog.getByLabel('비밀번호', { exact: true }).fill(oneTime);
  await dialog.getByRole('button', { name: '로그인' }).click();
  await dialog.getByLabel('새 비밀번호').fill(chosen);
  await dialog.getByRole('button', { name: '비밀번호 변경' }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** A number as the grid shows it ("1,497" → 1497). */
export const shownNumber = (text: string) => Number(text.replace(/[^\d.-]/g, ''));
