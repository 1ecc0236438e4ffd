/** One output line: its indentation, its code, and the line comment that ends it. */
export interface Line {
  indent: number;
  code: string;
  /** A trailing `// …` comment, aligned with its neighbours' when the lines are rendered. */
  comment?: string;
}

/**
 * Collects output lines. Text goes on the open line; line breaks and blank lines are requests
 * that merge (two breaks in a row make one), so callers can ask for a break wherever one may
 * be needed without checking whether one was just made.
 */
export class LineBuilder {
  private readonly done: Line[] = [];
  private open: Line | undefined;
  private indent = 0;
  private blankRequested = false;

  /** Every line so far, the open one included. */
  get lines(): readonly Line[] {
    return this.open === undefined ? this.done : [...this.done, this.open];
  }

  /** True when the next text starts a new line. */
  get atLineStart(): boolean {
    return this.open === undefined;
  }

  /** Ends the open line; the next text starts a line indented by `indent`. */
  newline(indent: number): void {
    this.close();
    this.indent = indent;
  }

  /** Asks for one blank line before the next text; ignored at the very start of the output. */
  blankLine(): void {
    this.close();
    this.blankRequested = true;
  }

  /** Writes text on the open line, after one space if `spaceBefore` and the line is not new. */
  write(text: string, spaceBefore: boolean): void {
    if (this.open === undefined) this.start({ indent: this.indent, code: text });
    else this.open.code += (spaceBefore ? " " : "") + text;
  }

  /** Ends the open line with a line comment; with no open line, the comment gets its own line. */
  trailingComment(text: string): void {
    if (this.open === undefined) this.start({ indent: this.indent, code: text });
    else this.open.comment = text;
    this.close();
  }

  /** Moves another builder's lines here; its open line stays open. */
  append(other: LineBuilder): void {
    this.close();
    for (const line of other.done) {
      this.start({ ...line });
      this.close();
    }
    if (other.open !== undefined) this.start({ ...other.open });
  }

  private start(line: Line): void {
    if (this.blankRequested && this.done.length > 0) this.done.push({ indent: 0, code: "" });
    this.blankRequested = false;
    this.open = line;
  }

  private close(): void {
    if (this.open !== undefined) this.done.push(this.open);
    this.open = undefined;
  }
}
