/** `f` remembering its answer per argument: for tariff texts repeated under many lines (unbounded; not for user input). */
export function memoised<T>(f: (key: string) => T): (key: string) => T {
  const memo = new Map<string, T>();
  return (key) => {
    if (memo.has(key)) return memo.get(key) as T;
    const v = f(key);
    memo.set(key, v);
    return v;
  };
}
