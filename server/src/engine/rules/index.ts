// Every rule, in the order their findings are listed. Adding a rule means
// adding its module here, its doc page docs/rules/<id>.md and its tests.
import type { Rule } from './rule.ts';
import sectionMissing from './section-missing.ts';
import sectionOrder from './section-order.ts';
import sectionDuplicate from './section-duplicate.ts';
import sectionTitle from './section-title.ts';
import sectionNumbering from './section-numbering.ts';
import sectionEmpty from './section-empty.ts';
import tableMissing from './table-missing.ts';
import tableRowMissing from './table-row-missing.ts';
import tableRowLabel from './table-row-label.ts';
import tableShape from './table-shape.ts';
import cellEmpty from './cell-empty.ts';
import cellInvalid from './cell-invalid.ts';
import blankAsZero from './blank-as-zero.ts';
import totalRow from './total-row.ts';
import totalResults from './total-results.ts';
import balance from './balance.ts';
import totalReview from './total-review.ts';
import templateMismatch from './template-mismatch.ts';
import textTableMismatch from './text-table-mismatch.ts';
import yearMismatch from './year-mismatch.ts';
import publishDate from './publish-date.ts';
import feeStatement from './fee-statement.ts';
import copiedText from './copied-text.ts';
import carryover from './carryover.ts';
import implausibleChange from './implausible-change.ts';
import inForceCount from './in-force-count.ts';
import rateRange from './rate-range.ts';
import problemsSection from './problems-section.ts';
import doubledWord from './doubled-word.ts';
import allHandled from './all-handled.ts';
import sharedText from './shared-text.ts';
import copyIdentical from './copy-identical.ts';
import copyDiffers from './copy-differs.ts';
import rollupMismatch from './rollup-mismatch.ts';
import rollupIncomplete from './rollup-incomplete.ts';
import importUnplaced from './import-unplaced.ts';
import importShortRow from './import-short-row.ts';
import disableUnused from './disable-unused.ts';
import disableUnknownRule from './disable-unknown-rule.ts';

export const rules: readonly Rule[] = [
  sectionMissing, sectionOrder, sectionDuplicate, sectionTitle, sectionNumbering, sectionEmpty,
  tableMissing, tableRowMissing, tableRowLabel, tableShape, cellEmpty, cellInvalid, blankAsZero,
  totalRow, totalResults, balance, totalReview, templateMismatch,
  textTableMismatch, yearMismatch, publishDate, feeStatement, copiedText, carryover,
  implausibleChange, inForceCount, rateRange, problemsSection, doubledWord, allHandled,
  sharedText, copyIdentical, copyDiffers, rollupMismatch, rollupIncomplete,
  importUnplaced, importShortRow,
  // About the report's <!-- nianbao-disable --> comments, judged after every other rule (inline-config.ts).
  disableUnused, disableUnknownRule,
];

export type { Rule };
