// Small statistics and machine facts shared by the benchmarks.
import { cpus, loadavg } from 'node:os';

export function median(xs: number[]): number {
  return percentile(xs, 50);
}

/** Nearest-rank percentile: p95 of 100 samples is the 95th smallest. */
export function percentile(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

export function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

export interface Machine {
  cpu: string;
  cores: number;
  node: string;
  load: [number, number, number];
}

export function machine(): Machine {
  const [one, five, fifteen] = loadavg();
  return { cpu: cpus()[0]?.model.trim() ?? 'unknown', cores: cpus().length, node: process.version, load: [one, five, fifteen] };
}

export function describeMachine(m: Machine): string {
  return `${m.cpu}, ${m.cores} cores, Node ${m.node}, load average ${m.load.map((l) => l.toFixed(2)).join(' / ')} (1/5/15 min)`;
}

/** Lets pending timers and I/O run, so that garbage from one side is less likely to be collected on the other's clock. */
export function settle(): Promise<void> {
  if (typeof globalThis.gc === 'function') globalThis.gc();
  return new Promise((resolve) => setImmediate(resolve));
}
