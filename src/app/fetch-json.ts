/**
 * Fetches one of the app's JSON files and parses it, never rejecting: a failure comes back as a DataError that names
 * the file. Every request has a time limit (`AbortSignal.timeout`, the body included), so a file that never answers
 * is named like one that failed instead of keeping the page loading for good. `retry` bypasses the HTTP cache, so a
 * file that came back broken is fetched again.
 */
import type { DataError } from '../story/parse-story';

/** How long one file may take, body included, before it counts as failed: well above a slow phone's few seconds. */
export const FETCH_TIMEOUT_MS = 20_000;

export interface FetchOptions {
  /** Bypass the HTTP cache (the Retry of a failure message). */
  retry?: boolean;
  timeoutMs?: number;
}

/** The message for a file that did not answer within `ms`. */
export function timeoutMessageFor(ms: number): string {
  return `did not answer within ${ms / 1000} s`;
}

export async function fetchJson(
  file: string,
  url: string,
  fetcher: typeof fetch,
  { retry = false, timeoutMs = FETCH_TIMEOUT_MS }: FetchOptions = {},
): Promise<{ value?: unknown; error?: DataError }> {
  const signal = AbortSignal.timeout(timeoutMs);
  // A fetch that ignores its signal (or a body that stalls) still ends when the time is up.
  const timedOut = new Promise<never>((_, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
  const timeoutError = { error: { file, message: timeoutMessageFor(timeoutMs) } };
  let response: Response;
  try {
    response = await Promise.race([fetcher(url, retry ? { cache: 'reload', signal } : { signal }), timedOut]);
  } catch (error) {
    if (signal.aborted) return timeoutError;
    return { error: { file, message: `could not be fetched (${String(error)})` } };
  }
  if (!response.ok) return { error: { file, message: `could not be fetched (HTTP ${response.status})` } };
  let text: string;
  try {
    text = await Promise.race([response.text(), timedOut]);
  } catch (error) {
    if (signal.aborted) return timeoutError;
    return { error: { file, message: `could not be fetched (${String(error)})` } };
  }
  try {
    return { value: JSON.parse(text) };
  } catch {
    return { error: { file, message: 'is not valid JSON' } };
  }
}
