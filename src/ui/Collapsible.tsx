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
  children: ComponentChildren;
}

export function Collapsible({
  name,
  title,
  open,
  forceOpen = false,
  sectionId,
  class: extra,
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
        {isOpen && children}
      </div>
    </section>
  );
}
