import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';

/** The words of an exported Word file, a paragraph a line. */
export async function docxText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
}

/** The words of an exported PDF, read by poppler's pdftotext. */
function pdfText(bytes: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'consultboard-export-'));
  try {
    const file = path.join(dir, 'plan.pdf');
    fs.writeFileSync(file, bytes);
    return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** An export's text with its spacing squashed, for the privacy guard's tests to read. */
export const exportText = async (extension: 'docx' | 'pdf', bytes: Buffer) =>
  (extension === 'docx' ? await docxText(bytes) : pdfText(bytes)).replace(/\s+/g, ' ');

/** The exported text the guard reads: without the heading's adult and organisation names, which it leaves alone. */
export const guardedText = (text: string) =>
  ['Northfield Primary', 'North East locality', 'EP North', 'SENCO North'].reduce(
    (rest, name) => rest.split(name).join(' '),
    text,
  );
