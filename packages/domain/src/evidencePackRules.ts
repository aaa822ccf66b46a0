// The evidence pack's words and pure rules, without zod (the web's page loads these).

/** The pack's file name: the school's own pack for a range, never a name. */
export function evidencePackFileName(from: string, to: string, extension: 'docx' | 'pdf'): string {
  return `evidence-pack-${from}-to-${to}.${extension}`;
}
