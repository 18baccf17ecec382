/**
 * The globals that every runtime kaedeboard runs in (browsers and Node 20) offers, for the code
 * that runs everywhere (tsconfig.shared.json has neither the DOM's nor Node's types).
 */
declare function queueMicrotask(callback: () => void): void;
declare var crypto: { getRandomValues<T extends Uint8Array>(array: T): T };
