import { lazy, Suspense, useState } from 'react';
import { createPortal } from 'react-dom';
import { useLang } from '../i18n/useLang.ts';
import { L } from './labels.ts';

// The retrieval code and the knowledge load when the panel first opens, off the first screen.
const ChatPanel = lazy(() => import('./ChatPanel.tsx'));

/** Opens the consultation chatbot beside the studio. */
export function ChatButton() {
  const [lang] = useLang();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="chat-open"
        title={L.buttonTitle[lang]}
        onClick={() => setOpen((o) => !o)}
        data-testid="chat-open"
      >
        {L.button[lang]}
      </button>
      {/* Outside the header, whose white, one-line text styles must not reach the panel. */}
      {open &&
        createPortal(
          <Suspense fallback={null}>
            <ChatPanel onClose={() => setOpen(false)} />
          </Suspense>,
          document.body,
        )}
    </>
  );
}
