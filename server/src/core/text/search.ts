/** The index of the last of `count` ascending keys that is at most `value` (0 when none is). */
export function lastAtOrBefore(count: number, keyAt: (index: number) => number, value: number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (keyAt(mid) <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
