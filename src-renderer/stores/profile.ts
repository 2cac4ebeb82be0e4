import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { DeploymentProfileView, ProfileCandidatesView } from '../../src-main/contract/live-views'
import { useApi } from '../api'

/**
 * The deployment profile (which holding queue, target queues, campaign and contact list this console watches)
 * and the org's candidates to choose from. `loaded` distinguishes "no profile yet" from "not asked yet".
 */
export const useProfileStore = defineStore('profile', () => {
  const profile = shallowRef<DeploymentProfileView | null>(null)
  const candidates = shallowRef<ProfileCandidatesView | null>(null)
  const loaded = ref(false)
  const saving = ref(false)
  const error = ref<string | null>(null)
  /** The user asked to change the profile from the board. */
  const editing = ref(false)

  /** Name of a queue, campaign or contact list from the candidates, else its id. */
  const nameOf = computed(() => {
    const names = new Map<string, string>()
    const c = candidates.value
    for (const e of [...(c?.queues ?? []), ...(c?.campaigns ?? []), ...(c?.contactLists ?? [])]) names.set(e.id, e.name)
    return (id: string | null | undefined): string => (id ? (names.get(id) ?? id) : '—')
  })

  async function load(): Promise<void> {
    const result = await useApi().invoke('profile:get', undefined)
    if (result.ok) {
      profile.value = result.value
      error.value = null
    } else {
      error.value = result.error.message
    }
    loaded.value = true
  }

  /** Lists the org's queues, campaigns and contact lists (one call; kept for the session). */
  async function loadCandidates(force = false): Promise<void> {
    if (candidates.value && !force) return
    const result = await useApi().invoke('profile:candidates', undefined)
    if (result.ok) candidates.value = result.value
    else error.value = result.error.message
  }

  async function save(next: DeploymentProfileView): Promise<boolean> {
    saving.value = true
    error.value = null
    const result = await useApi().invoke('profile:save', {
      holdingQueueId: next.holdingQueueId,
      targetQueueIds: [...next.targetQueueIds],
      campaignId: next.campaignId,
      contactListId: next.contactListId
    })
    saving.value = false
    if (!result.ok) {
      error.value = result.error.message
      return false
    }
    profile.value = result.value
    editing.value = false
    return true
  }

  /** Forgets everything (sign-out): the next org may be a different one. */
  function reset(): void {
    profile.value = null
    candidates.value = null
    loaded.value = false
    editing.value = false
    error.value = null
  }

  return { profile, candidates, loaded, saving, error, editing, nameOf, load, loadCandidates, save, reset }
})
