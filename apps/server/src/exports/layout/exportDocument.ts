/**
 * A file an export prints, as blocks in reading order: drawn once by the Word renderer (docxRender.ts) and once
 * by the PDF renderer (pdfRender.ts), so the two formats always say the same in the same order.
 */
export interface ExportDocument {
  /** The file's own title (its properties), never shown as text. */
  title: string;
  /** Printed at the top of every page: "Confidential" and what the file is about. */
  pageHeader: string;
  blocks: Block[];
}

/** A run of text in a paragraph. */
export interface Run {
  text: string;
  bold?: boolean;
}

export type Block =
  | { kind: 'title'; text: string }
  /** `anchor`: the heading a contents entry points to. */
  | { kind: 'heading'; text: string; level: 1 | 2 | 3; anchor?: string; pageBreakBefore?: boolean }
  /** A two-column block of labels and values (the heading block of a plan). */
  | { kind: 'fields'; rows: [string, string][] }
  /** A table whose columns are fitted so no word is broken; `weights` share the width left over. */
  | {
      kind: 'table';
      header: readonly string[];
      rows: string[][];
      weights: readonly number[];
      whole?: readonly number[];
    }
  | { kind: 'paragraph'; runs: Run[]; bullet?: boolean; spaceBefore?: boolean }
  /** A label with a line after it, to fill in by hand on the printed copy. */
  | { kind: 'fillIn'; label: string }
  /** Tick boxes, drawn as each format can: on one line (`inline`) or one a line. */
  | { kind: 'choices'; label?: string; choices: string[]; inline: boolean }
  /** Blocks kept on one page where they fit. */
  | { kind: 'group'; blocks: Block[] }
  /** A contents page: each entry names a heading's anchor. */
  | { kind: 'contents'; entries: { text: string; anchor: string; level: 1 | 2 }[] };

export const paragraph = (text: string, options: { bold?: boolean; spaceBefore?: boolean } = {}): Block => ({
  kind: 'paragraph',
  runs: [{ text, bold: options.bold }],
  spaceBefore: options.spaceBefore,
});
