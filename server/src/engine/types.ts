// Core value types shared by the engine, the CLI and the language server.
// Positions are UTF-16 offsets into the document text (what JavaScript strings
// and LSP both count in); front ends convert them to lines and columns.

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';
export type Lang = 'zh' | 'en';

/** A message in both languages: Chinese first, English available. */
export interface Text2 {
  zh: string;
  en: string;
}

export interface Range {
  start: number;
  end: number;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: Text2;
  edits: TextEdit[];
  /** True when the fix sets or corrects a number: never applied unattended without --fix-figures. */
  changesFigure: boolean;
}

export interface Related {
  range: Range;
  message: Text2;
}

export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  message: Text2;
  range: Range;
  fix?: Fix;
  related?: Related[];
}
