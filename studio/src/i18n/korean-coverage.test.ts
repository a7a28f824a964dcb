import { describe, expect, it } from 'vitest';
import { nodeDefinitions } from '../../../nodes/index.ts';
import { CATALOGUE } from '../../../runtime/messages/catalogue.ts';
import type { Label } from '../../../runtime/nodes/param-meta.ts';
import { describeSchema } from '../forms/describe-schema.ts';
import type { FieldSpec } from '../forms/field-spec.ts';
import { optionText } from '../forms/option-text.ts';
import { joinPath } from '../forms/paths.ts';
import { en } from './en.ts';
import { ko } from './ko.ts';

const HANGUL = /[가-힣]/;

/**
 * Texts that are the same in every language: brand and format names, units, symbols. A Korean value without
 * Hangul must be listed here, on purpose.
 */
const NO_HANGUL_NEEDED = new Set([
  'app.subtitle', // the English product name under the Korean title
  'lang.toggle', // the switch names the other language: "English"
  'sources.formats', // file format names
  'inspect.ms', // a duration with its unit
]);
/** Choices whose name is a format name in every language. */
const BRAND_CHOICES = new Set(['CSV']);
const NO_HANGUL_VALUES =
  /^(?:[\s\d{}().,:·/%×~→←↑↓▲▼…\-+=<>≤≥≠|#'"_[\]A-Z]*|CSV|JSON|SQL|SVG|PNG|PDF|XLSX|Parquet|ONNX|ID|HS|KRW|₩|ms|s)$/;

describe('Korean first: the studio catalogue', () => {
  it('has a Korean value with Hangul for every key (brand names and symbols allow-listed)', () => {
    const missing = Object.entries(ko).filter(
      ([key, text]) => !HANGUL.test(text) && !NO_HANGUL_NEEDED.has(key) && !NO_HANGUL_VALUES.test(text),
    );
    expect(missing).toEqual([]);
  });

  it('has the same keys in Korean and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ko).sort());
  });
});

describe('Korean first: the message catalogue', () => {
  it('gives every code in both languages', () => {
    for (const [code, text] of Object.entries(CATALOGUE) as [string, Label][]) {
      expect(text.ko, code).toBeTruthy();
      expect(text.en, code).toBeTruthy();
    }
  });
});

interface Found {
  where: string;
  ko: string;
}

/** Every choice of every setting of every registered node, as the form names it in Korean. */
function choices(): Found[] {
  const out: Found[] = [];
  const walk = (spec: FieldSpec, path: string, type: string) => {
    if (spec.kind === 'select') {
      for (const o of spec.options ?? []) {
        out.push({ where: `${type} ${path} = ${o}`, ko: optionText(type, path, o, 'ko', spec.optionLabels) });
      }
    }
    for (const f of spec.fields ?? []) walk(f, joinPath(path, f.key), type);
    if (spec.item) walk(spec.item, joinPath(path, 0), type);
    for (const v of spec.variants ?? []) {
      const tagPath = joinPath(path, spec.discriminator ?? 'type');
      out.push({ where: `${type} ${tagPath} = ${v.tag}`, ko: optionText(type, tagPath, v.tag, 'ko') });
      for (const f of v.fields) walk(f, joinPath(path, f.key), type);
    }
  };
  for (const def of nodeDefinitions) walk(describeSchema(def.params as never), '', def.type);
  return out;
}

/** Every label and help text in the params meta, the node's own names and its ports'. */
function labels(): { where: string; label: Label | undefined }[] {
  const out: { where: string; label: Label | undefined }[] = [];
  const walk = (spec: FieldSpec, path: string, type: string) => {
    if (spec.label) out.push({ where: `${type} ${path} label`, label: spec.label });
    if (spec.help) out.push({ where: `${type} ${path} help`, label: spec.help });
    for (const [value, label] of Object.entries(spec.optionLabels ?? {})) {
      out.push({ where: `${type} ${path} option ${value}`, label });
    }
    for (const f of spec.fields ?? []) walk(f, joinPath(path, f.key), type);
    if (spec.item) walk(spec.item, joinPath(path, 0), type);
    for (const v of spec.variants ?? []) for (const f of v.fields) walk(f, joinPath(path, f.key), type);
  };
  for (const def of nodeDefinitions) {
    out.push({ where: `${def.type} label`, label: def.label });
    out.push({ where: `${def.type} description`, label: def.description });
    for (const p of [...def.inputs, ...def.outputs]) out.push({ where: `${def.type} port ${p.name}`, label: p.label });
    walk(describeSchema(def.params as never), '', def.type);
  }
  return out;
}

describe('Korean first: node settings', () => {
  it('names every choice of every enum in Korean', () => {
    const untranslated = choices().filter((c) => !HANGUL.test(c.ko) && !BRAND_CHOICES.has(c.ko));
    expect(untranslated.map((c) => c.where)).toEqual([]);
  });

  it('gives every label, help text and node name a Korean text with Hangul', () => {
    const missing = labels().filter(
      ({ label }) => !label?.ko || !label.en || (!HANGUL.test(label.ko) && !NO_HANGUL_VALUES.test(label.ko)),
    );
    expect(missing.map((m) => `${m.where}: ${JSON.stringify(m.label)}`)).toEqual([]);
  });
});
