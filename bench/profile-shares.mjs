// Self time of a V8 .cpuprofile by source module, for docs/performance.md's
// "The hot path". Run `node --cpu-prof --cpu-prof-dir=DIR dist/cli.cjs check ...`
// on a development build (esbuild keeps a `// server/src/...` comment before
// each module), then: node bench/profile-shares.mjs DIR/CPU.*.cpuprofile [--functions N]
// Samples in a bundle are mapped to the module whose comment precedes their line.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const args = process.argv.slice(2);
const fnIndex = args.indexOf("--functions");
const topFunctions = fnIndex >= 0 ? Number(args[fnIndex + 1]) : 25;
const files = args.filter((a, i) => !a.startsWith("--") && (fnIndex < 0 || i !== fnIndex + 1));
if (files.length === 0) {
  console.error("usage: node bench/profile-shares.mjs PROFILE.cpuprofile [--functions N]");
  process.exit(2);
}

/** For each bundle url: sorted starts of its module comments. */
const bundles = new Map();
function moduleAt(url, line) {
  if (!url) return "(native)";
  let starts = bundles.get(url);
  if (!starts) {
    starts = [];
    try {
      const path = url.startsWith("file:") ? fileURLToPath(url) : url;
      const lines = readFileSync(path, "utf8").split("\n");
      lines.forEach((text, i) => {
        const m = /^\/\/ ((?:server|node_modules|client)\/\S+)$/.exec(text);
        if (m) starts.push([i, m[1]]);
      });
    } catch {
      // node: internals and files that are gone
    }
    bundles.set(url, starts);
  }
  if (starts.length === 0) return url.startsWith("node:") ? "node internals" : url;
  let lo = 0;
  let hi = starts.length - 1;
  let found = "(bundle prelude)";
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid][0] <= line) {
      found = starts[mid][1];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function packageOf(module) {
  const m = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(module);
  return m ? m[1] : module;
}

const byModule = new Map();
const byFunction = new Map();
/** Inclusive time by function: each sample counts once for every distinct function on its stack. */
const inclusive = new Map();
let total = 0;
for (const file of files) {
  const profile = JSON.parse(readFileSync(file, "utf8"));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const intervals = profile.timeDeltas;
  const selfTime = new Map();
  profile.samples.forEach((id, i) => {
    const dt = intervals[i + 1] ?? 0;
    selfTime.set(id, (selfTime.get(id) ?? 0) + dt);
  });
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = (n) => `${n.callFrame.functionName || "(anonymous)"}  ${packageOf(moduleAt(n.callFrame.url, n.callFrame.lineNumber))}`;
  for (const [id, t] of selfTime) {
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) seen.add(keyOf(nodes.get(at)));
    for (const k of seen) inclusive.set(k, (inclusive.get(k) ?? 0) + t);
  }
  for (const [id, t] of selfTime) {
    const { callFrame } = nodes.get(id);
    const name = callFrame.functionName || "(anonymous)";
    let module;
    if (name === "(garbage collector)") module = "(garbage collector)";
    else if (name === "(program)" || name === "(idle)" || name === "(root)") module = name;
    else module = packageOf(moduleAt(callFrame.url, callFrame.lineNumber));
    byModule.set(module, (byModule.get(module) ?? 0) + t);
    const key = `${name}  ${module}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + t);
    total += t;
  }
}

const pct = (t) => `${((100 * t) / total).toFixed(1).padStart(5)} %`;
console.log(`total sampled: ${(total / 1e6).toFixed(2)} s`);
console.log("\nself time by module");
for (const [m, t] of [...byModule].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${pct(t)}  ${m}`);
console.log(`\nself time by function (top ${topFunctions})`);
for (const [f, t] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, topFunctions)) console.log(`${pct(t)}  ${f}`);
console.log(`\ninclusive time by function (top ${topFunctions})`);
for (const [f, t] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, topFunctions)) console.log(`${pct(t)}  ${f}`);
