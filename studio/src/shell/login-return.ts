/** Where the studio was when sign-in was asked for; undefined when the page was opened at `#/login`. */
let from: string | undefined;

const isLogin = (hash: string) => /^#\/?login\b/.test(hash);

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', (e) => {
    const hash = new URL(e.newURL).hash;
    const before = new URL(e.oldURL).hash;
    if (isLogin(hash) && !isLogin(before)) from = before || '#/editor';
  });
}

/** Whether a hash is the editor's (empty, `#/` or `#/editor`). */
export function isEditorHash(hash: string): boolean {
  return hash === '' || hash === '#' || hash === '#/' || /^#\/?editor\b/.test(hash);
}

/**
 * Where to go once signed in: back where the officer was (the editor, with the canvas as it was behind the
 * dialog, or the page that asked for it); the home page when the page was opened at `#/login`.
 */
export function afterSignIn(): string {
  if (from === undefined) return '#/home';
  return isEditorHash(from) ? '#/editor' : from;
}

/** Where closing the dialog without signing in goes: back to the editor (other pages would ask again). */
export function afterCancel(): string {
  return '#/editor';
}
