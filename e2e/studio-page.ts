import type { Page } from 'playwright-core';

/**
 * Waits until the node's state is `state` (what its card's badge shows). Read from the store, because the
 * canvas renders only the cards in view (`onlyRenderVisibleElements`).
 */
export async function waitForState(page: Page, nodeId: string, state: string, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    ([id, want]) => window.__studio?.store.getState().nodeRuns[id]?.state === want,
    [nodeId, state] as const,
    { timeout },
  );
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

/** Node ids in document order. */
export function stepIds(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__studio?.store.getState().doc.nodes.map((n) => n.id) ?? []);
}

/** Drags along with intermediate mouse moves (d3-drag and React Flow's connection line need them). */
export async function dragBetween(page: Page, from: string, to: string): Promise<void> {
  const a = (await page.locator(from).boundingBox())!;
  const b = (await page.locator(to).boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}

/** Connects `source`'s output handle to `target`'s input handle on the canvas. */
export function connect(page: Page, source: string, target: string, targetPort = 'in'): Promise<void> {
  return dragBetween(
    page,
    `.react-flow__node[data-id="${source}"] .react-flow__handle.source`,
    `.react-flow__node[data-id="${target}"] .react-flow__handle.target[data-handleid="${targetPort}"]`,
  );
}

/** Drops a palette entry onto the canvas at (x, y) inside the pane; resolves to the id of the node added. */
export async function dropFromPalette(page: Page, type: string, x: number, y: number): Promise<string> {
  const before = await stepIds(page);
  await page.locator(`.palette-item[data-type="${type}"]`).dragTo(page.locator('.react-flow__pane'), {
    targetPosition: { x, y },
  });
  await page.waitForFunction((n) => (window.__studio?.store.getState().doc.nodes.length ?? 0) > n, before.length);
  const after = await stepIds(page);
  return after.find((id) => !before.includes(id))!;
}

export const digits = (text: string) => text.replace(/[^\d.-]/g, '');
