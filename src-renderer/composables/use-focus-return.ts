import { onBeforeUnmount } from 'vue'

/**
 * Remembers what had focus when a dialog or drawer opened and gives focus back when it closes, so keyboard
 * users land on the row they acted on rather than at the top of the page.
 */
export function useFocusReturn(): void {
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
  onBeforeUnmount(() => {
    if (opener && opener.isConnected) queueMicrotask(() => opener.focus())
  })
}
