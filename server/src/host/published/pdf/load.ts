// Loads pdf.js on the first PDF: a megabyte and a half of code that `check`
// and the import of other forms never need (docs/performance.md).
export type Pdfjs = typeof import('./pdfjs-lib.ts');

let loading: Promise<Pdfjs> | undefined;

export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= import('./pdfjs-lib.ts');
  return loading;
}
