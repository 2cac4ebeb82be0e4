/**
 * Parsing and writing the string values of participant attributes. Attributes are written by flows, other
 * consoles and people, so every reader is forgiving: unreadable values become null, never an exception.
 */
import { maskPhoneNumbersIn } from './phone'

/** An ISO-8601 timestamp attribute as epoch ms, or null when absent or unreadable. */
export function maybeMs(value: string | undefined): number | null {
  if (value === undefined || value === '') return null
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? null : ms
}

/** A non-negative integer attribute, or null when absent or unreadable. */
export function maybeInt(value: string | undefined): number | null {
  if (value === undefined || !/^\s*\d{1,12}\s*$/.test(value)) return null
  return Number.parseInt(value, 10)
}

/** A text attribute with empty meaning "not set". */
export function maybeText(value: string | undefined): string | null {
  return value === undefined || value === '' ? null : value
}

/** Epoch ms as the ISO-8601 UTC string written to attributes and to the wire. */
export function isoOf(ms: number): string {
  return new Date(ms).toISOString()
}

/** Longest free-text value we write to an attribute (reasons, names). */
export const MAX_ATTRIBUTE_TEXT = 500

/**
 * Cleans free text a person typed before it is stored where other consoles and reports see it: no control
 * characters, collapsed whitespace, bounded length, and phone-like digit runs masked.
 */
export function cleanAttributeText(text: string, max = MAX_ATTRIBUTE_TEXT): string {
  let spaced = ''
  for (const ch of text) {
    const code = ch.charCodeAt(0)
    spaced += code < 0x20 || code === 0x7f ? ' ' : ch
  }
  const flat = spaced.replace(/\s+/g, ' ').trim()
  const masked = maskPhoneNumbersIn(flat)
  return masked.length > max ? `${masked.slice(0, max - 1)}…` : masked
}

/** Longest display name of an actor we write (`cc.actedBy` and friends, audit records). */
export const MAX_ACTOR_NAME = 200

/** An actor's display name cleaned for attributes and the audit log. */
export function cleanActorName(name: string): string {
  return cleanAttributeText(name, MAX_ACTOR_NAME)
}
