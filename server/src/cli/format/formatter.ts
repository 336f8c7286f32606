// An output format consumes results one file at a time (so text and github
// output stream) and writes its closing part at the end.
import type { FileResult } from '../check-file.ts';
import type { Lang } from '../../engine/types.ts';
import type { Summary } from './summary.ts';

export interface Formatter {
  file(result: FileResult): void;
  end(summary: Summary): void;
}

export interface FormatterIO {
  out: (s: string) => void;
  err: (s: string) => void;
  lang: Lang;
  quiet: boolean;
  color: boolean;
}
