/**
 * Fetches one of the story's JSON files and parses it, never rejecting: a failure comes back as a DataError that names
 * the file. `retry` bypasses the HTTP cache, so a file that came back broken is fetched again.
 */
import type { DataError } from '../story/parse-story';

export async function fetchJson(
  file: string,
  url: string,
  fetcher: typeof fetch,
  retry = false,
): Promise<{ value?: unknown; error?: DataError }> {
  let response: Response;
  try {
    response = await (retry ? fetcher(url, { cache: 'reload' }) : fetcher(url));
  } catch (error) {
    return { error: { file, message: `could not be fetched (${String(error)})` } };
  }
  if (!response.ok) return { error: { file, message: `could not be fetched (HTTP ${response.status})` } };
  try {
    return { value: JSON.parse(await response.text()) };
  } catch {
    return { error: { file, message: 'is not valid JSON' } };
  }
}
