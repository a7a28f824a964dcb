import type { Page } from 'playwright-core';

/** Waits until the node's badge shows `state` (see `StatusBadge`). */
export async function waitForState(page: Page, nodeId: string, state: string, timeout = 60_000): Promise<void> {
  await page.waitForSelector(`[data-testid="status-${nodeId}"][data-state="${state}"]`, { timeout });
}

/** The grid rows now in the DOM (virtualized: the visible ones plus overscan), by row index, as cell texts. */
export async function gridRows(page: Page): Promise<Map<number, string[]>> {
  const rows = await page.$$eval('[data-testid="grid"] tr[data-row]', (els) =>
    els.map((el) => ({
      index: Number(el.getAttribute('data-row')),
      cells: [...el.querySelectorAll('td')].map((c) => c.textContent ?? ''),
    })),
  );
  return new Map(rows.map((r) => [r.index, r.cells]));
}

/** Waits until the grid's first row has arrived (the window query answered). */
export async function waitForGrid(page: Page, firstCell: RegExp | string, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    ([pattern, flags]: [string, string]) => {
      const cell = document.querySelector('[data-testid="grid"] tr[data-row="0"] td');
      return cell !== null && new RegExp(pattern, flags).test(cell.textContent ?? '');
    },
    (typeof firstCell === 'string' ? [`^${firstCell}$`, ''] : [firstCell.source, firstCell.flags]) as [string, string],
    { timeout },
  );
}

/** Node ids in the step list, in document order. */
export function stepIds(page: Page): Promise<string[]> {
  return page.$$eval('[data-node-id]', (els) => els.map((el) => el.getAttribute('data-node-id') ?? ''));
}

/** Types settings JSON into a node's provisional editor and applies it. */
export async function setParams(page: Page, nodeId: string, params: unknown): Promise<void> {
  const editor = page.locator(`[data-testid="params-${nodeId}"]`);
  await editor.fill(JSON.stringify(params, null, 2));
  await editor.locator('xpath=../..').getByRole('button').last().click();
}

export const digits = (text: string) => text.replace(/[^\d.-]/g, '');
