import { useDashT } from '../dashboard/text.ts';
import { useT } from '../i18n/useT.ts';
import { SearchBox } from '../portal/SearchBox.tsx';
import { usePortalT } from '../portal/text.ts';
import { LanguageToggle } from '../shell/LanguageToggle.tsx';
import { useModelsT } from './models-text.ts';
import { NotificationBell } from './NotificationBell.tsx';
import type { Route } from './route.ts';
import { go } from './route.ts';
import { sessionStore } from './session-store.ts';
import type { LibKey } from './text.ts';
import { useLibT } from './useLibT.ts';
import { useRunsT } from './useRunsT.ts';
import { useSessionUser } from './useSession.ts';

const LINKS: [hash: string, key: LibKey, page: Route['page']][] = [
  ['#/editor', 'nav.editor', 'editor'],
  ['#/pipelines', 'nav.pipelines', 'pipelines'],
  ['#/templates', 'nav.templates', 'templates'],
  ['#/ranking', 'nav.ranking', 'ranking'],
  ['#/datasets', 'nav.datasets', 'datasets'],
];

/** The library pages' top bar. */
export function LibraryNav({ page }: { page: Route['page'] }) {
  const t = useLibT();
  const rt = useRunsT();
  const mt = useModelsT();
  const dt = useDashT();
  const pt = usePortalT();
  const tt = useT();
  const user = useSessionUser();
  return (
    <header className="header lib-nav">
      <h1 className="header-title">
        <a href="#/home" className="header-home">
          관세 분석 스튜디오
        </a>
      </h1>
      {user && !user.mustChangePassword && (
        <nav>
          <a href="#/home" className={page === 'home' ? 'active' : ''} data-testid="nav-home">
            {pt('nav.home')}
          </a>
          {LINKS.map(([hash, key, p]) => (
            <a
              key={hash}
              href={hash}
              className={p === page || (p === 'templates' && page === 'template') ? 'active' : ''}
            >
              {t(key)}
            </a>
          ))}
          <a href="#/schedules" className={page === 'schedules' || page === 'runs' ? 'active' : ''}>
            {rt('nav.schedules')}
          </a>
          <a href="#/models" className={page === 'models' ? 'active' : ''}>
            {mt('nav.models')}
          </a>
          <a href="#/dashboards" className={page === 'dashboards' || page === 'dashboard' ? 'active' : ''}>
            {dt('list.title')}
          </a>
          <a href="#/requests" className={page === 'requests' || page === 'request' ? 'active' : ''}>
            {pt('nav.requests')}
          </a>
          <a href="#/datamap" className={page === 'datamap' ? 'active' : ''}>
            {tt('nav.datamap')}
          </a>
        </nav>
      )}
      <span className="header-spacer" />
      <SearchBox />
      {user && (
        <>
          {!user.mustChangePassword && <NotificationBell />}
          <span className="lib-user">{user.displayName || user.username}</span>
          <button
            type="button"
            onClick={() =>
              void sessionStore
                .getState()
                .logout()
                .then(() => go('#/login'))
            }
            data-testid="logout"
          >
            {t('nav.logout')}
          </button>
        </>
      )}
      <LanguageToggle />
    </header>
  );
}
