import { type FormEvent, useState } from 'react';
import { go } from './route.ts';
import { sessionStore } from './session-store.ts';
import { errorText } from './text.ts';
import { useLibT } from './useLibT.ts';
import { useSessionUser } from './useSession.ts';

/**
 * Sign-in, then the forced password change while the account still has its one-time password. `onDone` says
 * where to go once signed in (the studio's dialog goes back to the editor); `onCancel` adds a close button.
 */
export function LoginPage({
  onDone = () => go('#/home'),
  onCancel,
}: {
  onDone?: () => void;
  onCancel?: () => void;
} = {}) {
  const t = useLibT();
  const user = useSessionUser();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [error, setError] = useState<string>();
  const mustChange = user?.mustChangePassword === true;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      if (mustChange) {
        await sessionStore.getState().changePassword(password, newPassword);
        onDone();
      } else {
        const u = await sessionStore.getState().login(username, password);
        if (!u.mustChangePassword) onDone();
      }
    } catch (err) {
      setError(errorText(t, err));
    }
  };

  return (
    <form className="lib-card lib-login" onSubmit={(e) => void submit(e)} data-testid="login-form">
      <h2 id="login-title">{mustChange ? t('login.change') : t('login.title')}</h2>
      {!mustChange && (
        <label className="lib-field">
          {t('login.username')}
          <input
            name="username"
            autoComplete="username"
            // biome-ignore lint/a11y/noAutofocus: the dialog opens to sign in; the name field is where typing starts
            autoFocus
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
      )}
      <label className="lib-field">
        {t('login.password')}
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      {mustChange && (
        <label className="lib-field">
          {t('login.newPassword')}
          <input
            name="newPassword"
            type="password"
            autoComplete="new-password"
            value={newPassword}
            onChange={(e) => setNewPassword(e.target.value)}
          />
        </label>
      )}
      {error && (
        <p className="lib-error" role="alert">
          {error}
        </p>
      )}
      <div className="lib-row login-actions">
        {onCancel && (
          <button type="button" onClick={onCancel} data-testid="login-cancel">
            {t('common.cancel')}
          </button>
        )}
        <button type="submit" className="primary">
          {mustChange ? t('login.changeSubmit') : t('login.submit')}
        </button>
      </div>
    </form>
  );
}
