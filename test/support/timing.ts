// Time as a ratio, never as a wall-clock number: both sides are measured in the same run on the
// same machine, so a busy or slow machine moves both.

/** The median time of `runs` calls of `work`, in milliseconds. */
export function medianMs(work: () => unknown, runs = 5): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** The median of an asynchronous piece of work, one call after another. */
export async function medianMsAsync(work: () => Promise<unknown>, runs = 5): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
