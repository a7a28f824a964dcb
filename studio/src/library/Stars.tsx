/** 1–5 stars: shows `value` (may be fractional, rounded); clickable when `onRate` is given. */
export function Stars({
  value,
  onRate,
  testId,
}: {
  value: number | null;
  onRate?(stars: number): void;
  testId?: string;
}) {
  const shown = Math.round(value ?? 0);
  return (
    <span className="lib-stars" data-testid={testId} title={`${value ?? 0} / 5`}>
      {[1, 2, 3, 4, 5].map((n) =>
        onRate ? (
          <button
            key={n}
            type="button"
            className={n <= shown ? 'on' : ''}
            onClick={() => onRate(n)}
            aria-label={`${n}`}
            data-star={n}
          >
            ★
          </button>
        ) : (
          <span key={n} className={n <= shown ? 'on' : ''}>
            ★
          </span>
        ),
      )}
    </span>
  );
}
