import { useT } from '../i18n/useT.ts';
import { ServerMenu } from '../library/ServerMenu.tsx';
import { DocMenu } from './DocMenu.tsx';
import { DocStatus } from './DocStatus.tsx';
import { EngineBadge } from './EngineBadge.tsx';
import { LanguageToggle } from './LanguageToggle.tsx';
import { RunControls } from './RunControls.tsx';
import { UndoRedo } from './UndoRedo.tsx';
import './shell.css';

export function Header() {
  const t = useT();
  return (
    <header className="header">
      <h1 className="header-title" title={t('app.subtitle')}>
        {t('app.title')}
      </h1>
      <DocMenu />
      <DocStatus />
      <UndoRedo />
      <RunControls />
      <ServerMenu />
      <span className="header-spacer" />
      <EngineBadge />
      <LanguageToggle />
    </header>
  );
}
