/**
 * `pnpm privacy:eval`: the detector's recall per kind, overall recall and false alarms on each split of the corpus,
 * and its speed on a few MB of mixed text on one core. `--verbose` lists every miss and false alarm.
 */
import { PERSONAL_DATA_KINDS } from '../src/privacy/findings.js';
import { findPersonalData } from '../src/privacy/index.js';
import { percent, readCorpus, type Score, score } from './evaluate.js';

const verbose = process.argv.includes('--verbose');
const fmt = (n: number) => `${n.toFixed(1)} %`;

function report(name: string, result: Score): void {
  console.log(
    `\n${name}: ${result.lines} lines (${result.lines - result.cleanLines} with personal data, ${result.cleanLines} clean)`,
  );
  for (const kind of PERSONAL_DATA_KINDS) {
    const { labelled, found } = result.perKind[kind];
    console.log(`  ${kind.padEnd(9)} recall ${fmt(percent(found, labelled)).padStart(8)}  (${found}/${labelled})`);
  }
  console.log(
    `  overall   recall ${fmt(percent(result.found, result.labelled)).padStart(8)}  (${result.found}/${result.labelled})`,
  );
  console.log(
    `  false alarms     ${fmt(percent(result.falseAlarms, result.cleanLines)).padStart(8)}  (${result.falseAlarms}/${result.cleanLines} clean lines)`,
  );
  if (verbose) {
    for (const miss of result.misses) console.log(`    missed ${miss.kind} "${miss.text}" in: ${miss.line}`);
    for (const alarm of result.alarms) console.log(`    false alarm ${alarm.findings.join(', ')} in: ${alarm.line}`);
  }
}

const tuning = readCorpus('tuning');
const heldout = readCorpus('heldout');
report('tuning split', score(tuning, findPersonalData));
report('held-out split', score(heldout, findPersonalData));

// Speed: the corpus's lines, shuffled into notes of about 2 kB, repeated to 4 MB.
const texts = [...tuning, ...heldout].map((line) => line.text);
let seed = 1;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const notes: string[] = [];
let size = 0;
while (size < 4 * 1024 * 1024) {
  let note = '';
  while (note.length < 2000) note += `${texts[Math.floor(random() * texts.length)]}. `;
  notes.push(note);
  size += note.length;
}
// Warm up first (the lists load and the code compiles once in a server's life).
for (const note of notes.slice(0, 200)) findPersonalData(note);
let findings = 0;
const started = performance.now();
const cpuBefore = process.cpuUsage();
for (const note of notes) findings += findPersonalData(note).length;
const cpu = process.cpuUsage(cpuBefore);
const seconds = (performance.now() - started) / 1000;
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const megabytes = new TextEncoder().encode(notes.join('')).length / 1024 / 1024;
// CPU time is what the one core spent; the wall clock also counts waiting on a shared machine.
console.log(
  `\nspeed: ${megabytes.toFixed(1)} MB in ${notes.length} notes of ~2 kB, ${findings} findings: ` +
    `${(megabytes / cpuSeconds).toFixed(1)} MB/s of CPU time on one core (${cpuSeconds.toFixed(2)} s), ` +
    `${(megabytes / seconds).toFixed(1)} MB/s by the wall clock (${seconds.toFixed(2)} s)`,
);
