/** Times one query function in the bench/*-queries.ts scripts: warm-up calls, then timed calls. */
export function queryTimer({ runs, warmup, width }: { runs: number; warmup: number; width: number }) {
  return async function time(name: string, fn: () => Promise<unknown>): Promise<void> {
    for (let i = 0; i < warmup; i++) await fn();
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await fn();
      samples.push(performance.now() - start);
    }
    samples.sort((a, b) => a - b);
    const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))].toFixed(2);
    console.log(`${name.padEnd(width)} p50 ${at(0.5).padStart(7)} ms  p99 ${at(0.99).padStart(7)} ms  max ${at(1).padStart(7)} ms  (${runs} runs)`);
  };
}
