// pdfjs-dist ships no types for its worker module; the reader only hands its
// message handler to pdf.js (pdfjs-lib.ts).
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
