import * as Y from 'yjs';

const LISTS = new Set(['bulletList', 'orderedList', 'taskList']);

function inlineText(node: Y.XmlElement | Y.XmlText): string {
  if (node instanceof Y.XmlText)
    return (node.toDelta() as { insert: unknown }[])
      .map((part) => (typeof part.insert === 'string' ? part.insert : ''))
      .join('');
  if (node.nodeName === 'hardBreak') return '\n';
  return node
    .toArray()
    .map((child) => (child instanceof Y.XmlElement || child instanceof Y.XmlText ? inlineText(child) : ''))
    .join('');
}

function blockLines(node: Y.XmlElement | Y.XmlText, prefix: string, lines: string[]): void {
  if (node instanceof Y.XmlText) {
    const text = inlineText(node).trim();
    if (text) lines.push(prefix + text);
    return;
  }
  const children = node.toArray().filter((child) => child instanceof Y.XmlElement || child instanceof Y.XmlText);
  if (LISTS.has(node.nodeName)) {
    // A numbered list keeps its numbers (from its `start`), as the notes showed them; other lists a "- " each. A
    // list inside a list item is indented under the item's words.
    const start = Number(node.getAttribute('start') ?? 1);
    const first = node.nodeName === 'orderedList' && Number.isInteger(start) ? start : null;
    const indent = prefix.replace(/\S/g, ' ');
    children.forEach((item, index) => {
      blockLines(item, `${indent}${first === null ? '- ' : `${first + index}. `}`, lines);
    });
    return;
  }
  // A container of blocks (a list item, a quote) gives each block its own line; a paragraph is one line.
  const holdsBlocks = children.some((child) => child instanceof Y.XmlElement && child.nodeName !== 'hardBreak');
  if (holdsBlocks) {
    children.forEach((child, index) => {
      blockLines(child, index === 0 ? prefix : prefix.replace(/\S/g, ' '), lines);
    });
    return;
  }
  for (const line of inlineText(node).split('\n')) if (line.trim()) lines.push(prefix + line.trim());
}

/**
 * A stage's notes as plain lines: each paragraph and heading a line, each list item a line starting "- ", or its
 * number ("1. ") in a numbered list.
 */
export function notesLines(fragment: Y.XmlFragment): string[] {
  const lines: string[] = [];
  for (const child of fragment.toArray())
    if (child instanceof Y.XmlElement || child instanceof Y.XmlText) blockLines(child, '', lines);
  return lines;
}
