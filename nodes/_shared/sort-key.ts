import { z } from 'zod';

const key = z
  .object({
    column: z
      .string()
      .min(1)
      .meta({ label: { ko: '열', en: 'Column' }, widget: 'column', columnOf: 'in' }),
    desc: z
      .boolean()
      .default(false)
      .meta({ label: { ko: '내림차순', en: 'Descending' }, widget: 'boolean' }),
  })
  .strict();

/**
 * One sort key, `{ "column", "desc"? }` as in `prep.sort`'s `by`; a bare column name is accepted as
 * shorthand for `{ "column": name }` (ascending), so documents written before the object form stay valid.
 */
export const sortKey = z.preprocess((v) => (typeof v === 'string' ? { column: v } : v), key);
