// Stands in for node:test inside the mutation worker (worker.ts): test files
// register their tests here instead of with node's runner, so one long-lived
// process can run any of them again, one by one, under another mutant.
// Only what the mutated modules' test files use: test/it/describe (with
// options or none), before/after/beforeEach/afterEach, t.diagnostic.

/** Tests of the file being imported, in registration order. */
let current;
const stack = [];

export function beginFile() {
  current = { tests: [], root: { name: '', hooks: hooksOf(), parent: undefined } };
  stack.length = 0;
  stack.push(current.root);
  return current;
}

function hooksOf() {
  return { before: [], after: [], beforeEach: [], afterEach: [] };
}

function args(a, b, c) {
  if (typeof a === 'function') return { name: a.name || '<anonymous>', options: {}, fn: a };
  if (typeof b === 'function') return { name: String(a), options: {}, fn: b };
  return { name: String(a), options: b ?? {}, fn: c };
}

export function test(a, b, c) {
  const { name, options, fn } = args(a, b, c);
  if (!current) throw new Error('node:test stand-in: a test outside a test file');
  const suite = stack[stack.length - 1];
  const skip = Boolean(options.skip || options.todo) || typeof fn !== 'function';
  current.tests.push({ index: current.tests.length, name: [...stack.slice(1).map((s) => s.name), name].join(' > '), fn, suite, skip });
}
export const it = test;

export function describe(a, b, c) {
  const { name, fn } = args(a, b, c);
  const suite = { name, hooks: hooksOf(), parent: stack[stack.length - 1] };
  stack.push(suite);
  try {
    const r = fn?.();
    if (r && typeof r.then === 'function') throw new Error('node:test stand-in: an async describe() body is not supported');
  } finally {
    stack.pop();
  }
}
export const suite = describe;

const hook = (kind) => (fn) => { stack[stack.length - 1].hooks[kind].push(fn); };
export const before = hook('before');
export const after = hook('after');
export const beforeEach = hook('beforeEach');
export const afterEach = hook('afterEach');

export const mock = new Proxy({}, { get() { throw new Error('node:test stand-in: mock is not supported'); } });
export default test;
