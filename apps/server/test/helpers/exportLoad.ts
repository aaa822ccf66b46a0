import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ACTION_PLAN_LIMITS } from '@consultboard/domain';
import { buildRow } from './actionPlan.js';
import type { Browser } from './http.js';
import { notesToken, openNotes, waitFor } from './notes.js';
import { buildCase, buildSession, type World } from './world.js';

/** Plain sentences, as a note-taker writes them: words of ordinary length, a paragraph a few lines long. */
const SENTENCE = 'Settles after a movement break and a quiet word with the teaching assistant at the door. ';

/** Text of ordinary words, about `length` characters long. */
export const words = (length: number) =>
  SENTENCE.repeat(Math.ceil(length / SENTENCE.length))
    .slice(0, length)
    .trim();

/** The paragraphs of `caseWithLongNotes`: numbered, in ordinary words. */
export const numberedParagraph = (index: number, length: number) => `${index + 1}. ${words(length)}`;

/**
 * A case on a live session whose notes hold about `bytes` of text in paragraphs of `paragraphChars`, typed
 * through the notes endpoint with the stock provider (a few large edits, each under the message cap), and a
 * one-row plan so it can be exported. Returns the case id once a second client sees every paragraph.
 */
export async function caseWithLongNotes(
  baseUrl: string,
  world: World,
  options: {
    bytes?: number;
    paragraphChars?: number;
    paragraph?: (index: number, length: number) => string;
    reference?: string;
  } = {},
): Promise<string> {
  const bytes = options.bytes ?? 1024 * 1024;
  const paragraphChars = options.paragraphChars ?? 600;
  const paragraph = options.paragraph ?? numberedParagraph;
  const session = await buildSession(world, { cases: [options.reference ?? 'J5M'] });
  const caseId = session.cases[0]?.id as string;
  const token = await notesToken(world.north.ep, session.id, 'facilitator');
  const writer = await openNotes(baseUrl, `case:${caseId}`, token);
  const paragraphs = Math.ceil(bytes / paragraphChars);
  const perEdit = Math.max(1, Math.floor((256 * 1024) / paragraphChars));
  try {
    for (let done = 0; done < paragraphs; done += perEdit) {
      // One transaction is one update on the wire.
      writer.doc.transact(() => {
        for (let i = done; i < Math.min(paragraphs, done + perEdit); i++) writer.write(paragraph(i, paragraphChars));
      });
    }
    const reader = await openNotes(baseUrl, `case:${caseId}`, token);
    try {
      await waitFor(() => reader.paragraphs().length === paragraphs, 30_000, 'the notes never arrived');
    } finally {
      reader.destroy();
    }
  } finally {
    writer.destroy();
  }
  await planOf(world.north.senco, caseId, [buildRow()]);
  return caseId;
}

/** A case of the north school with a plan of 30 rows, each field at its longest, in ordinary words. */
export async function caseWithLongRows(senco: Browser, reference = 'M4F'): Promise<string> {
  const item = await buildCase(senco, { reference });
  const rows = Array.from({ length: ACTION_PLAN_LIMITS.rows }, (_, i) =>
    buildRow({
      action: `${i + 1}. ${words(ACTION_PLAN_LIMITS.action - 4)}`,
      who: words(ACTION_PLAN_LIMITS.who),
      successLooksLike: words(ACTION_PLAN_LIMITS.successLooksLike),
    }),
  );
  await planOf(senco, item.id, rows);
  return item.id;
}

async function planOf(senco: Browser, caseId: string, rows: ReturnType<typeof buildRow>[]) {
  const saved = await senco.put(`/api/cases/${caseId}/plan`, { version: 0, rows });
  if (saved.status !== 200) throw new Error(`plan refused: ${JSON.stringify(saved.json)}`);
}

/**
 * Asks `GET /api/health` every `everyMs` until stopped; each answer's time is measured from when the probe was
 * due, so a probe held back by a busy process counts its wait too. Returns the times in milliseconds.
 */
export function probeHealth(baseUrl: string, everyMs = 20) {
  const times: number[] = [];
  let running = true;
  const loop = (async () => {
    let due = performance.now();
    while (running) {
      const response = await fetch(`${baseUrl}/api/health`);
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`health answered ${response.status}`);
      times.push(performance.now() - due);
      due += everyMs;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      else due = performance.now();
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return times;
    },
  };
}

/** A PDF's text as `pdftotext -raw` reads it (poppler). */
export function pdfText(bytes: Uint8Array): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'consultboard-pdf-'));
  try {
    const file = path.join(folder, 'export.pdf');
    fs.writeFileSync(file, bytes);
    return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
