/**
 * Lazily loaded code that can be asked for again. A browser keeps a failed module import for the page's life (the HTML
 * spec's module map: Chromium 150 does), so a Retry that imports the same URL again fails at once, without a request.
 * After a failure, this imports the file under a new URL (`?retry=N`), read from the error, which names it in Chromium
 * and Firefox; where the error names none, the next call imports as before.
 */

/** The URL of the module a failed `import()` names: "Failed to fetch dynamically imported module: https://…/x.js". */
const FAILED_MODULE = /\b(?:https?|file):\/\/\S+?\.m?js(?=$|[\s?#'"])/;

/** The importer of a URL outside the build's module graph (the file under its retry URL). */
const importUrl = (url: string): Promise<unknown> => import(/* @vite-ignore */ url);

export function retryableImport<T>(load: () => Promise<T>, importAgain = importUrl): () => Promise<T> {
  let failedUrl: string | undefined;
  let attempt = 0;
  return async () => {
    try {
      if (failedUrl) return (await importAgain(`${failedUrl}?retry=${++attempt}`)) as T;
      return await load();
    } catch (error) {
      failedUrl ??= FAILED_MODULE.exec(error instanceof Error ? error.message : String(error))?.[0];
      throw error;
    }
  };
}
