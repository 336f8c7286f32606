// pdf.js as the PDF reader uses it: the legacy build (it runs on Node 20) with
// its worker code in this same thread. pdf.js runs a "fake worker" in Node and
// takes its message handler from globalThis.pdfjsWorker when that is set, so
// nothing is imported by URL at run time and no worker thread is started.
// In the bundles this file is dist/lib/pdfjs.cjs, required on the first PDF
// (esbuild.mjs), with the predefined CMaps beside it in dist/lib/pdfjs-cmaps/.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as worker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';

(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;

/** Folder of pdf.js's packed CMaps (older CJK PDFs use predefined encodings such as UniGB-UCS2-H), ending in a separator. */
function cMapFolder(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const bundled = join(here, 'pdfjs-cmaps');
  if (existsSync(bundled)) return bundled + '/';
  return join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps') + '/';
}

export const cMapUrl = cMapFolder();
export const { getDocument, OPS, VerbosityLevel } = pdfjs;
export type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
