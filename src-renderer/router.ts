import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import type { GuxIconIconName } from 'genesys-spark-components'
import DiagnosticsPage from './views/DiagnosticsPage.vue'

declare module 'vue-router' {
  interface RouteMeta {
    /** Shown in the navigation; routes without a title are not listed there. */
    title?: string
    icon?: GuxIconIconName
  }
}

/** Routes for the screens that work today; the navigation is built from this list, so there are no dead links. */
export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/diagnostics' },
  { path: '/diagnostics', name: 'diagnostics', component: DiagnosticsPage, meta: { title: 'Diagnostics', icon: 'fa/circle-info-regular' } }
]

/** Hash history works the same under app:// (desktop) and /s/<secret>/ (web) without server rewrites. */
export function createAppRouter() {
  return createRouter({ history: createWebHashHistory(), routes })
}
