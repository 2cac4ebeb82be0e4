/** What the traffic did so far (diagnostics, the CLI's status line and tests). */
export class TrafficCounters {
  arrivals = 0
  /** Inbound callers who reached an agent. */
  answered = 0
  abandoned = 0
  /** Callers who heard a callback offer (wait above the threshold). */
  offered = 0
  /** Of those, callers who pressed 1 and were handed to the workflow. */
  accepted = 0
  failedLaunches = 0
  /** Returned callback calls (transferred by the outbound flow) an agent took. */
  returnedAnswered = 0
  /** Conversations agents finished. */
  completed = 0
  staffingChanges = 0
  /** Callbacks a supervisor cancelled. */
  staffCancels = 0

  /** A plain copy (for logs and comparisons). */
  snapshot(): Record<string, number> {
    return Object.fromEntries(Object.entries(this)) as Record<string, number>
  }
}
