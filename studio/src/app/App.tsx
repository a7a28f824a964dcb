import { Canvas } from '../canvas/Canvas.tsx';
import { Palette } from '../canvas/Palette.tsx';
import { Inspector } from '../inspect/Inspector.tsx';
import { LibraryPage } from '../library/LibraryPage.tsx';
import { useRoute } from '../library/useRoute.ts';
import { NodePanel } from '../node-view/NodePanel.tsx';
import { Notebook } from '../notebook/Notebook.tsx';
import { useHomeFirst } from '../portal/useHomeFirst.ts';
import { EditorNav } from '../shell/EditorNav.tsx';
import { Header } from '../shell/Header.tsx';
import { LoginDialog } from '../shell/LoginDialog.tsx';
import { NoticeBar } from '../shell/NoticeBar.tsx';
import { SplitPane } from '../shell/SplitPane.tsx';
import { useUndoShortcuts } from '../shell/useUndoShortcuts.ts';
import { useView } from '../shell/useView.ts';
import { SourcesPanel } from '../sources/SourcesPanel.tsx';
import '../styles/layout.css';

/**
 * Header and page links on top; data and the palette on the left; canvas (with the node's form) or notebook
 * over the results, split by a handle. Sign-in opens over the editor, which stays as it was behind it.
 */
export function App() {
  useUndoShortcuts();
  useHomeFirst();
  const [view] = useView();
  const route = useRoute();
  if (route.page !== 'editor' && route.page !== 'login') return <LibraryPage route={route} />;
  return (
    <div className="studio">
      <Header />
      <EditorNav />
      <NoticeBar />
      <div className={`studio-body studio-${view}`}>
        <aside className="studio-sources">
          <SourcesPanel />
          <Palette />
        </aside>
        <SplitPane
          top={
            <div className="studio-work">
              <main className="studio-centre">{view === 'canvas' ? <Canvas /> : <Notebook />}</main>
              {view === 'canvas' && (
                <aside className="studio-form">
                  <NodePanel />
                </aside>
              )}
            </div>
          }
          bottom={<Inspector />}
        />
      </div>
      {route.page === 'login' && <LoginDialog />}
    </div>
  );
}
