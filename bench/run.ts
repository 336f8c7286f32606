// `npm run bench`: every comparison of issue 4 in one run, written to
// docs/performance.md (machine, date, commands, medians, ratios, targets).
// `--smoke` runs the same steps on tiny inputs (CI's check that the script
// works; its figures mean nothing) and writes bench/.corpus/performance-smoke.md.
// `--out FILE` writes elsewhere; `--render` rewrites the document from the
// last run's results (after editing bench/performance.template.md or
// bench/performance-notes.md). Corpora are generated once into bench/.corpus/.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCompendium, generateReport, writeCorpus } from './generate.ts';
import { BenchClient } from './lsp-client.ts';
import { compare, median, quantile, type Command } from './measure.ts';
import { benchReview, pageSize } from './review.ts';
import { benchPdf, UMING } from './pdf.ts';
import { parseMarkdown, parseWhole } from '../server/src/engine/parse/markdown.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const outIndex = args.indexOf('--out');
// `--only a,b`: run only these steps (cli, compendium, curve, cold, server, answers, jobs, cache, review, pdf), written to bench/.corpus/performance-only.md.
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? new Set(args[onlyIndex + 1].split(',')) : undefined;
const step = (name: string) => only === undefined || only.has(name);
const OUT = outIndex >= 0 ? args[outIndex + 1] : join(ROOT, smoke ? 'bench/.corpus/performance-smoke.md' : only ? 'bench/.corpus/performance-only.md' : 'docs/performance.md');

const SIZES = smoke
  ? { reports: 12, many: 16, compendiumKB: 32, runs: 1, coldRuns: 1, edits: 8, editKB: 8, open: 4, manyRuns: 1, bigKB: 256, curve: 4, pdfPages: 3, pdfRuns: 1 }
  : { reports: 1000, many: 10000, compendiumKB: 1024, runs: 3, coldRuns: 5, edits: 200, editKB: 40, open: 200, manyRuns: 1, bigKB: 5120, curve: 100, pdfPages: 5, pdfRuns: 5 };
// A shorter run on a slow or busy machine: NIANBAO_BENCH_MANY=2000 and the like (the results say what was used).
for (const key of Object.keys(SIZES) as (keyof typeof SIZES)[]) {
  const v = process.env[`NIANBAO_BENCH_${key.replace(/[A-Z]/g, (c) => '_' + c).toUpperCase()}`];
  if (v) SIZES[key] = Number(v);
}

const CORPUS = join(ROOT, 'bench/.corpus');
const CLI = join(ROOT, 'dist/cli.cjs');
const SERVER = join(ROOT, 'dist/server.cjs');
const MDL = join(ROOT, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');
const BARE = join(ROOT, 'bench/bare-parse.mjs');
const node = process.execPath;

const log = (s: string) => process.stderr.write(s + '\n');
const rel = (p: string) => p.replace(ROOT, '');

/** A directory of `count` generated reports, made once and reused while it is complete. */
function corpus(count: number): string {
  const dir = join(CORPUS, `reports-${count}`);
  if (!existsSync(dir) || readdirSync(dir).length !== count) {
    rmSync(dir, { recursive: true, force: true });
    log(`generating ${count} reports in ${rel(dir)}`);
    writeCorpus(dir, count, 1);
  }
  return dir;
}

/** How long markdownlint-cli2 may take on one document of the big-document curve. */
const MDL_ONE_DOCUMENT_LIMIT_S = 120;

function compendium(kb: number): string {
  const file = join(CORPUS, `compendium-${kb}k.md`);
  if (!existsSync(file)) {
    mkdirSync(CORPUS, { recursive: true });
    writeFileSync(file, generateCompendium(1, kb * 1024));
  }
  return file;
}

function dirBytes(dir: string): number {
  return readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0);
}

const check = (label: string, ...rest: string[]): Command => ({ label, argv: [node, CLI, 'check', ...rest] });
const bare = (label: string, path: string): Command => ({ label, argv: [node, BARE, path] });
const mdl = (label: string, dir: string): Command => ({ label, argv: [node, MDL, `${dir}/*.md`] });

interface Row {
  measure: string;
  ours: string;
  other: string;
  ratio: string;
  target: string;
  met: boolean | undefined;
}

const rows: Row[] = [];
const commands: string[] = [];
const s = (x: number | undefined, unit = ' s') => (x === undefined ? 'n/a' : `${x < 10 ? x.toFixed(2) : x.toFixed(1)}${unit}`);
const showCmd = (c: Command) => c.argv.map((a) => (a === node ? 'node' : rel(a))).join(' ');

const cpuRatio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? 'n/a' : `${(a / b).toFixed(2)}×`);
/** "2.50× faster" or, below 1, "1.60× slower": how many times the other side's time ours is. */
const faster = (ratio: number) => (ratio >= 1 ? `${ratio.toFixed(2)}× faster` : `${(1 / ratio).toFixed(2)}× slower`);
/** Every sample, as logged: kept in the report so medians can be checked. */
const raw: string[] = [];
const logSample = (line: string) => {
  raw.push(line.trim());
  log(line);
};

function record(cmds: Command[]): void {
  for (const c of cmds) if (!commands.includes(showCmd(c))) commands.push(showCmd(c));
}

function cliVsOthers(): void {
  const dir = corpus(SIZES.reports);
  const mb = dirBytes(dir) / 1e6;
  log(`\n[1,2] nianbao check vs markdownlint-cli2 vs bare parse: ${SIZES.reports} reports, ${mb.toFixed(1)} MB`);
  const cmds = [check('nianbao check', dir), bare('bare parse', dir)];
  const haveMdl = existsSync(MDL);
  if (haveMdl) cmds.push(mdl('markdownlint-cli2', dir));
  record(cmds);
  const r = compare(cmds, SIZES.runs, logSample);
  const ours = r.wall[0];
  if (haveMdl) {
    const ratio = r.wall[2] / ours;
    rows.push({ measure: `\`nianbao check\` on ${SIZES.reports} reports (${mb.toFixed(0)} MB)`, ours: `${s(ours)} (CPU ${s(r.cpu[0])})`, other: `markdownlint-cli2: ${s(r.wall[2])} (CPU ${s(r.cpu[2])})`, ratio: `${faster(ratio)} (CPU ${cpuRatio(r.cpu[2], r.cpu[0])})`, target: '≥ 5× faster', met: ratio >= 5 });
  } else rows.push({ measure: `\`nianbao check\` on ${SIZES.reports} reports`, ours: s(ours), other: 'markdownlint-cli2 not installed', ratio: 'n/a', target: '≥ 5× faster', met: undefined });
  const perCore = (cpu: number | undefined) => (cpu === undefined ? undefined : SIZES.reports / cpu);
  const ours1 = perCore(r.cpu[0]);
  if (ours1 !== undefined) {
    rows.push({ measure: 'reports per second per core (reports ÷ CPU seconds), the same run', ours: `${ours1.toFixed(0)}/s`, other: `bare parse: ${perCore(r.cpu[1])!.toFixed(0)}/s${haveMdl && r.cpu[2] !== undefined ? `; markdownlint-cli2: ${perCore(r.cpu[2])!.toFixed(0)}/s` : ''}`, ratio: `${(ours1 / perCore(r.cpu[1])!).toFixed(2)}× the bare parse`, target: '1,000/s', met: ours1 >= 1000 });
  }
  const ratio = r.wall[1] / ours;
  rows.push({ measure: 'the same', ours: `${s(ours)} (CPU ${s(r.cpu[0])})`, other: `bare parse: ${s(r.wall[1])} (CPU ${s(r.cpu[1])})`, ratio: `${ratio.toFixed(2)}× (CPU ${cpuRatio(r.cpu[1], r.cpu[0])})`, target: 'no slower (≥ 1×)', met: ratio >= 1 });
}

/**
 * The same N reports as one document and as N files, for N = curve, 4×, 16×
 * (100, 400, 1,600 reports of about 7 KB: up to about 11 MB), each checked in one thread
 * (`--jobs 0`), against the bare parse and markdownlint-cli2 on the same
 * inputs: time per report in one document within 1.5× of separate files.
 */
function bigCurve(): void {
  for (const n of [SIZES.curve, SIZES.curve * 4, SIZES.curve * 16]) {
    // The smallest generated reports (about 7 KB): 1,600 of them are 11 MB, over the default
    // maxFileSize, which bench/.corpus/curve/.nianbaorc.json raises for both sides alike.
    const base = join(CORPUS, 'curve');
    mkdirSync(base, { recursive: true });
    writeFileSync(join(base, '.nianbaorc.json'), JSON.stringify({ maxFileSize: 64 * 1024 * 1024 }));
    const dir = join(base, `reports-${n}`);
    const doc = join(base, `one-document-${n}.md`);
    if (!existsSync(doc) || !existsSync(dir) || readdirSync(dir).length !== n) {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      const texts = Array.from({ length: n }, (_, i) => generateReport(900000 + i, { errors: [], bytes: 5 * 1024 }).text.replace(/\r\n/g, '\n'));
      texts.forEach((t, i) => writeFileSync(join(dir, `report-${String(i + 1).padStart(5, '0')}.md`), t));
      writeFileSync(doc, texts.join('\n'));
    }
    const mb = statSync(doc).size / 1e6;
    log(`\n[10] ${n} reports (${mb.toFixed(1)} MB): one document vs ${n} files, one thread`);
    const cmds = [check(`nianbao check one document of ${n}`, doc, '--jobs', '0'), check(`nianbao check ${n} files`, dir, '--jobs', '0'), bare(`bare parse one document of ${n}`, doc), bare(`bare parse ${n} files`, dir)];
    const haveMdl = existsSync(MDL);
    // markdownlint-cli2 is superlinear on one large document (64 reports: 23× the time of the same reports as files, measured
    // under load): it is stopped after MDL_ONE_DOCUMENT_LIMIT_S, so the full bench ends, and the row says so.
    if (haveMdl) cmds.push(mdl(`markdownlint-cli2 ${n} files`, dir), { label: `markdownlint-cli2 one document of ${n}`, argv: [node, MDL, doc], timeoutS: MDL_ONE_DOCUMENT_LIMIT_S });
    record(cmds);
    const r = compare(cmds, n > SIZES.curve * 4 ? 1 : SIZES.runs, logSample);
    const perDoc = r.wall[0] / n;
    const perFile = r.wall[1] / n;
    const ratio = perDoc / perFile;
    const mdlDoc = r.wall[5] === Infinity ? `stopped after ${MDL_ONE_DOCUMENT_LIMIT_S} s` : s(r.wall[5]);
    const others = [`bare parse: ${s(r.wall[2])} one document, ${s(r.wall[3])} files`, haveMdl ? `markdownlint-cli2: ${mdlDoc} one document, ${s(r.wall[4])} files` : 'markdownlint-cli2 not installed'].join('; ');
    rows.push({
      measure: `${n} reports (${mb.toFixed(1)} MB) in one document vs as ${n} files, \`--jobs 0\``,
      ours: `${s(r.wall[0])} vs ${s(r.wall[1])}: ${(perDoc * 1000).toFixed(1)} vs ${(perFile * 1000).toFixed(1)} ms per report`,
      other: others,
      ratio: `${ratio.toFixed(2)}× per report`,
      target: '≤ 1.5×',
      met: ratio <= 1.5,
    });
  }
}

function compendiumScaling(): void {
  const one = compendium(SIZES.compendiumKB);
  const two = compendium(SIZES.compendiumKB * 2);
  log(`\n[3] compendium ${SIZES.compendiumKB} KB and ${SIZES.compendiumKB * 2} KB`);
  const cmds = [check('nianbao check 1×', one), bare('bare parse 1×', one), check('nianbao check 2×', two)];
  record(cmds);
  const r = compare(cmds, SIZES.runs, logSample);
  const ratio = r.wall[1] / r.wall[0];
  rows.push({ measure: `one ${SIZES.compendiumKB} KB compendium (${statSync(one).size} bytes)`, ours: `${s(r.wall[0])} (CPU ${s(r.cpu[0])})`, other: `bare parse: ${s(r.wall[1])} (CPU ${s(r.cpu[1])})`, ratio: `${faster(ratio)} (CPU ${cpuRatio(r.cpu[1], r.cpu[0])})`, target: '≥ 20× faster', met: ratio >= 20 });
  const growth = r.wall[2] / r.wall[0];
  rows.push({ measure: '2× the size', ours: `${s(r.wall[2])} (CPU ${s(r.cpu[2])})`, other: `1×: ${s(r.wall[0])} (CPU ${s(r.cpu[0])})`, ratio: `${growth.toFixed(2)}× the time (CPU ${cpuRatio(r.cpu[2], r.cpu[0])})`, target: '≤ 2.2× the time', met: growth <= 2.2 });
  // The parse alone, in this process (CPU time): what the unit parse changes, without the rules or start-up.
  const text = readFileSync(one, 'utf8');
  const cpu = (f: () => void) => {
    const t = process.cpuUsage();
    f();
    const d = process.cpuUsage(t);
    return (d.user + d.system) / 1e6;
  };
  parseMarkdown(text.slice(0, 50000));
  parseWhole(text.slice(0, 50000));
  const units: number[] = [];
  const whole: number[] = [];
  for (let i = 0; i < SIZES.runs; i++) {
    units.push(cpu(() => parseMarkdown(text)));
    whole.push(cpu(() => parseWhole(text)));
  }
  const pr = median(whole) / median(units);
  logSample(`  parse only, in process (CPU), per run: units ${units.map((x) => x.toFixed(2)).join(" ")} s, whole ${whole.map((x) => x.toFixed(2)).join(" ")} s; medians: units ${median(units).toFixed(2)} s, whole ${median(whole).toFixed(2)} s`);
  rows.push({ measure: `(parse only, in one process, CPU) ${SIZES.compendiumKB} KB compendium`, ours: `parseMarkdown ${s(median(units))}`, other: `parseWhole ${s(median(whole))}`, ratio: faster(pr), target: '(explains the row above)', met: undefined });
}

async function server(): Promise<void> {
  if (!existsSync(SERVER)) {
    rows.push({ measure: 'language server', ours: 'dist/server.cjs missing', other: '', ratio: '', target: '', met: undefined });
    return;
  }
  log(`\n[4] didChange → publishDiagnostics, ${SIZES.editKB} KB report, ${SIZES.edits} typed edits`);
  const text = generateReport(4242, { bytes: SIZES.editKB * 1024, errors: ['wrong-total'] }).text.replace(/\r\n/g, '\n');
  const client = await BenchClient.start(SERVER);
  const uri = 'file:///bench/edit.md';
  await client.open(uri, text);
  const lines = text.split('\n');
  const line = lines.findIndex((l, i) => i > 3 && l.length > 40 && !l.startsWith('|') && !l.startsWith('#'));
  let col = lines[line].length;
  const typed = '本机关全年共主动公开政府信息并及时更新政策文件和解读材料';
  const times: number[] = [];
  for (let i = 0; i < SIZES.edits; i++) {
    const t0 = performance.now();
    await client.insert(uri, line, col, typed[i % typed.length]);
    times.push(performance.now() - t0);
    col++;
  }
  await client.stop();
  const p95 = quantile(times, 0.95);
  logSample(`  didChange → publishDiagnostics: median ${median(times).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);
  rows.push({ measure: `didChange → publishDiagnostics, ${Buffer.byteLength(text) >> 10} KB report, ${SIZES.edits} typed edits, stdio server`, ours: `p95 ${p95.toFixed(1)} ms (median ${median(times).toFixed(1)} ms)`, other: '—', ratio: '', target: 'p95 ≤ 30 ms', met: p95 <= 30 });

  await answersWhileBig();

  log(`\n[5] server RSS with ${SIZES.open} open reports`);
  const many = await BenchClient.start(SERVER);
  const base = many.rss();
  for (let i = 0; i < SIZES.open; i++) await many.open(`file:///bench/open-${i}.md`, generateReport(5000 + i).text);
  await new Promise((r) => setTimeout(r, 500));
  const rss = many.rss() / 1e6;
  await many.stop();
  logSample(`  server RSS: ${rss.toFixed(0)} MB (${(base / 1e6).toFixed(0)} MB after initialize)`);
  rows.push({ measure: `server RSS with ${SIZES.open} open reports`, ours: `${rss.toFixed(0)} MB`, other: `${(base / 1e6).toFixed(0)} MB after initialize`, ratio: '', target: '≤ 200 MB', met: rss <= 200 });

  log('\n[7b] server start → initialize → first diagnostics');
  const one = generateReport(77).text;
  const starts: number[] = [];
  for (let i = 0; i < SIZES.coldRuns; i++) {
    const t0 = performance.now();
    const c = await BenchClient.start(SERVER);
    await c.open('file:///bench/first.md', one);
    starts.push(performance.now() - t0);
    await c.stop();
  }
  const ms = median(starts);
  logSample(`  server start → first diagnostics, per run: ${starts.map((x) => x.toFixed(0)).join(" ")} ms; median ${ms.toFixed(0)} ms`);
  rows.push({ measure: 'server start + initialize → first diagnostics', ours: `${ms.toFixed(0)} ms`, other: '', ratio: '', target: '≤ 300 ms', met: ms <= 300 });
}

/**
 * How fast the server answers for a small report (outline, hover, completion,
 * in turn, each awaited) while a large compendium is being analysed, against
 * the same requests on an idle server.
 */
async function answersWhileBig(): Promise<void> {
  const bigFile = compendium(SIZES.bigKB);
  const big = readFileSync(bigFile, 'utf8');
  log(`\n[4c] answers for a small report while a ${SIZES.bigKB} KB compendium is analysed`);
  const client = await BenchClient.start(SERVER);
  const small = 'file:///bench/small.md';
  const smallText = generateReport(4343, { bytes: 20 * 1024, errors: ['wrong-total'] }).text;
  await client.open(small, smallText);
  const line = smallText.split(/\r?\n/).findIndex((l) => l.startsWith('|'));
  const asks = [
    () => client.request('textDocument/documentSymbol', { textDocument: { uri: small } }),
    () => client.request('textDocument/hover', { textDocument: { uri: small }, position: { line: line + 2, character: 2 } }),
    () => client.request('textDocument/completion', { textDocument: { uri: small }, position: { line: line + 2, character: 1 } }),
  ];
  const ask = async (i: number) => {
    const t0 = performance.now();
    await asks[i % asks.length]();
    return performance.now() - t0;
  };
  const idle: number[] = [];
  for (let i = 0; i < 60; i++) idle.push(await ask(i));
  idle.splice(0, 15);
  const bigUri = 'file:///bench/compendium.md';
  let done = false;
  const t0 = performance.now();
  const finished = client.published(bigUri, 1, 3_600_000).then(() => {
    done = true;
    return performance.now() - t0;
  });
  await client.openNoWait(bigUri, big);
  const busy: number[] = [];
  for (let i = 0; !done; i++) {
    busy.push(await ask(i));
    await new Promise((r) => setTimeout(r, 10));
  }
  const analysed = await finished;
  await client.stop();
  // The same document through the bare parse and markdownlint-cli2, each in one call: how long a thread doing that work is busy.
  const others = [bare(`bare parse of the ${SIZES.bigKB} KB compendium`, bigFile), ...(existsSync(MDL) ? [{ label: `markdownlint-cli2 on the ${SIZES.bigKB} KB compendium`, argv: [node, MDL, bigFile], timeoutS: MDL_ONE_DOCUMENT_LIMIT_S }] : [])];
  record(others);
  const o = compare(others, 1, logSample);
  const p95 = quantile(busy, 0.95);
  const worst = Math.max(...busy);
  logSample(`  answers while the ${SIZES.bigKB} KB compendium was analysed (${(analysed / 1000).toFixed(1)} s): n=${busy.length}, median ${median(busy).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${worst.toFixed(1)} ms; idle: median ${median(idle).toFixed(1)} ms, p95 ${quantile(idle, 0.95).toFixed(1)} ms`);
  rows.push({
    measure: `answer for a small report (outline, hover, completion) while a ${(Buffer.byteLength(big) / 2 ** 20).toFixed(1)} MB compendium is analysed (${(analysed / 1000).toFixed(1)} s), stdio server`,
    ours: `p95 ${p95.toFixed(1)} ms, max ${worst.toFixed(0)} ms (median ${median(busy).toFixed(1)} ms, ${busy.length} requests)`,
    other: `idle server: p95 ${quantile(idle, 0.95).toFixed(1)} ms; the same document in one call: bare parse ${s(o.wall[0])}${o.wall[1] === undefined ? '' : `, markdownlint-cli2 ${o.wall[1] === Infinity ? `stopped after ${MDL_ONE_DOCUMENT_LIMIT_S} s` : s(o.wall[1])}`} (what a thread doing it is busy for)`,
    ratio: '',
    target: 'max ≤ 100 ms',
    met: worst <= 100,
  });
}

function cold(): void {
  const dir = corpus(SIZES.reports);
  const one = join(dir, readdirSync(dir).sort()[0]);
  log(`\n[7a] cold nianbao check one.md (${statSync(one).size} bytes) vs markdownlint-cli2 and the bare parse on the same file`);
  const cmds = [check('nianbao check one.md', one), { label: 'node -e 0', argv: [node, '-e', '0'] }, bare('bare parse one.md', one)];
  const haveMdl = existsSync(MDL);
  if (haveMdl) cmds.push({ label: 'markdownlint-cli2 one.md', argv: [node, MDL, one] });
  record(cmds);
  const r = compare(cmds, SIZES.coldRuns, logSample);
  const ms = (x: number | undefined) => (x === undefined ? 'n/a' : `${(x * 1000).toFixed(0)} ms`);
  const other = [`\`node -e 0\`: ${ms(r.wall[1])}`, `bare parse: ${ms(r.wall[2])}`, haveMdl ? `markdownlint-cli2: ${ms(r.wall[3])}` : 'markdownlint-cli2 not installed'].join('; ');
  const ratio = [`${faster(r.wall[2] / r.wall[0])} than the bare parse`, haveMdl ? `${faster(r.wall[3] / r.wall[0])} than markdownlint-cli2` : ''].filter(Boolean).join(', ');
  rows.push({ measure: `cold \`nianbao check one.md\` (${statSync(one).size >> 10} KB)`, ours: `${ms(r.wall[0])} (CPU ${ms(r.cpu[0])})`, other, ratio, target: '≤ 150 ms', met: r.wall[0] <= 0.15 });
}

function jobs(): void {
  const dir = corpus(SIZES.many);
  const mb = dirBytes(dir) / 1e6;
  log(`\n[6,8] --jobs 1 vs --jobs 2 on ${SIZES.many} reports (${mb.toFixed(0)} MB), and markdownlint-cli2 and the bare parse on the same files`);
  const cmds = [check('nianbao check --jobs 1', dir, '--jobs', '1'), check('nianbao check --jobs 2', dir, '--jobs', '2'), bare(`bare parse ${SIZES.many} files`, dir)];
  const haveMdl = existsSync(MDL);
  if (haveMdl) cmds.push(mdl(`markdownlint-cli2 ${SIZES.many} files`, dir));
  record(cmds);
  const r = compare(cmds, SIZES.manyRuns, logSample);
  const speedup = r.wall[0] / r.wall[1];
  rows.push({ measure: `CLI peak RSS on ${SIZES.many} reports (${mb.toFixed(0)} MB), --jobs 2`, ours: `${s(r.rss[1], ' MB')}`, other: `--jobs 1: ${s(r.rss[0], ' MB')}`, ratio: '', target: '≤ 300 MB', met: r.rss[1] === undefined ? undefined : r.rss[1] <= 300 });
  rows.push({ measure: `\`--jobs 2\` vs \`--jobs 1\` on ${SIZES.many} reports, ${cpus().length} cores`, ours: `${s(r.wall[1])} (CPU ${s(r.cpu[1])})`, other: `--jobs 1: ${s(r.wall[0])} (CPU ${s(r.cpu[0])})`, ratio: `${speedup.toFixed(2)}×`, target: '≥ 1.8×', met: speedup >= 1.8 });
  const others = [`bare parse: ${s(r.wall[2])} (CPU ${s(r.cpu[2])})`, haveMdl ? `markdownlint-cli2: ${s(r.wall[3])} (CPU ${s(r.cpu[3])})` : 'markdownlint-cli2 not installed'].join('; ');
  const ratios = [`${faster(r.wall[2] / r.wall[1])} than the bare parse`, haveMdl ? `${faster(r.wall[3] / r.wall[1])} than markdownlint-cli2` : ''].filter(Boolean).join(', ');
  rows.push({ measure: `\`--jobs 2\` on ${SIZES.many} reports against one-process tools on the same files`, ours: `${s(r.wall[1])}`, other: others, ratio: ratios, target: '(context)', met: undefined });
  cacheRerun(dir, r.wall[1], haveMdl ? r.wall[3] : undefined);
}

/**
 * `check --cache` over the same reports: a first run fills the cache (what
 * hashing and storing cost over a plain run), then re-runs with nothing
 * changed, against `node -e 0`.
 */
function cacheRerun(dir: string, plainWall: number | undefined, mdlWall?: number): void {
  const location = join(CORPUS, `cache-${SIZES.many}`);
  rmSync(location, { recursive: true, force: true });
  log(`\n[9] check --cache over ${SIZES.many} reports: the run that fills it, then re-runs`);
  const fill = check('nianbao check --cache (fills the cache)', dir, '--jobs', '2', '--cache', '--cache-location', location);
  const rerun = check('nianbao check --cache (nothing changed)', dir, '--cache', '--cache-location', location);
  const bare = { label: 'node -e 0', argv: [node, '-e', '0'] };
  record([fill, rerun]);
  const first = compare([fill], 1, logSample);
  const again = compare([rerun, bare], SIZES.runs, logSample);
  rows.push({ measure: `\`check --cache\` re-run over ${SIZES.many} unchanged reports`, ours: `${s(again.wall[0])} (CPU ${s(again.cpu[0])})`, other: `the run that filled it: ${s(first.wall[0])}; \`node -e 0\`: ${s(again.wall[1])}${mdlWall === undefined ? '' : `; markdownlint-cli2 (no cache) on the same files: ${s(mdlWall)}`}`, ratio: first.wall[0] && again.wall[0] ? `${(first.wall[0] / again.wall[0]).toFixed(0)}× faster` : '', target: '< 1 s', met: again.wall[0] === undefined ? undefined : again.wall[0] < 1 });
  if (plainWall !== undefined && first.wall[0] !== undefined) logSample(`  filling the cache cost ${(first.wall[0] / plainWall).toFixed(2)}× the plain --jobs 2 run`);
}

/**
 * `nianbao review` on the reports of the first step: the time the page of a
 * batch takes to build (against `check --format json --jobs 0` on the same
 * files: the same reading and analysis in one thread), the page's size, and
 * its first render in Chromium from file:// with a sort of every row.
 */
async function reviewPage(): Promise<void> {
  const dir = corpus(SIZES.reports);
  log(`\n[11] nianbao review on ${SIZES.reports} reports, and the page in Chromium`);
  const b = await benchReview(dir, SIZES.reports, SIZES.runs, logSample, smoke ? 1 : 5);
  record(b.commands.map((c) => ({ ...c, argv: c.argv.map((a) => (a.endsWith('review.html') ? 'review.html' : a)) })));
  const [check, review] = [0, 1].map((i) => ({ wall: b.timed.wall[i], cpu: b.timed.cpu[i], rss: b.timed.rss[i] }));
  rows.push({
    measure: `\`nianbao review\` builds the page of ${SIZES.reports} reports`,
    ours: `${s(review.wall)} (CPU ${s(review.cpu)}, peak RSS ${s(review.rss, ' MB')})`,
    other: `\`check --format json --jobs 0\`: ${s(check.wall)} (CPU ${s(check.cpu)}, peak RSS ${s(check.rss, ' MB')})`,
    ratio: `${(review.wall / check.wall).toFixed(2)}× (CPU ${cpuRatio(review.cpu, check.cpu)})`,
    target: 'reported',
    met: undefined,
  });
  rows.push({
    measure: `the review page of ${SIZES.reports} reports in Chromium from file:// (median of ${b.render.pages} fresh pages)`,
    ours: `${pageSize(b)}; first contentful paint ${b.render.fcp.toFixed(0)} ms, load event ${b.render.load.toFixed(0)} ms`,
    other: `a click on 错误 sorts the ${SIZES.reports} rows: ${b.render.sort.toFixed(0)} ms`,
    ratio: '',
    target: 'reported',
    met: undefined,
  });
}

/**
 * PDF import + check (bench/pdf.ts): a WPS-like PDF of `pdfPages` pages (5),
 * and of two and four times as many, imported and checked in this process
 * (warm) and by a new `nianbao check` (cold); linear when four times the
 * pages take at most four times as long.
 */
async function pdfImport(): Promise<void> {
  const pages = [SIZES.pdfPages, SIZES.pdfPages * 2, SIZES.pdfPages * 4];
  log(`\n[12] PDF import + check: ${pages.join(', ')} pages`);
  const b = await benchPdf(pages, SIZES.pdfRuns, SIZES.coldRuns, logSample);
  if (!b) {
    rows.push({ measure: `PDF import + check of a ${SIZES.pdfPages}-page report`, ours: `not run: ${UMING} is missing (fonts-arphic-uming)`, other: '', ratio: '', target: '≤ 300 ms', met: undefined });
    return;
  }
  record(b.commands);
  const [first, , last] = b.rows;
  rows.push({
    measure: `PDF import + check of a ${first.pages}-page report (WPS-like, ${(first.bytes / 1024).toFixed(0)} KB), in one process, warm (median of ${SIZES.pdfRuns})`,
    ours: `${first.warm.toFixed(0)} ms`,
    other: `cold \`nianbao check\` of it: ${first.cold.toFixed(0)} ms`,
    ratio: '',
    target: '≤ 300 ms',
    met: first.warm <= 300,
  });
  const timeRatio = last.warm / first.warm;
  const pageRatio = last.pages / first.pages;
  rows.push({
    measure: `the same at ${b.rows.map((r) => r.pages).join(', ')} pages: linear in pages`,
    ours: b.rows.map((r) => `${r.pages} p: ${r.warm.toFixed(0)} ms`).join('; '),
    other: `cold: ${b.rows.map((r) => `${r.cold.toFixed(0)} ms`).join(', ')}`,
    ratio: `${timeRatio.toFixed(2)}× the time for ${pageRatio.toFixed(2)}× the pages`,
    target: '≤ the pages ratio',
    met: timeRatio <= pageRatio,
  });
}

function machine(): string {
  const c = cpus();
  const os = spawnSync('uname', ['-srm'], { encoding: 'utf8' }).stdout.trim();
  return [
    `- CPU: ${c[0]?.model ?? 'unknown'}, ${c.length} logical cores`,
    `- memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB (${(freemem() / 2 ** 30).toFixed(1)} GiB free at the start)`,
    `- OS: ${os}; Node ${process.version}`,
    `- load average at the start: ${loadavg().map((x) => x.toFixed(2)).join(', ')} (other work on the machine slows every side alike: read the ratios)`,
  ].join('\n');
}

async function main(): Promise<void> {
  if (!existsSync(CLI)) {
    log('building dist/ (node esbuild.mjs --production)');
    const b = spawnSync(node, ['esbuild.mjs', '--production'], { cwd: ROOT, stdio: 'inherit' });
    if (b.status !== 0) throw new Error('build failed');
  }
  const started = new Date();
  const env = machine();
  const t0 = performance.now();
  if (step('cli')) cliVsOthers();
  if (step('compendium')) compendiumScaling();
  if (step('curve')) bigCurve();
  if (step('cold')) cold();
  if (step('server')) await server();
  else if (step('answers')) await answersWhileBig();
  if (step('jobs')) jobs();
  else if (step('cache')) cacheRerun(corpus(SIZES.many), undefined);
  if (step('review')) await reviewPage();
  if (step('pdf')) await pdfImport();
  const took = (performance.now() - t0) / 60000;
  const met = (m: boolean | undefined) => (m === undefined ? '' : m ? 'met' : '**not met**');
  const table = ['| measure | nianbao | compared with | ratio | target | |', '|---|---|---|---|---|---|', ...rows.map((r) => `| ${r.measure} | ${r.ours} | ${r.other} | ${r.ratio} | ${r.target} | ${met(r.met)} |`)].join('\n');
  const results = [
    `Measured ${started.toISOString().replace('T', ' ').slice(0, 16)} UTC by \`${invocation()}\` in ${took.toFixed(1)} minutes${smoke ? ' (smoke run: tiny inputs, the figures mean nothing)' : ''}.`,
    '',
    env,
    `- load average at the end: ${loadavg().map((x) => x.toFixed(2)).join(', ')}`,
    `- corpus: bench/generate.ts, seed 1: ${SIZES.reports} and ${SIZES.many} reports (5–60 KB, median about 17 KB), compendiums of ${SIZES.compendiumKB} KB and ${SIZES.compendiumKB * 2} KB`,
    `- medians of ${SIZES.runs} runs (cold start: ${SIZES.coldRuns}; ${SIZES.many} reports: ${SIZES.manyRuns}), commands run alternately; times are wall-clock unless marked CPU`,
    '',
    table,
    '',
    'Commands (from the repository root; `nianbao` is `node dist/cli.cjs`):',
    '',
    '```sh',
    ...commands,
    '```',
  ].join('\n');
  const full = [results, '', '<details><summary>Every run</summary>', '', '```', ...raw, '```', '', '</details>'].join('\n');
  // Kept so that `--render` can rewrite the document after the template or the notes change.
  mkdirSync(CORPUS, { recursive: true });
  if (!only) writeFileSync(join(CORPUS, smoke ? 'results-smoke.md' : 'results.md'), full);
  render(full);
  process.stdout.write(table + '\n');
}

/** The command as it was run: a partial or resized run says so, as `npm run bench` would not be true of it. */
function invocation(): string {
  const env = Object.entries(process.env).filter(([k]) => k.startsWith('NIANBAO_BENCH_')).map(([k, v]) => `${k}=${v}`);
  if (env.length === 0 && args.length === 0) return 'npm run bench';
  return [...env, 'node --import tsx bench/run.ts', ...args].join(' ');
}

function render(results: string): void {
  const template = readFileSync(join(ROOT, 'bench/performance.template.md'), 'utf8');
  const notes = readFileSync(join(ROOT, 'bench/performance-notes.md'), 'utf8').trim();
  mkdirSync(join(OUT, '..'), { recursive: true });
  writeFileSync(OUT, template.replace('{{RESULTS}}', results).replace('{{NOTES}}', notes));
  log(`\nwrote ${OUT}`);
}

if (args.includes('--render')) render(readFileSync(join(CORPUS, smoke ? 'results-smoke.md' : 'results.md'), 'utf8'));
else main().catch((e) => {
  log(String(e instanceof Error ? e.stack : e));
  process.exit(1);
});
