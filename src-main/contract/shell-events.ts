/**
 * The application menu asks the renderer to show a screen
 * (View → Board, History…, Settings… with their accelerators). Event `app:navigate` → AppNavigateView.
 */

/** A route path of the renderer, e.g. `/history`, `/settings`. */
export interface AppNavigateView {
  readonly path: string
}

export interface ShellEventPayloads {
  'app:navigate': AppNavigateView
}
