/** How route modules and the seed reach an org slot: its absence is a wiring bug, not an API error. */
export function requireDomain<T>(slot: T | undefined, name: string): T {
  if (slot === undefined) throw new Error(`[DemoOrg] the ${name} domain is not installed (call installDomains first)`)
  return slot
}
