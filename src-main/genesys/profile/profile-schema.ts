/**
 * The deployment profile — which holding queue, target queue(s), campaign and contact list a console watches —
 * as it is validated at every boundary: from the renderer, from guided setup, and from the JSON file on disk
 * (which a person may have edited).
 */
import { z } from 'zod'
import type { DeploymentProfileView } from '../../contract/live-views'

const entityId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'not a valid id')

/** A profile's content. */
export const deploymentProfileSchema = z
  .object({
    holdingQueueId: entityId,
    targetQueueIds: z.array(entityId).min(1, 'choose at least one target queue').max(10),
    campaignId: entityId,
    contactListId: entityId
  })
  .refine((p) => !p.targetQueueIds.includes(p.holdingQueueId), {
    message: 'the holding queue cannot also be a target queue',
    path: ['targetQueueIds']
  })

/** The file on disk: the profile plus where and when it was saved. */
export const profileFileSchema = z.object({
  version: z.literal(1),
  orgId: z.string().min(1),
  savedAt: z.string(),
  profile: deploymentProfileSchema
})

/** A validated profile. */
export type DeploymentProfile = DeploymentProfileView

/** What the profile file holds. */
export type ProfileFile = z.infer<typeof profileFileSchema>
