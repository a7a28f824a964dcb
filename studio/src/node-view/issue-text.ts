import { explainEngineError, isEngineError } from '../../../runtime/messages/duckdb.ts';
import { fieldLabel } from '../../../runtime/messages/params.ts';
import { type Message, msg, renderMessage } from '../../../runtime/messages/render.ts';
import type { Lang } from '../i18n/lang-store.ts';

/**
 * English texts that still arrive without a message code (older saved results, nodes' run-time checks), said
 * through the catalogue. New code should carry a `Message` instead.
 */
const LEGACY: [RegExp, (m: RegExpExecArray) => Message][] = [
  [
    /^Invalid input: expected \w+, received undefined$/,
    () => msg('param.required', { field: { ko: '이 설정', en: 'This setting' } }),
  ],
  [
    /^Too small: expected string to have >=1 characters$/,
    () => msg('param.empty', { field: { ko: '이 설정', en: 'This setting' } }),
  ],
  [
    /^Too small: expected array to have >=1 items$|^add at least one/,
    () => msg('param.too_few', { field: { ko: '이 목록', en: 'This list' }, min: 1 }),
  ],
  [
    /^Invalid option: expected one of (.*)$/,
    (m) => msg('param.choose_one', { field: { ko: '이 설정', en: 'This setting' }, options: m[1]! }),
  ],
  [
    /^input "(\w+)" is not connected$/,
    (m) => msg('param.input_not_connected', { port: portName(m[1]!), portName: m[1]! }),
  ],
  [/^(?:unknown|no) column "?([^"]+)"?/i, (m) => msg('param.unknown_column', { column: m[1]!, suggest: '' })],
  [/^cancelled before it started$/, () => msg('run.cancelled_before_start')],
  [/^run cancelled$/, () => msg('run.cancelled')],
  [/^upstream node "([^"]+)" needs attention$/, (m) => msg('run.upstream_blocked', { node: m[1]! })],
];

const PORTS: Record<string, { ko: string; en: string }> = {
  in: { ko: '입력', en: 'Input' },
  left: { ko: '왼쪽 입력', en: 'Left input' },
  right: { ko: '오른쪽 입력', en: 'Right input' },
};

function portName(port: string) {
  return PORTS[port] ?? { ko: port, en: port };
}

/** A validation or run message in `lang`; an English text without a known pattern is shown as it is. */
export function issueText(message: string, lang: Lang): string {
  for (const [re, make] of LEGACY) {
    const m = re.exec(message);
    if (m) return renderMessage(make(m), lang);
  }
  if (isEngineError(message)) return renderMessage(explainEngineError(message).message, lang);
  return message;
}

/** What a node's issue or run error says, in `lang`: its catalogue message when it has one. */
export function messageText(item: { message?: string; msg?: Message }, lang: Lang): string {
  return item.msg ? renderMessage(item.msg, lang) : issueText(item.message ?? '', lang);
}

/** A param path (`measures.0.as`) named the way the form names it ("집계 항목 1번째 › 결과 열 이름"). */
export function paramName(schema: unknown, param: string, lang: Lang): string {
  const path = param.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  return fieldLabel(schema, path)[lang];
}
