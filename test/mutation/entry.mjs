// One process runs every test file a mutant's code is reached by (NB_FILES,
// comma-separated, relative to the repository): node:test collects the tests
// of all of them under one root, so a mutant costs one start-up, not one per
// file. Loaded with `node --import tsx --test-reporter=tap`.
for (const file of process.env.NB_FILES.split(',')) await import(new URL(`../../${file}`, import.meta.url).href);
