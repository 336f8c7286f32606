// exceljs as `nianbao data --format xlsx` uses it. In the bundles this file is
// dist/lib/exceljs.cjs, loaded on the first workbook (esbuild.mjs), so that
// the CLI's start-up never compiles it.
import ExcelJS from 'exceljs';

export const Workbook = ExcelJS.Workbook;
export type { Workbook as WorkbookType, Worksheet } from 'exceljs';
