/**
 * Every shipped template appears in the gallery under its KCS model (kcs-models.md), not as a plain example, so an
 * officer browsing a model family finds it. The files are read from disk: a template added without a catalogue line
 * fails here.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_CATEGORIES } from '../db/schema.ts';
import { catalogueEntry } from './catalogue.ts';

const SHIPPED = readdirSync(fileURLToPath(new URL('../../templates', import.meta.url))).filter((f) =>
  f.endsWith('.pipeline.json'),
);

/** Studio examples that answer no KCS model's question (reading a file, a profile, a rate): `general` on purpose. */
const STUDIO_EXAMPLES = [
  'cp949-declarations.pipeline.json',
  'importer-profile.pipeline.json',
  'inspection-hit-rate.pipeline.json',
];

describe('gallery categories of the shipped templates', () => {
  const covered = [...new Set(SHIPPED.map((f) => catalogueEntry(f).category))].sort();
  const missing = TEMPLATE_CATEGORIES.filter((c) => c !== 'general' && !covered.includes(c));
  const report = `covered: ${covered.join(', ')}\nno template yet: ${missing.join(', ') || '—'}`;

  it('files every KCS-model template under its model with Korean tags', () => {
    const general = SHIPPED.filter((f) => catalogueEntry(f).category === 'general');
    expect(
      general.filter((f) => !STUDIO_EXAMPLES.includes(f)),
      report,
    ).toEqual([]);
    for (const f of SHIPPED)
      expect(
        catalogueEntry(f).tags.some((t) => /[\uac00-\ud7a3]/.test(t)),
        f,
      ).toBe(true);
  });

  it('covers the data map, vessel, HS, trend, document and chatbot models', () => {
    for (const c of [
      'data_map',
      'vessel_analysis',
      'hs_code_prediction',
      'trend_prediction',
      'document_association',
      'consultation_chatbot',
      'bigfinder_links',
    ] as const)
      expect(covered, report).toContain(c);
    console.info(`[gallery] ${report}`);
  });
});
