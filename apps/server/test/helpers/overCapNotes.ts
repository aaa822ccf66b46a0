/**
 * Writes a case's notes straight into the store (SQLite, or PostgreSQL with TEST_STORE=postgres) as the code before
 * the cap counted stored bytes could leave them: one snapshot over the document cap, of real paragraphs in the
 * stages given. For the server tests, and for the
 * browser journey, which runs it as a script: `node --import tsx test/helpers/overCapNotes.ts <dataDir> <caseId>
 * <stage>=<paragraph characters>x<paragraphs> …`.
 */
import { pathToFileURL } from 'node:url';
import { notesDocName, notesFragmentName } from '@consultboard/domain';
import * as Y from 'yjs';
import { notesRepo } from '../../src/db/notes.js';
import { openTestStore } from './store.js';

/** Stage id → the lengths of its paragraphs (each a run of one letter). Returns the snapshot's size in bytes. */
export function writeOverCapNotes(dataDir: string, caseId: string, stages: Record<string, number[]>): number {
  const doc = new Y.Doc();
  for (const [stageId, paragraphs] of Object.entries(stages)) {
    const fragment = doc.getXmlFragment(notesFragmentName(stageId));
    for (const length of paragraphs) {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(stageId.charAt(0).repeat(length))]);
      fragment.push([paragraph]);
    }
  }
  const state = Y.encodeStateAsUpdate(doc);
  const db = openTestStore(dataDir).db;
  try {
    notesRepo(db).compact(notesDocName(caseId), state, 0);
  } finally {
    db.close();
  }
  return state.byteLength;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dataDir, caseId, ...specs] = process.argv.slice(2);
  const stages: Record<string, number[]> = {};
  for (const spec of specs) {
    const match = /^([a-z-]+)=(\d+)x(\d+)$/.exec(spec);
    if (!match) throw new Error(`not <stage>=<characters>x<paragraphs>: ${spec}`);
    stages[match[1] as string] = Array.from({ length: Number(match[3]) }, () => Number(match[2]));
  }
  console.log(writeOverCapNotes(dataDir as string, caseId as string, stages));
}
