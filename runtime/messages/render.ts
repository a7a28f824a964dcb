import type { Label } from '../nodes/param-meta.ts';
import { CATALOGUE, type MessageCode } from './catalogue.ts';
import { withJosa } from './josa.ts';

export type Lang = 'ko' | 'en';

/** An argument: plain text, a number, a text in both languages, or another message (rendered in the same language). */
export type MessageArg = string | number | Label | Message;

/** A user-facing message as data: travels through JSON (server → studio) and is rendered in the reader's language. */
export interface Message {
  code: MessageCode;
  args?: Record<string, MessageArg>;
}

function isMessage(a: MessageArg): a is Message {
  return typeof a === 'object' && 'code' in a;
}

function argText(arg: MessageArg | undefined, lang: Lang): string {
  if (arg === undefined) return '';
  if (typeof arg === 'string') return arg;
  if (typeof arg === 'number') return String(arg);
  if (isMessage(arg)) return renderMessage(arg, lang);
  return arg[lang] || arg.ko;
}

const PARTICLE = /\[(을|를|이|가|은|는|과|와|으로|로)\]/g;

/** The message in `lang`: arguments filled in, Korean particles chosen by the word before them. */
export function renderMessage(message: Message, lang: Lang): string {
  const template = (CATALOGUE[message.code] as Label | undefined)?.[lang];
  if (template === undefined) return message.code;
  const filled = template.replace(/\{(\w+)\}/g, (_, name: string) => argText(message.args?.[name], lang));
  // Pick each particle from the text just before it.
  let out = '';
  let last = 0;
  for (const m of filled.matchAll(PARTICLE)) {
    const before = filled.slice(last, m.index);
    out += withJosa(before, m[1]!);
    last = m.index + m[0].length;
  }
  return out + filled.slice(last);
}

/** Both languages at once (what the server sends as `messages`). */
export function messageTexts(message: Message): Label {
  return { ko: renderMessage(message, 'ko'), en: renderMessage(message, 'en') };
}

/** Shorthand for building a message. */
export function msg(code: MessageCode, args?: Record<string, MessageArg>): Message {
  return args ? { code, args } : { code };
}
