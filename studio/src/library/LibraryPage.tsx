import { useEffect } from 'react';
import { DashboardPage } from '../dashboard/DashboardPage.tsx';
import { DashboardsPage, MyDashboards } from '../dashboard/DashboardsPage.tsx';
import { HomePage } from '../portal/HomePage.tsx';
import { RequestDetailPage, RequestsPage } from '../portal/RequestsPage.tsx';
import { SearchPage } from '../portal/SearchPage.tsx';
import { DataMapPage } from './DataMapPage.tsx';
import { DatasetsPage } from './DatasetsPage.tsx';
import { LibraryNav } from './LibraryNav.tsx';
import { LoginPage } from './LoginPage.tsx';
import { ModelsPage } from './ModelsPage.tsx';
import { PipelinesPage } from './PipelinesPage.tsx';
import { RankingPage } from './RankingPage.tsx';
import { RunsPage } from './RunsPage.tsx';
import type { Route } from './route.ts';
import { go } from './route.ts';
import { SchedulesPage } from './SchedulesPage.tsx';
import { TemplateDetailPage } from './TemplateDetailPage.tsx';
import { TemplatesPage } from './TemplatesPage.tsx';
import { useSessionUser } from './useSession.ts';
import './library.css';

/** The server library's pages (every route but the editor); signed-out visitors go to the login page. */
export function LibraryPage({ route }: { route: Exclude<Route, { page: 'editor' }> }) {
  const user = useSessionUser();
  const needsLogin = route.page !== 'login' && (user === null || user?.mustChangePassword === true);
  useEffect(() => {
    if (needsLogin) go('#/login');
  }, [needsLogin]);
  return (
    <div className="lib">
      <LibraryNav page={route.page} />
      <main className="lib-main">
        {user === undefined ? null : route.page === 'login' ? (
          <LoginPage />
        ) : needsLogin ? null : route.page === 'home' ? (
          <HomePage />
        ) : route.page === 'requests' ? (
          <RequestsPage />
        ) : route.page === 'request' ? (
          <RequestDetailPage key={route.id} id={route.id} />
        ) : route.page === 'search' ? (
          <SearchPage key={route.q} q={route.q} />
        ) : route.page === 'pipelines' ? (
          <>
            <MyDashboards />
            <PipelinesPage />
          </>
        ) : route.page === 'dashboards' ? (
          <DashboardsPage />
        ) : route.page === 'dashboard' ? (
          <DashboardPage key={route.id} id={route.id} />
        ) : route.page === 'templates' ? (
          <TemplatesPage />
        ) : route.page === 'template' ? (
          <TemplateDetailPage id={route.id} />
        ) : route.page === 'ranking' ? (
          <RankingPage />
        ) : route.page === 'datamap' ? (
          <DataMapPage />
        ) : route.page === 'models' ? (
          <ModelsPage />
        ) : route.page === 'schedules' ? (
          <SchedulesPage />
        ) : route.page === 'runs' ? (
          <RunsPage
            key={`${route.pipelineId}/${route.scheduleId}`}
            pipelineId={route.pipelineId}
            scheduleId={route.scheduleId}
          />
        ) : (
          <DatasetsPage />
        )}
      </main>
    </div>
  );
}
