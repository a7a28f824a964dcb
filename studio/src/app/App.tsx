import { Inspector } from '../inspect/Inspector.tsx';
import { Header } from '../shell/Header.tsx';
import { NoticeBar } from '../shell/NoticeBar.tsx';
import { useUndoShortcuts } from '../shell/useUndoShortcuts.ts';
import { SourcesPanel } from '../sources/SourcesPanel.tsx';
import { StepList } from '../steps/StepList.tsx';
import '../styles/layout.css';

/** Header on top; data sources on the left; the steps (the canvas, later) and below them the inspector. */
export function App() {
  useUndoShortcuts();
  return (
    <div className="studio">
      <Header />
      <NoticeBar />
      <div className="studio-body">
        <aside className="studio-sources">
          <SourcesPanel />
        </aside>
        <main className="studio-centre">
          <StepList />
        </main>
        <section className="studio-inspector">
          <Inspector />
        </section>
      </div>
    </div>
  );
}
