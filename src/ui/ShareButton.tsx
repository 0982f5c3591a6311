/**
 * Shares the current link: the Web Share API where the browser has it, else the clipboard, else a
 * selected text field the reader can copy from. The confirmation is announced to screen readers.
 */
import { useRef, useState } from 'preact/hooks';
import { type Lang, t } from '../i18n/strings';

type Status = 'idle' | 'copied' | 'manual';

export function ShareButton({ lang, currentUrl }: { lang: Lang; currentUrl: () => string }) {
  const [status, setStatus] = useState<Status>('idle');
  const [url, setUrl] = useState('');
  const field = useRef<HTMLInputElement>(null);

  async function share() {
    const link = currentUrl();
    setUrl(link);
    if (typeof navigator.share === 'function' && navigator.maxTouchPoints > 0) {
      try {
        await navigator.share({ title: document.title, url: link });
        return;
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') return;
      }
    }
    try {
      await navigator.clipboard.writeText(link);
      setStatus('copied');
    } catch {
      setStatus('manual');
      requestAnimationFrame(() => field.current?.select());
    }
  }

  return (
    <div class="share">
      <button type="button" class="share-button" onClick={share}>
        {t(lang, 'share.button')}
      </button>
      <span class="share-status" role="status" aria-live="polite">
        {status === 'copied' ? t(lang, 'share.copied') : ''}
      </span>
      {status === 'manual' && (
        <label class="share-manual">
          {t(lang, 'share.manual')}
          <input ref={field} type="text" readOnly value={url} aria-label={t(lang, 'share.label')} />
        </label>
      )}
    </div>
  );
}
