import type { ConsoleApi } from '../src-main/contract/api'
import { createBridgeApi } from './bridge-client'

declare global {
  interface Window {
    /** Present in the desktop app (preload); absent in web mode, where the bridge is used instead. */
    callbackConsole?: ConsoleApi
  }
}

let instance: ConsoleApi | null = null

/** The one client the renderer uses; it does not know (or care) which shell it runs in. */
export function useApi(): ConsoleApi {
  instance ??= window.callbackConsole ?? createBridgeApi(window.location.href)
  return instance
}

/**
 * Runs `listener` whenever the transport came back after a drop (web mode's bridge; Electron IPC never
 * drops). Events pushed during the gap are lost, so stores re-read what they mirror.
 */
export function onApiReconnect(listener: () => void): () => void {
  const api = useApi() as ConsoleApi & { onReconnect?: (listener: () => void) => () => void }
  return typeof api.onReconnect === 'function' ? api.onReconnect(listener) : () => undefined
}

/** Lets tests hand the stores a fake ConsoleApi. */
export function setApiForTesting(api: ConsoleApi | null): void {
  instance = api
}
