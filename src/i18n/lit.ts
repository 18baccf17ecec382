/**
 * The localisation layer's browser half: Lit components re-render on a language change, and
 * the page's `lang` attribute follows the language (screen readers read it).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { getLocale, onLocaleChange } from './index.js';

// Guarded: unit tests in Node import Lit elements without a document.
if (typeof document !== 'undefined') {
  document.documentElement.lang = getLocale();
  onLocaleChange((locale) => {
    document.documentElement.lang = locale;
  });
}

/** A Lit reactive controller: the host re-renders when the language changes. */
export class LocaleController implements ReactiveController {
  #off: (() => void) | undefined;
  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }
  hostConnected(): void {
    this.#off = onLocaleChange(() => this.host.requestUpdate());
  }
  hostDisconnected(): void {
    this.#off?.();
  }
}
