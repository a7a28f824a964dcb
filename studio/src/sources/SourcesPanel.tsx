import { useT } from '../i18n/useT.ts';
import { DropZone } from './DropZone.tsx';
import { LoadProgress } from './LoadProgress.tsx';
import { ParametersPanel } from './ParametersPanel.tsx';
import { SampleList } from './SampleList.tsx';
import './sources.css';

export function SourcesPanel() {
  const t = useT();
  return (
    <div className="sources">
      <h2>{t('sources.title')}</h2>
      <DropZone />
      <LoadProgress />
      <ParametersPanel />
      <SampleList />
    </div>
  );
}
