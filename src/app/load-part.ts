/**
 * A lazily loaded part of the page (a code chunk) that may fail to arrive: offline, or a release that replaced it.
 * The failure is named in the data-error message, whose Retry clears it so the part is asked for again.
 */
import type { Model } from '../state/model';

/** `load()`'s module, or undefined when it failed, in which case `file` is named in the data-error message. */
export async function loadPart<T>(
  model: Pick<Model, 'reportPartError'>,
  file: string,
  load: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await load();
  } catch (error) {
    console.warn(`${file} not loaded:`, error);
    model.reportPartError({ file, message: 'could not be loaded' });
    return undefined;
  }
}
