import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/**
 * Security headers on every response.
 *
 * - CSP: scripts only from this origin; `'wasm-unsafe-eval'` lets DuckDB-WASM and ONNX compile WebAssembly
 *   without allowing `eval`; workers from this origin or `blob:` (DuckDB's worker bootstrap). No inline
 *   scripts anywhere, and styles only from files, so an injected `<script>` or `style` attribute is inert.
 * - COOP same-origin + COEP require-corp: cross-origin isolation, which DuckDB-WASM needs for
 *   `SharedArrayBuffer` (its threaded build). CORP same-origin: our files cannot be embedded elsewhere.
 *
 * A route may send its own, stricter CSP (uploaded SVG previews do): it is kept.
 *
 * @example app.use('*', securityHeaders())
 */
export function securityHeaders(): MiddlewareHandler {
  const headers = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
      workerSrc: ["'self'", 'blob:'],
      styleSrc: ["'self'", "'unsafe-inline'"], // Monaco and Vega insert <style> elements; scripts stay 'self' only
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    crossOriginOpenerPolicy: 'same-origin',
    crossOriginEmbedderPolicy: 'require-corp',
    crossOriginResourcePolicy: 'same-origin',
    referrerPolicy: 'same-origin',
    xFrameOptions: 'DENY',
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  });
  return async function securityHeaders(c, next) {
    let own: string | null = null;
    await headers(c, async () => {
      await next();
      own = c.res.headers.get('content-security-policy');
    });
    // A response that set a stricter policy of its own (e.g. an uploaded SVG preview) keeps it.
    if (own) c.res.headers.set('content-security-policy', own);
  };
}
