/**
 * The page's messages: the map's notices (its state, a new release, passing messages) and the list of data files and
 * code parts that failed to load, each with a Retry where one helps.
 */
import { type Lang, t } from '../i18n/strings';
import type { Model } from '../state/model';

/** A failure message with a Retry button, announced at once. */
export function RetryAlert({ message, lang, onRetry }: { message: string; lang: Lang; onRetry: () => void }) {
  return (
    <div class="notice notice-error" role="alert">
      <p>{message}</p>
      <button type="button" onClick={onRetry}>
        {t(lang, 'action.retry')}
      </button>
    </div>
  );
}

/** The map's notices: loading, no WebGL, a lost context, code that failed, a new release, and messages. */
export function MapNotices({ model, onRetryMap }: { model: Model; onRetryMap: () => void }) {
  const lang = model.lang.value;
  const status = model.mapStatus.value;
  const messages = [
    ...(status === 'no-webgl' ? [t(lang, 'map.noWebgl')] : []),
    ...(status === 'context-lost' ? [t(lang, 'map.contextLost')] : []),
    ...model.notices.value,
  ];
  return (
    <div class="notices" role="status" aria-live="polite">
      {status === 'loading' && <p class="notice notice-loading">{t(lang, 'map.loading')}</p>}
      {status === 'code-failed' && <RetryAlert message={t(lang, 'map.codeFailed')} lang={lang} onRetry={onRetryMap} />}
      {model.updateReady.value && (
        <div class="notice notice-update">
          <p>{t(lang, 'update.ready')}</p>
          <button type="button" onClick={model.updateReady.value}>
            {t(lang, 'update.reload')}
          </button>
        </div>
      )}
      {messages.map((m) => (
        <p class="notice notice-warning" key={m}>
          {m}
        </p>
      ))}
    </div>
  );
}

/** The files and parts that failed to load, each named, with one Retry for them all. */
export function DataErrors({ model }: { model: Model }) {
  const errors = [
    ...model.dataErrors.value,
    ...model.basemapErrors.value.map((file) => ({ file, feature: undefined, message: 'could not be loaded' })),
    ...model.partErrors.value,
  ];
  if (errors.length === 0) return null;
  const lang = model.lang.value;
  return (
    <div class="data-errors" role="alert">
      <p>{t(lang, 'data.error')}</p>
      <ul>
        {errors.map((e) => (
          <li key={`${e.file}-${e.feature ?? ''}-${e.message}`}>
            <code>{e.file}</code>
            {e.feature ? (
              <>
                {' '}
                › <code>{e.feature}</code>
              </>
            ) : null}
            : {e.message}
          </li>
        ))}
      </ul>
      <button type="button" onClick={model.retryData}>
        {t(lang, 'action.retry')}
      </button>
    </div>
  );
}
