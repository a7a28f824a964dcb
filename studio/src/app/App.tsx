import { Canvas } from '../canvas/Canvas.tsx';
import { Palette } from '../canvas/Palette.tsx';
import { Inspector } from '../inspect/Inspector.tsx';
import { LibraryPage } from '../library/LibraryPage.tsx';
import { useRoute } from '../library/useRoute.ts';
import { NodePanel } from '../node-view/NodePanel.tsx';
import { Notebook } from '../notebook/Notebook.tsx';
import { Header } from '../shell/Header.tsx';
import { NoticeBar } from '../shell/NoticeBar.tsx';
import { useUndoShortcuts } from '../shell/useUndoShortcuts.ts';
import { useView } from '../shell/useView.ts';
import { SourcesPanel } from '../sources/SourcesPanel.tsx';
import '../styles/layout.css';

/** Header on top; data and the palette on the left; canvas or notebook, the node's form, and the inspector. */
export function App() {
  useUndoShortcuts();
  const [view] = useView();
  const route = useRoute();
  if (route.page !== 'editor') return <LibraryPage route={route} />;
  return (
    <div className="studio">
      <Header />
      <NoticeBar />
      <div className={`studio-body studio-${view}`}>
        <aside className="studio-sources">
          <SourcesPanel />
          <Palette />
        </aside>
        <main className="studio-centre">{view === 'canvas' ? <Canvas /> : <Notebook />}</main>
        {view === 'canvas' && (
          <aside className="studio-form">
            <NodePanel />
          </aside>
        )}
        <section className="studio-inspector">
          <Inspector />
        </section>
      </div>
    </div>
  );
}
