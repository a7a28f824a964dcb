/** The share of the work area (canvas or notebook) above the results pane, 0…1. */
export const SPLIT_DEFAULT = 0.5;
/** Neither side is squeezed below these heights (px): a toolbar and two cards; a header and five rows. */
export const MIN_TOP_PX = 180;
export const MIN_BOTTOM_PX = 200;
/** One arrow key press moves the split by this share; Page Up/Down by three times as much. */
export const SPLIT_STEP = 0.04;

const KEY = 'customs-studio.split';

/** Keeps the split inside the area, leaving each side its minimum height (the middle when both cannot fit). */
export function clampSplit(fraction: number, height: number): number {
  if (!Number.isFinite(fraction)) return SPLIT_DEFAULT;
  if (height <= MIN_TOP_PX + MIN_BOTTOM_PX) return 0.5;
  const lo = MIN_TOP_PX / height;
  const hi = 1 - MIN_BOTTOM_PX / height;
  return Math.min(hi, Math.max(lo, fraction));
}

/** The remembered split, or the default when none (or something unreadable) is stored. */
export function readSplit(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): number {
  try {
    const v = Number(storage?.getItem(KEY));
    return storage?.getItem(KEY) !== null && v > 0 && v < 1 ? v : SPLIT_DEFAULT;
  } catch {
    return SPLIT_DEFAULT;
  }
}

/** Remembers the split for the next visit (rounded: the stored value stays readable). */
export function writeSplit(fraction: number, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage) {
  try {
    storage?.setItem(KEY, fraction.toFixed(3));
  } catch {
    // storage unavailable: the split lasts for this page only
  }
}

/** The split after a key press on the handle, or undefined for a key the handle does not use. */
export function splitAfterKey(key: string, fraction: number): number | undefined {
  switch (key) {
    case 'ArrowUp':
      return fraction - SPLIT_STEP;
    case 'ArrowDown':
      return fraction + SPLIT_STEP;
    case 'PageUp':
      return fraction - 3 * SPLIT_STEP;
    case 'PageDown':
      return fraction + 3 * SPLIT_STEP;
    case 'Home':
      return 0;
    case 'End':
      return 1;
    default:
      return undefined;
  }
}
