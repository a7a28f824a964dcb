import type { MessageKey } from '../i18n/ko.ts';
import { useT } from '../i18n/useT.ts';

const SHORTCUTS: [string, MessageKey][] = [
  ['Enter', 'keys.add'],
  ['Shift + 클릭 / 드래그', 'keys.multi'],
  ['Delete · Backspace', 'keys.delete'],
  ['Ctrl + C / Ctrl + V', 'keys.copyPaste'],
  ['Ctrl + D', 'keys.duplicate'],
  ['Ctrl + G', 'keys.group'],
  ['Ctrl + Z', 'keys.undo'],
  ['Ctrl + Shift + Z · Ctrl + Y', 'keys.redo'],
  ['Ctrl + A', 'keys.selectAll'],
  ['?', 'keys.help'],
];

/** The keyboard shortcuts of the canvas (opened with `?`). */
export function ShortcutHelp({ onClose }: { onClose(): void }) {
  const t = useT();
  return (
    <div className="shortcut-help" role="dialog" aria-label={t('canvas.shortcuts')} data-testid="shortcut-help">
      <div className="shortcut-head">
        <strong>{t('canvas.shortcuts')}</strong>
        <button type="button" className="icon" onClick={onClose} title={t('notice.close')}>
          ×
        </button>
      </div>
      <dl>
        {SHORTCUTS.map(([keys, what]) => (
          <div key={what}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{t(what)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
