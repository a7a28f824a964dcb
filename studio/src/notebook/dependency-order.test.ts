import { describe, expect, it } from 'vitest';
import { dependencyOrder } from './dependency-order.ts';

describe('dependencyOrder', () => {
  it('puts every cell after what feeds it, ties in document order', () => {
    expect(
      dependencyOrder(
        ['agg', 'src', 'f', 'other'],
        [
          { source: 'src', target: 'f' },
          { source: 'f', target: 'agg' },
        ],
      ),
    ).toEqual(['src', 'f', 'agg', 'other']);
  });
});
