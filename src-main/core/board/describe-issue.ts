/** One-line description of a validation failure, for the board's "last malformed input" counter and logs. */
import type { z } from 'zod'

/** First validation issue as `path: message` (no values, so no phone number can leak into a log). */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0]
  return issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid'
}
