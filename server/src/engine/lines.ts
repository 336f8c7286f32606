// Offsets ↔ lines and columns. Lines and columns here are 0-based; the CLI
// adds 1 when it prints them.
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  position(offset: number): { line: number; character: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }

  offset(line: number, character: number): number {
    if (line >= this.starts.length) return this.starts[this.starts.length - 1] + character;
    return this.starts[Math.max(0, line)] + character;
  }

  get lineCount(): number {
    return this.starts.length;
  }
}
