/** One keyboard shortcut of the board, as shown in the "?" help dialog. */
export interface Shortcut {
  readonly keys: readonly string[]
  readonly does: string
}

/** Every board shortcut; the help dialog renders this list, so documentation and behaviour cannot drift. */
export const BOARD_SHORTCUTS: readonly Shortcut[] = [
  { keys: ['↑', '↓'], does: 'Move between callbacks (in the list)' },
  { keys: ['Page Up', 'Page Down', 'Home', 'End'], does: 'Jump through the list' },
  { keys: ['Enter'], does: 'Open the callback’s details' },
  { keys: ['Space'], does: 'Select or unselect the callback' },
  { keys: ['Shift', '↑ / ↓'], does: 'Extend the selection' },
  { keys: ['Ctrl', 'A'], does: 'Select every callback shown' },
  { keys: ['C'], does: 'Cancel callback (the selected ones, else the current one)' },
  { keys: ['R'], does: 'Reschedule' },
  { keys: ['N'], does: 'Call now' },
  { keys: ['V'], does: 'Reveal the number (audited)' },
  { keys: ['/'], does: 'Search by name or digits' },
  { keys: ['Esc'], does: 'Close details, a dialog, or clear the selection' },
  { keys: ['?'], does: 'Show these shortcuts' }
]

/** What a key press on the board asks for (null = not a board shortcut). */
export type ShortcutCommand = 'cancel' | 'reschedule' | 'call-now' | 'reveal' | 'search' | 'help' | 'escape'

/** Maps a key press to a board command; ignores presses with Ctrl/Alt/Meta and presses inside form fields. */
export function shortcutFor(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey' | 'target'>
): ShortcutCommand | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null
  const target = event.target as Element | null
  if (
    target &&
    typeof target.closest === 'function' &&
    target.closest(
      'input, textarea, select, [contenteditable=""], [contenteditable="true"], gux-modal, gux-dropdown, gux-datepicker, gux-time-picker'
    )
  ) {
    return null
  }
  switch (event.key) {
    case 'c':
    case 'C':
      return 'cancel'
    case 'r':
    case 'R':
      return 'reschedule'
    case 'n':
    case 'N':
      return 'call-now'
    case 'v':
    case 'V':
      return 'reveal'
    case '/':
      return 'search'
    case '?':
      return 'help'
    case 'Escape':
      return 'escape'
    default:
      return null
  }
}
