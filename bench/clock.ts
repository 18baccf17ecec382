/** Wall-clock milliseconds with sub-millisecond resolution, comparable across the threads of this process. */
export const now = (): number => performance.timeOrigin + performance.now();
