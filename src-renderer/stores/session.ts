import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { CommandInput } from '../../src-main/contract/commands'
import type { RegionView, SessionView } from '../../src-main/contract/live-views'
import type { Result } from '../../src-main/contract/result'
import { onApiReconnect, useApi } from '../api'

/** Non-secret parts of the last Genesys sign-in, kept so "sign in again" needs no retyping. */
export interface LastSignIn {
  readonly regionId: string
  readonly clientId: string
  readonly method: 'pkce' | 'client-credentials'
}

const LAST_SIGN_IN_KEY = 'cc.lastSignIn'

function readLastSignIn(): LastSignIn | null {
  try {
    const raw = JSON.parse(localStorage.getItem(LAST_SIGN_IN_KEY) ?? 'null') as Partial<LastSignIn> | null
    if (
      raw &&
      typeof raw.regionId === 'string' &&
      typeof raw.clientId === 'string' &&
      (raw.method === 'pkce' || raw.method === 'client-credentials')
    ) {
      return { regionId: raw.regionId, clientId: raw.clientId, method: raw.method }
    }
  } catch {
    // A damaged entry only costs the user retyping a client id.
  }
  return null
}

/**
 * Mirror of main's session view (never a token), the region list, and the sign-in commands with their busy
 * and error states. Keeps whether this window has been connected, so a re-authentication (`signing-in` after
 * `expiring`) keeps the board on screen instead of flipping back to the connect screen.
 */
export const useSessionStore = defineStore('session', () => {
  const view = shallowRef<SessionView | null>(null)
  const regions = shallowRef<readonly RegionView[]>([])
  const busy = ref(false)
  const error = ref<string | null>(null)
  const wasConnected = ref(false)
  const lastSignIn = ref<LastSignIn | null>(readLastSignIn())
  let unsubscribe: (() => void) | null = null

  const state = computed(() => view.value?.state ?? null)
  /** Show the console (not the connect screen): signed in, about to expire, expired, or re-authenticating. */
  const connected = computed(() => {
    const s = state.value
    return s === 'signed-in' || s === 'expiring' || s === 'expired' || (s === 'signing-in' && wasConnected.value)
  })

  function setView(next: SessionView): void {
    view.value = next
    if (next.state === 'signed-in') wasConnected.value = true
    if (next.state === 'signed-out') wasConnected.value = false
  }

  /** Reads the session and follows `session:changed`; idempotent. */
  async function load(): Promise<void> {
    if (!unsubscribe) {
      const offChanged = useApi().on('session:changed', setView)
      const offReconnect = onApiReconnect(() => void load())
      unsubscribe = () => {
        offChanged()
        offReconnect()
      }
    }
    const result = await useApi().invoke('session:get', undefined)
    if (result.ok) {
      setView(result.value)
      error.value = null
    } else {
      error.value = result.error.message
    }
  }

  async function loadRegions(): Promise<void> {
    if (regions.value.length > 0) return
    const result = await useApi().invoke('session:regions', undefined)
    if (result.ok) regions.value = result.value
    else error.value = result.error.message
  }

  async function run(call: () => Promise<Result<SessionView>>): Promise<boolean> {
    busy.value = true
    error.value = null
    const result = await call()
    busy.value = false
    if (!result.ok) {
      error.value = result.error.code === 'cancelled' ? null : result.error.message
      return false
    }
    setView(result.value)
    return true
  }

  /** One click: the embedded demo org. */
  function connectDemo(): Promise<boolean> {
    return run(() => useApi().invoke('session:connect-demo', undefined))
  }

  /** Genesys Cloud sign-in (browser PKCE or client credentials); remembers region and client id, never the secret. */
  async function signIn(input: CommandInput<'session:sign-in'>): Promise<boolean> {
    const done = await run(() => useApi().invoke('session:sign-in', input))
    if (done) {
      lastSignIn.value = { regionId: input.regionId, clientId: input.clientId, method: input.method }
      localStorage.setItem(LAST_SIGN_IN_KEY, JSON.stringify(lastSignIn.value))
    }
    return done
  }

  /**
   * Renews an expiring session in place. Demo and browser sign-ins can do it directly; returns false when
   * the user has to fill in the form (a client secret main does not keep).
   */
  async function reauthenticate(): Promise<boolean | 'needs-form'> {
    const current = view.value
    if (current?.target === 'demo') return connectDemo()
    const last = lastSignIn.value
    if (current?.method === 'pkce' && last) return signIn({ method: 'pkce', regionId: last.regionId, clientId: last.clientId })
    return 'needs-form'
  }

  /** Gives up a browser sign-in still waiting for its redirect; the pending sign-in then ends quietly. */
  async function cancelSignIn(): Promise<void> {
    await useApi().invoke('session:cancel-sign-in', undefined)
  }

  async function signOut(): Promise<boolean> {
    const done = await run(() => useApi().invoke('session:sign-out', undefined))
    if (done) wasConnected.value = false
    return done
  }

  return {
    view,
    regions,
    busy,
    error,
    state,
    connected,
    lastSignIn,
    load,
    loadRegions,
    connectDemo,
    signIn,
    reauthenticate,
    signOut,
    cancelSignIn
  }
})
