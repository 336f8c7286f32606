// How many cases the property and exhaustive tests run. The quick loop
// (`npm run test:unit`) runs them small; the integration suite
// (`node test/run.mjs integration`, part of `npm test`) runs the same files
// again at full size with NIANBAO_TEST_BUDGET=full. Same tests, same
// assertions; only the number of generated cases changes.
export const FULL_BUDGET = process.env.NIANBAO_TEST_BUDGET === 'full';

/** `quick` in the unit suite, `full` in the integration suite. */
export function budget(quick: number, full: number): number {
  return FULL_BUDGET ? full : quick;
}
