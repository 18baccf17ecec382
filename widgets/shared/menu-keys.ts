/**
 * Arrow keys in a widget's small menus (move to …, colour, criterion): Down and Up move focus to
 * the next and previous button, wrapping around, as the ARIA menu pattern does.
 */

/** Handles ArrowDown/ArrowUp among `buttons` (focus moves, default prevented); false for other keys. */
export function cycleFocus(e: KeyboardEvent, buttons: readonly HTMLElement[]): boolean {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return false;
  e.preventDefault();
  const at = buttons.indexOf(e.target as HTMLElement);
  buttons[(at + (e.key === 'ArrowDown' ? 1 : buttons.length - 1)) % buttons.length]?.focus();
  return true;
}
