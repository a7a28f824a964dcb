import { describe, expect, it } from 'vitest';
import { parseHash } from '../library/route.ts';
import { kstTime } from './text.ts';

describe('dashboard routes and times', () => {
  it('parses the list and a shared dashboard link', () => {
    expect(parseHash('#/dashboards')).toEqual({ page: 'dashboards' });
    expect(parseHash('#/dashboards/0b9f6f4e-7f0e-4a8e')).toEqual({ page: 'dashboard', id: '0b9f6f4e-7f0e-4a8e' });
  });

  it('shows run times in Seoul time: 01:00 UTC + 9 h = 10:00', () => {
    expect(kstTime('2026-11-24T01:00:00.000Z')).toBe('2026-11-24 10:00');
    expect(kstTime('2026-11-24T20:30:00.000Z')).toBe('2026-11-25 05:30'); // crosses midnight
  });
});
