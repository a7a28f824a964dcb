/**
 * Refuses JSON bodies nested deeper than `maxDepth` before anything parses or validates them: a 10,000-deep
 * array parses fine but overflows the stack of the recursive validators after it (a 500). The scan is one
 * pass over the text (strings skipped), and the text stays cached for the route's own `c.req.json()`.
 */
import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../errors.ts';
import { say } from '../security/say.ts';

export const MAX_JSON_DEPTH = 64;

/** Deepest nesting of `[`/`{` in `text`, stopping as soon as it passes `limit`. */
export function jsonDepth(text: string, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92 /* \ */) i++;
      else if (ch === 34 /* " */) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 91 /* [ */ || ch === 123 /* { */) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (ch === 93 /* ] */ || ch === 125 /* } */) depth--;
  }
  return deepest;
}

export function jsonDepthLimit(maxDepth = MAX_JSON_DEPTH): MiddlewareHandler {
  return async (c, next) => {
    const type = c.req.header('content-type') ?? '';
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && /\bjson\b/i.test(type)) {
      const text = await c.req.text();
      if (jsonDepth(text, maxDepth) > maxDepth) {
        const en = `the JSON body is nested deeper than ${maxDepth} levels`;
        throw new ApiError(400, 'too_deep', en, say(`요청 JSON의 중첩이 너무 깊습니다 (최대 ${maxDepth}단계)`, en));
      }
    }
    await next();
  };
}
