import { afterEach, describe, expect, it } from 'vitest';
import { offload, setOffloadHost } from './offload.ts';

const double = async (a: { n: number }) => a.n * 2;

describe('offload', () => {
  afterEach(() => setOffloadHost(null));

  it('runs in process without a host, and on the host for the tasks it takes', async () => {
    const control = { progress: () => {} };
    expect(await offload('t', { n: 2 }, control, double)).toBe(4);
    const seen: string[] = [];
    setOffloadHost({
      handles: (task) => task === 't',
      run: async (task, args) => {
        seen.push(task);
        return (args as { n: number }).n * 10;
      },
    });
    expect(await offload('t', { n: 2 }, control, double)).toBe(20);
    // a task the host does not take stays in process
    expect(await offload('other', { n: 2 }, control, double)).toBe(4);
    expect(seen).toEqual(['t']);
  });
});
