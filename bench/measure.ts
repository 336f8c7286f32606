// Timing a command: wall time, CPU time (user + system, children included)
// and peak resident memory, from GNU time when it is there (/usr/bin/time),
// otherwise wall time only. Comparisons run their commands alternately, run
// after run, so a busy machine slows both sides alike.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Sample {
  wall: number;
  cpu?: number;
  /** Peak RSS in MB. */
  rss?: number;
}

export interface Command {
  label: string;
  argv: string[];
  /** Stop the command after this many seconds: its wall time is then Infinity (a tool that is superlinear on the input). */
  timeoutS?: number;
}

const GNU_TIME = '/usr/bin/time';

export function runOnce(cmd: Command): Sample {
  const out = join(tmpdir(), `nianbao-bench-${process.pid}.time`);
  const timed = existsSync(GNU_TIME);
  // coreutils' timeout stops the command itself (killing GNU time would leave the command running).
  const inner = cmd.timeoutS ? ['timeout', '-s', 'KILL', String(cmd.timeoutS), ...cmd.argv] : cmd.argv;
  const argv = timed ? [GNU_TIME, '-f', '%e %U %S %M', '-o', out, ...inner] : inner;
  const t0 = performance.now();
  const r = spawnSync(argv[0], argv.slice(1), { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  const wall = (performance.now() - t0) / 1000;
  if (r.error) throw r.error;
  if (cmd.timeoutS && r.status !== 0 && wall >= cmd.timeoutS) {
    // Stopped at the limit: its time is "more than the limit".
    rmSync(out, { force: true });
    return { wall: Infinity };
  }
  if (!timed) return { wall };
  const [, user, sys, kb] = readFileSync(out, 'utf8').trim().split(/\s+/).slice(-4).map(Number);
  rmSync(out, { force: true });
  return { wall, cpu: user + sys, rss: kb / 1024 };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
}

export interface Compared {
  samples: Sample[][];
  wall: number[];
  cpu: (number | undefined)[];
  rss: (number | undefined)[];
}

/** Runs each command `runs` times, alternating, and returns the medians per command. */
export function compare(cmds: Command[], runs: number, log: (s: string) => void): Compared {
  const samples: Sample[][] = cmds.map(() => []);
  for (let r = 0; r < runs; r++) {
    cmds.forEach((c, i) => {
      const s = runOnce(c);
      samples[i].push(s);
      log(`  ${c.label}: ${s.wall.toFixed(2)} s wall${s.cpu !== undefined ? `, ${s.cpu.toFixed(2)} s CPU, ${s.rss!.toFixed(0)} MB` : ''}`);
    });
  }
  const med = (f: (s: Sample) => number | undefined) => samples.map((ss) => (ss.every((s) => f(s) !== undefined) ? median(ss.map((s) => f(s)!)) : undefined));
  return { samples, wall: med((s) => s.wall) as number[], cpu: med((s) => s.cpu), rss: med((s) => s.rss) };
}
