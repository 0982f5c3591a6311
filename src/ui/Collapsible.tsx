/** A section of the side panel that folds under its heading: the heading is a button with `aria-expanded`. */

import type { Signal } from '@preact/signals';
import type { ComponentChildren } from 'preact';

export interface CollapsibleProps {
  /** Names the heading (`<name>-heading`) and the body (`<name>-body`), which tests and the skip button use. */
  name: string;
  title: ComponentChildren;
  open: Signal<boolean>;
  /** Keep the body open whatever `open` says (the text list when there is no map). */
  forceOpen?: boolean;
  sectionId?: string;
  class?: string;
  /**
   * Keep the content in the page while folded, hidden (the page drawn at build time, for readers without JavaScript,
   * whose stylesheet shows it; the live app draws a folded section's content only when it is opened).
   */
  keepContent?: boolean;
  children: ComponentChildren;
}

export function Collapsible({
  name,
  title,
  open,
  forceOpen = false,
  sectionId,
  class: extra,
  keepContent = false,
  children,
}: CollapsibleProps) {
  const isOpen = open.value || forceOpen;
  return (
    <section
      class={`panel${extra ? ` ${extra}` : ''}`}
      id={sectionId}
      aria-labelledby={`${name}-heading`}
      tabIndex={sectionId ? -1 : undefined}
    >
      <h2 id={`${name}-heading`} class="panel-heading">
        <button
          type="button"
          aria-expanded={isOpen}
          aria-controls={`${name}-body`}
          onClick={() => {
            open.value = !isOpen;
          }}
        >
          {title}
        </button>
      </h2>
      <div id={`${name}-body`} hidden={!isOpen}>
        {(isOpen || keepContent) && children}
      </div>
    </section>
  );
}
