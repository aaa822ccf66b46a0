import { type ExportFinding, PERSONAL_DATA_TO_CHECK } from '@consultboard/domain';
import { ApiError, errorFromResponse } from '../api';

export type ExportAnswer = { ok: true; blob: Blob; fileName: string } | { ok: false; findings: ExportFinding[] };

/** The file name the server gave (Content-Disposition), or a plain one. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(disposition ?? '');
  return match?.[1] ?? fallback;
}

/**
 * Asks the server for an export. A 409 `personal_data_to_check` is an answer, not an error: the findings to show
 * under **Check before exporting** (issue 10). Anything else that fails throws an ApiError.
 */
export async function fetchExport(url: string, fallbackName: string): Promise<ExportAnswer> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', 'Could not reach Consultboard. Check your connection and try again.');
  }
  if (response.ok) {
    return {
      ok: true,
      blob: await response.blob(),
      fileName: fileNameOf(response.headers.get('content-disposition'), fallbackName),
    };
  }
  const body: unknown = await response.json().catch(() => undefined);
  const error = errorFromResponse(response.status, body);
  if (error.code === PERSONAL_DATA_TO_CHECK) {
    return { ok: false, findings: ((body as { findings?: ExportFinding[] }).findings ?? []) as ExportFinding[] };
  }
  throw error;
}

/** Hands a fetched file to the browser as a download under its name. */
export function saveFile(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the address goes.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
