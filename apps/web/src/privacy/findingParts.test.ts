import { findingKey, findPersonalData } from '@consultboard/domain';
import { describe, expect, it } from 'vitest';
import { fileNameOf } from './exportFile';
import { asChecked, findingContext, findingsToShow, markedParts } from './findingParts';

// The personal data here is invented, for the guard to find.
const joined = (parts: { text: string }[]) => parts.map((part) => part.text).join('');
const marked = (parts: { text: string; marked: boolean }[]) => parts.filter((part) => part.marked).map((p) => p.text);

describe('markedParts', () => {
  it('marks each finding and keeps every character of the text, in order', () => {
    const text = 'Ben and Sara in Year 3';
    const parts = markedParts(text, findPersonalData(text));
    expect(joined(parts)).toBe(text);
    expect(marked(parts)).toEqual(['Ben', 'Sara']);
  });

  it('merges overlapping findings and ignores spans outside the text', () => {
    const parts = markedParts('Jack Smith transition', [
      { start: 0, end: 4 },
      { start: 2, end: 10 },
      { start: 40, end: 50 },
    ]);
    expect(parts).toEqual([
      { text: 'Jack Smith', marked: true },
      { text: ' transition', marked: false },
    ]);
  });

  it('leaves a text without findings whole', () => {
    expect(markedParts('Year 3 transition', [])).toEqual([{ text: 'Year 3 transition', marked: false }]);
  });
});

describe('findingContext', () => {
  it('shows a few words either side of the finding, cut at spaces, with ellipses where cut', () => {
    const text = 'At the start of every single morning Ben Smith says he would rather stay at home with the dog today.';
    const [ben] = findPersonalData(text);
    const parts = findingContext(text, ben as NonNullable<typeof ben>);
    expect(parts[0]).toEqual({ text: '…', marked: false });
    expect(parts.at(-1)).toEqual({ text: '…', marked: false });
    expect(marked(parts)).toEqual(['Ben Smith']);
    const shown = joined(parts).slice(1, -1);
    expect(text).toContain(shown);
    expect(shown.length).toBeLessThan(text.length);
    expect(shown.startsWith(' ')).toBe(false);
  });

  it('adds no ellipsis where the text is short', () => {
    const text = 'Call 07700 900123';
    const [phone] = findPersonalData(text);
    expect(findingContext(text, phone as NonNullable<typeof phone>)).toEqual([
      { text: 'Call ', marked: false },
      { text: '07700 900123', marked: true },
    ]);
  });
});

describe('findingsToShow', () => {
  it('hides dismissed findings and shows the same words once', () => {
    const text = 'Jack Smith said Jack Smith would e-mail kelly@example.com';
    const findings = findPersonalData(text);
    expect(findings.map((finding) => finding.text)).toEqual(['Jack Smith', 'Jack Smith', 'kelly@example.com']);
    expect(findingsToShow(findings, new Set()).map((finding) => finding.text)).toEqual([
      'Jack Smith',
      'kelly@example.com',
    ]);
    const dismissed = new Set([findingKey({ kind: 'name', text: 'jack smith' })]);
    expect(findingsToShow(findings, dismissed).map((finding) => finding.text)).toEqual(['kelly@example.com']);
  });
});

describe('asChecked and fileNameOf', () => {
  it('squashes a topic as the server checks it, so its findings line up', () => {
    const value = asChecked('  Jack   Smith transition ');
    const [name] = findPersonalData(value);
    expect(value.slice(name?.start, name?.end)).toBe('Jack Smith');
    expect(name?.start).toBe(0);
  });

  it('takes the file name from Content-Disposition, or falls back', () => {
    expect(fileNameOf('attachment; filename="action-plan-J5M-2026-11-23.docx"', 'x.docx')).toBe(
      'action-plan-J5M-2026-11-23.docx',
    );
    expect(fileNameOf(null, 'action-plan.pdf')).toBe('action-plan.pdf');
  });
});
