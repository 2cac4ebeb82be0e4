import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { Component } from 'vue'
import type { BoardRow } from '../../../src-main/contract/live-views'
import { setApiForTesting } from '../../../src-renderer/api'
import { useBoardStore } from '../../../src-renderer/stores/board'
import { useProfileStore } from '../../../src-renderer/stores/profile'
import { FakeApi } from '../../helpers/fake-api'
import { snapshot, stubLayout } from './fixtures'

export const PROFILE = { holdingQueueId: 'hq-1', targetQueueIds: ['tq-1'], campaignId: 'camp-1', contactListId: 'cl-1' }

/** A mounted live page over a FakeApi whose board holds `rows`; `cleanup` unmounts and restores layout. */
export interface MountedBoard {
  readonly api: FakeApi
  readonly wrapper: VueWrapper
  cleanup(): void
}

/** Mounts a board-fed page (Board, Wallboard) with a fresh pinia, a profile and a loaded snapshot. */
export async function mountWithBoard(page: Component, rows: readonly BoardRow[], api = new FakeApi()): Promise<MountedBoard> {
  const pinia = createPinia()
  setActivePinia(pinia)
  setApiForTesting(api)
  const undoLayout = stubLayout()
  {
    api.reply('board:snapshot', () => ({ ok: true, value: snapshot(rows) }))
    api.reply('profile:candidates', () => ({
      ok: true,
      value: {
        queues: [
          { id: 'hq-1', name: 'Callbacks holding' },
          { id: 'hq-2', name: 'VIP holding' },
          { id: 'tq-1', name: 'Support' }
        ],
        campaigns: [{ id: 'camp-1', name: 'Callback dialer' }],
        contactLists: [{ id: 'cl-1', name: 'Callback contacts' }],
        suggested: PROFILE
      }
    }))
  }
  useProfileStore().profile = PROFILE
  useBoardStore().start()
  await flushPromises()
  const wrapper = mount(page, { global: { plugins: [pinia] }, attachTo: document.body })
  await flushPromises()
  return {
    api,
    wrapper,
    cleanup() {
      wrapper.unmount()
      undoLayout()
      setApiForTesting(null)
    }
  }
}
