/**
 * Fit View never enlarges a small graph past 1:1 nor shrinks a big one below 0.2; the top padding keeps the
 * top cards clear of the toolbar (a 32 px row 10 px from the edge), the bottom of the guide's row.
 */
export const FIT_VIEW = {
  maxZoom: 1,
  minZoom: 0.2,
  padding: { top: '64px', right: '40px', bottom: '72px', left: '64px' },
} as const;
