import { expect, it } from 'vitest';
import { chartParams } from './params.ts';
import { renderChartPng } from './render-png.ts';
import { chartSpec } from './spec.ts';

it('rasterises a chart to PNG of the SVG size × scale', async () => {
  const spec = chartSpec(
    chartParams.parse({ mark: 'bar', x: '원산지', y: '금액', numberFormat: 'man_eok' }),
    [
      { name: '원산지', type: 'VARCHAR' },
      { name: '금액', type: 'BIGINT' },
    ],
    [
      { 원산지: 'CN', 금액: 18_000_000 },
      { 원산지: 'NO', 금액: 25_000_000 },
    ],
  );
  const png = await renderChartPng(spec, { scale: 2 });
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const view = new DataView(png.buffer, png.byteOffset);
  // IHDR width/height at bytes 16 and 20: the SVG is about 560 × 340 px, so twice that
  expect(view.getUint32(16)).toBeGreaterThan(1000);
  expect(view.getUint32(20)).toBeGreaterThan(600);
});
