import { describe, expect, it } from 'vitest';
import { checkPreview } from '../templates/preview.ts';
import { cellText, clip, tableSvg } from './table-svg.ts';

describe('table preview image', () => {
  it('cuts Hangul at half the characters of Latin text (a Hangul character is twice as wide)', () => {
    expect(clip('abcdefghij', 10)).toBe('abcdefghij');
    expect(clip('abcdefghijk', 10)).toBe('abcdefghi…');
    expect(clip('전기차용 리튬이온 축전지', 10)).toBe('전기차용…');
  });

  it('shows numbers as an officer reads them', () => {
    expect(cellText(4939827761n)).toBe('4,939,827,761');
    expect(cellText(0.123456)).toBe('0.12');
    expect(cellText(null)).toBe('');
  });

  it('draws escaped text only, accepted as a template preview', () => {
    const svg = tableSvg(
      [
        { name: 'item_name_ko', type: 'VARCHAR' },
        { name: 'total', type: 'BIGINT' },
      ],
      // DuckDB hands BIGINT results over as bigint, which the `Value` type does not list
      [{ item_name_ko: '<script>alert(1)</script> & 원유', total: 1200n as unknown as number }],
      '품목별 금액',
    );
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('text-anchor="end" fill="#374151">1,200<');
    const bytes = new TextEncoder().encode(svg);
    expect(checkPreview('image/svg+xml', bytes, 512 * 1024)).toBe('image/svg+xml');
  });
});
