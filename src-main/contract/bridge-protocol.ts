import { z } from 'zod'

/** Frames on the web-mode bridge WebSocket. Client → server frames are validated; server frames are ours. */
export const bridgeRequestSchema = z.object({
  type: z.literal('invoke'),
  id: z.number().int().nonnegative(),
  command: z.string().max(100),
  input: z.unknown().optional()
})

export type BridgeRequest = z.infer<typeof bridgeRequestSchema>

export type BridgeServerFrame =
  | { readonly type: 'result'; readonly id: number; readonly result: unknown }
  | { readonly type: 'event'; readonly event: string; readonly payload: unknown }

/** The bridge path below the secret prefix: `/s/<secret>/bridge`. */
export const BRIDGE_PATH = 'bridge'
