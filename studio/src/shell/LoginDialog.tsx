import { LoginPage } from '../library/LoginPage.tsx';
import { go } from '../library/route.ts';
import '../library/library.css';
import { afterCancel, afterSignIn } from './login-return.ts';

/** Sign-in over the studio: the editor stays mounted and visible behind it, so nothing of the canvas is lost. */
export function LoginDialog() {
  return (
    <div className="lib-backdrop login-backdrop" data-testid="login-dialog">
      <div className="lib-dialog login-dialog" role="dialog" aria-modal="true" aria-labelledby="login-title">
        <LoginPage onDone={() => go(afterSignIn())} onCancel={() => go(afterCancel())} />
      </div>
    </div>
  );
}
