import { z } from 'zod';

/** Param pieces the training nodes share; their columns come from the `train` (history) input. */

export const trainColumns = (ko: string, en: string, help?: { ko: string; en: string }) =>
  z.array(z.string().min(1)).default([]).meta({ label: { ko, en }, help, widget: 'columns', columnOf: 'train' });

/** Declared value ÷ mass (or quantity): a unit-value key and feature. */
export const unitValueParam = z
  .object({
    value: z
      .string()
      .min(1)
      .meta({ label: { ko: '금액 열', en: 'Value column' }, widget: 'column', columnOf: 'train' }),
    quantity: z
      .string()
      .min(1)
      .meta({ label: { ko: '중량·수량 열', en: 'Mass or quantity column' }, widget: 'column', columnOf: 'train' }),
  })
  .strict()
  .optional()
  .meta({ label: { ko: '단가(금액 ÷ 중량)', en: 'Unit value (value ÷ mass)' } });
