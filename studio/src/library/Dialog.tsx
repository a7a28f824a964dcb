import type { ReactNode } from 'react';

/** A modal box over the page. */
export function Dialog({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <div className="lib-backdrop">
      <div className="lib-dialog" role="dialog" aria-modal="true" aria-label={title} data-testid={testId}>
        <h2>{title}</h2>
        {children}
      </div>
    </div>
  );
}
