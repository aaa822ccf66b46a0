/**
 * Scores the privacy guard's detector on a labelled corpus. A corpus line is text with its personal data marked
 * `[[kind:text]]`; a line with no mark is clean. A finding is a hit when it overlaps a labelled span of its kind;
 * a clean line with any finding is a false alarm.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PERSONAL_DATA_KINDS, type PersonalDataFinding, type PersonalDataKind } from '../src/privacy/findings.js';

export interface LabelledLine {
  text: string;
  labels: { kind: PersonalDataKind; start: number; end: number }[];
}

export interface KindScore {
  labelled: number;
  found: number;
}

export interface Score {
  lines: number;
  perKind: Record<PersonalDataKind, KindScore>;
  labelled: number;
  found: number;
  cleanLines: number;
  falseAlarms: number;
  misses: { line: string; kind: PersonalDataKind; text: string }[];
  alarms: { line: string; findings: string[] }[];
}

const MARK = /\[\[(\w+):([^\]]*)\]\]/g;

export function parseCorpus(source: string): LabelledLine[] {
  const lines: LabelledLine[] = [];
  for (const raw of source.split('\n')) {
    if (raw.trim() === '' || raw.startsWith('#')) continue;
    let text = '';
    let last = 0;
    const labels: LabelledLine['labels'] = [];
    for (const match of raw.matchAll(MARK)) {
      const kind = match[1] as PersonalDataKind;
      if (!PERSONAL_DATA_KINDS.includes(kind)) throw new Error(`Unknown kind "${kind}" in: ${raw}`);
      text += raw.slice(last, match.index);
      labels.push({ kind, start: text.length, end: text.length + (match[2] as string).length });
      text += match[2];
      last = match.index + match[0].length;
    }
    text += raw.slice(last);
    lines.push({ text, labels });
  }
  return lines;
}

export function readCorpus(name: 'tuning' | 'heldout'): LabelledLine[] {
  return parseCorpus(readFileSync(fileURLToPath(new URL(`./${name}.txt`, import.meta.url)), 'utf8'));
}

export function score(lines: LabelledLine[], detect: (text: string) => PersonalDataFinding[]): Score {
  const perKind = Object.fromEntries(PERSONAL_DATA_KINDS.map((kind) => [kind, { labelled: 0, found: 0 }])) as Record<
    PersonalDataKind,
    KindScore
  >;
  const result: Score = {
    lines: lines.length,
    perKind,
    labelled: 0,
    found: 0,
    cleanLines: 0,
    falseAlarms: 0,
    misses: [],
    alarms: [],
  };
  for (const line of lines) {
    const findings = detect(line.text);
    if (line.labels.length === 0) {
      result.cleanLines += 1;
      if (findings.length > 0) {
        result.falseAlarms += 1;
        result.alarms.push({ line: line.text, findings: findings.map((f) => `${f.kind}:${f.text}`) });
      }
      continue;
    }
    for (const label of line.labels) {
      const hit = findings.some((f) => f.kind === label.kind && f.start < label.end && label.start < f.end);
      perKind[label.kind].labelled += 1;
      result.labelled += 1;
      if (hit) {
        perKind[label.kind].found += 1;
        result.found += 1;
      } else result.misses.push({ line: line.text, kind: label.kind, text: line.text.slice(label.start, label.end) });
    }
  }
  return result;
}

export const percent = (part: number, whole: number) => (whole === 0 ? 100 : (100 * part) / whole);
