// The property and exhaustive tests that the unit suite runs at a quick budget
// (test/support/budget.ts), run again here at full size: each file below is
// imported with NIANBAO_TEST_BUDGET=full, in this test file's own process.
process.env.NIANBAO_TEST_BUDGET = 'full';

await import('../fuzz/engine.test.ts');
await import('../fuzz/fix-safety.test.ts');
await import('../fuzz/guard.test.ts');
await import('../perf/incremental.test.ts');
await import('../lsp/analyses.test.ts');
await import('../perf/equivalence.test.ts');
await import('../import/pdf/fixtures.test.ts');
await import('../cli/published.test.ts');
await import('../export/round-trip.test.ts');
