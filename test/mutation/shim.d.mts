// Types of the node:test stand-in (shim.mjs) as the worker uses it.
export function beginFile(): { tests: unknown[]; root: unknown };
