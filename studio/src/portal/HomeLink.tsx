import { useSessionUser } from '../library/useSession.ts';
import { usePortalT } from './text.ts';

/** The editor's way back to the home page (signed-in users only: home is per user). */
export function HomeLink() {
  const t = usePortalT();
  const user = useSessionUser();
  if (!user || user.mustChangePassword) return null;
  return (
    <a href="#/home" className="header-home-link" data-testid="editor-home">
      {t('nav.home')}
    </a>
  );
}
