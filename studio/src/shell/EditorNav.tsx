import { ChatButton } from '../chat/ChatButton.tsx';
import { useDashT } from '../dashboard/text.ts';
import { useT } from '../i18n/useT.ts';
import { useModelsT } from '../library/models-text.ts';
import { useLibT } from '../library/useLibT.ts';
import { useRunsT } from '../library/useRunsT.ts';
import { useServerDoc } from '../library/useServerDoc.ts';
import { HomeLink } from '../portal/HomeLink.tsx';
import { SearchBox } from '../portal/SearchBox.tsx';
import { ViewToggle } from './ViewToggle.tsx';

/**
 * The editor's links to the other pages (the library's routes, `library/route.ts`): no address to type.
 * 실행 이력 is this pipeline's, so it waits until the pipeline is on the server. The canvas | notebook switch
 * sits at its right end (it changes the page below, and keeps the header to one line), after the chatbot and search.
 */
export function EditorNav() {
  const t = useT();
  const lt = useLibT();
  const rt = useRunsT();
  const mt = useModelsT();
  const dt = useDashT();
  const { pipelineId } = useServerDoc();
  const links: { hash: string; label: string; title?: string; testId: string }[] = [
    { hash: '#/pipelines', label: lt('nav.pipelines'), testId: 'nav-pipelines' },
    { hash: '#/templates', label: lt('nav.templates'), testId: 'nav-templates' },
    { hash: '#/datasets', label: lt('nav.datasets'), testId: 'nav-datasets' },
    { hash: '#/schedules', label: rt('nav.schedules'), title: t('nav.schedulesTitle'), testId: 'nav-schedules' },
    { hash: '#/dashboards', label: dt('list.title'), testId: 'nav-dashboards' },
    { hash: '#/models', label: mt('nav.models'), testId: 'nav-models' },
  ];
  return (
    <nav className="editor-nav" aria-label={t('nav.label')} data-testid="editor-nav">
      <HomeLink />
      <a href="#/editor" className="active" aria-current="page">
        {t('nav.editor')}
      </a>
      {links.slice(0, 4).map((l) => (
        <a key={l.hash} href={l.hash} title={l.title} data-testid={l.testId}>
          {l.label}
        </a>
      ))}
      {pipelineId ? (
        <a href={`#/runs/${pipelineId}`} data-testid="nav-runs">
          {rt('runs.title')}
        </a>
      ) : (
        <span className="editor-nav-off" title={t('nav.runsUnsaved')} data-testid="nav-runs">
          {rt('runs.title')}
        </span>
      )}
      {links.slice(4).map((l) => (
        <a key={l.hash} href={l.hash} title={l.title} data-testid={l.testId}>
          {l.label}
        </a>
      ))}
      <span className="editor-nav-spacer" />
      <ChatButton />
      <SearchBox />
      <ViewToggle />
    </nav>
  );
}
