import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import type { GuxIconIconName } from 'genesys-spark-components'
import { useSettingsStore } from './stores/settings'
import AuditPage from './views/AuditPage.vue'
import BoardPage from './views/BoardPage.vue'
import DiagnosticsPage from './views/DiagnosticsPage.vue'
import SetupPage from './views/SetupPage.vue'
import WallboardPage from './views/WallboardPage.vue'

declare module 'vue-router' {
  interface RouteMeta {
    /** Shown in the navigation; routes without a title are not listed there. */
    title?: string
    icon?: GuxIconIconName
    /** Needs a signed-in session and a deployment profile; the connect screen / profile picker show until then. */
    live?: boolean
    /** Needs a signed-in session only (e.g. guided setup, which writes the profile); the connect screen shows until then. */
    signedIn?: boolean
  }
}

/** Routes for the screens that work today; the navigation is built from this list, so there are no dead links. */
export const routes: RouteRecordRaw[] = [
  // The start screen the user chose in Settings (Board unless they chose otherwise).
  { path: '/', redirect: () => useSettingsStore().defaultPath },
  { path: '/board', name: 'board', component: BoardPage, meta: { title: 'Board', icon: 'fa/table-list-regular', live: true } },
  {
    path: '/wallboard',
    name: 'wallboard',
    component: WallboardPage,
    meta: { title: 'Wallboard', icon: 'fa/display-regular', live: true }
  },
  {
    path: '/audit',
    name: 'audit',
    component: AuditPage,
    meta: { title: 'Audit', icon: 'fa/clipboard-list-regular', live: true }
  },
  {
    path: '/diagnostics',
    name: 'diagnostics',
    component: DiagnosticsPage,
    meta: { title: 'Diagnostics', icon: 'fa/circle-info-regular' }
  },
  { path: '/setup', name: 'setup', component: SetupPage, meta: { title: 'Setup', icon: 'fa/gear-regular', signedIn: true } },
  // History loads ECharts, so it is its own chunk, fetched on first visit.
  {
    path: '/history',
    name: 'history',
    component: () => import('./views/HistoryPage.vue'),
    meta: { title: 'History', icon: 'fa/chart-column-regular', live: true }
  },
  {
    path: '/settings',
    name: 'settings',
    component: () => import('./views/SettingsPage.vue'),
    meta: { title: 'Settings', icon: 'fa/sliders-solid' }
  }
]

/** Hash history works the same under app:// (desktop) and /s/<secret>/ (web) without server rewrites. */
export function createAppRouter() {
  return createRouter({ history: createWebHashHistory(), routes })
}
