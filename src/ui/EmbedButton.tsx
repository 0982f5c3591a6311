/**
 * The Embed action: shows the `<iframe>` snippet for the current view, ready to copy. The compact page that
 * the snippet loads is EmbedHeader.
 */
import { useRef, useState } from 'preact/hooks';
import { embedSnippetFor, fullUrlFor } from '../app/embed';
import { type Lang, t } from '../i18n/strings';
import './publish.css';

export function EmbedButton({ lang, currentUrl }: { lang: Lang; currentUrl: () => string }) {
  const [snippet, setSnippet] = useState<string | undefined>(undefined);
  const [copied, setCopied] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  function toggle() {
    setCopied(false);
    setSnippet(snippet ? undefined : embedSnippetFor(currentUrl(), t(lang, 'app.title')));
    requestAnimationFrame(() => field.current?.select());
  }

  async function copy() {
    if (!snippet) return;
    try {
      await navigator.clipboard.writeText(snippet);
      setCopied(true);
    } catch {
      field.current?.select();
    }
  }

  return (
    <div class="embed">
      <button
        ref={button}
        type="button"
        class="action-button"
        aria-expanded={snippet !== undefined}
        aria-controls="embed-panel"
        onClick={toggle}
      >
        {t(lang, 'embed.button')}
      </button>
      {snippet !== undefined && (
        <section
          id="embed-panel"
          class="action-panel"
          aria-labelledby="embed-panel-title"
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.stopPropagation();
            setSnippet(undefined);
            button.current?.focus();
          }}
        >
          <p id="embed-panel-title" class="action-panel-title">
            {t(lang, 'embed.title')}
          </p>
          <p class="action-panel-hint">{t(lang, 'embed.hint')}</p>
          <textarea
            ref={field}
            class="embed-code"
            readOnly
            rows={5}
            aria-label={t(lang, 'embed.code')}
            value={snippet}
          />
          <div class="action-panel-row">
            <button type="button" class="action-button" onClick={copy}>
              {t(lang, 'embed.copy')}
            </button>
            <span role="status" aria-live="polite">
              {copied ? t(lang, 'embed.copied') : ''}
            </span>
            <button type="button" class="action-link" onClick={() => setSnippet(undefined)}>
              {t(lang, 'embed.close')}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}

/**
 * The compact header in embed mode (`embed=1`): the title line, the credits, and a link that opens the
 * full page at the view the reader is looking at (its href is written when the reader reaches for it).
 */
export function EmbedHeader({ lang, currentUrl }: { lang: Lang; currentUrl: () => string }) {
  const refresh = (event: Event) => {
    (event.currentTarget as HTMLAnchorElement).href = fullUrlFor(currentUrl());
  };
  return (
    <header class="topbar topbar-embed">
      <div class="titles">
        <h1>{t(lang, 'app.title')}</h1>
        <p class="subtitle embed-credits">{t(lang, 'card.credit')}</p>
      </div>
      <a
        class="action-button embed-open-full"
        href={fullUrlFor(currentUrl())}
        target="_blank"
        rel="noopener"
        onPointerDown={refresh}
        onFocus={refresh}
        onClick={refresh}
      >
        {t(lang, 'embed.openFull')}
      </a>
    </header>
  );
}
