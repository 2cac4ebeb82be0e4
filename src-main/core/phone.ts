/**
 * Phone numbers: E.164 validation and normalisation (the blueprint sent numbers as JSON numbers and lost the
 * `+`; we always carry `+<country><number>` strings) and masking, so the UI, logs and audit records show only the
 * last digits. Names are never masked: they are not numbers and leads need them to recognise a caller.
 */

/** What a masked number starts with; shared so the UI and tests agree on the look. */
export const PHONE_MASK = '••••'

/** Why a number was refused, so a form can say it in plain words. */
export type PhoneErrorCode =
  'empty' | 'invalid-characters' | 'missing-country-code' | 'invalid-country-code' | 'too-short' | 'too-long'

/** Result of normalising a typed or imported number: an E.164 string or a coded refusal. */
export type PhoneResult =
  { readonly ok: true; readonly e164: string } | { readonly ok: false; readonly code: PhoneErrorCode; readonly message: string }

/** Options for numbers typed without `+`: the country calling code to assume (digits only, e.g. `'44'`). */
export interface NormalizeOptions {
  readonly defaultCountryCode?: string
}

const E164 = /^\+[1-9]\d{6,14}$/
const ALLOWED = /^\+?[\d\s().\-/\u00a0]+$/
const ONE_DIGIT_CODES = new Set(['1', '7'])
// ITU-T E.164 two-digit country codes; every other code (not starting with 1 or 7) has three digits.
const TWO_DIGIT_CODES = new Set(
  '20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98'.split(
    ' '
  )
)

/** True for a canonical E.164 string (`+` then 7–15 digits, no leading zero), the only form we store. */
export function isE164(value: string): boolean {
  return E164.test(value)
}

/** Country calling code of an E.164 number (`'+442079460018'` → `'44'`), or null when it is not E.164. */
export function countryCodeOf(e164: string): string | null {
  if (!isE164(e164)) return null
  const digits = e164.slice(1)
  if (ONE_DIGIT_CODES.has(digits[0]!)) return digits[0]!
  const two = digits.slice(0, 2)
  return TWO_DIGIT_CODES.has(two) ? two : digits.slice(0, 3)
}

function fail(code: PhoneErrorCode, message: string): PhoneResult {
  return { ok: false, code, message }
}

/**
 * Turns what a person typed or a CSV held into E.164: strips `tel:`, spaces, dots, dashes and brackets; reads
 * `00` (and `011` for NANP) as the international prefix; national numbers need `defaultCountryCode` and lose
 * their trunk `0` (or the NANP leading `1`).
 */
export function normalizeE164(input: string, options: NormalizeOptions = {}): PhoneResult {
  const trimmed = input.trim().replace(/^tel:/i, '')
  if (trimmed === '') return fail('empty', 'Enter a phone number.')
  if (!ALLOWED.test(trimmed))
    return fail('invalid-characters', 'A phone number may only contain digits, spaces, dashes, dots, brackets and a leading +.')
  const digitsOnly = trimmed.replace(/\D/g, '')
  if (digitsOnly === '') return fail('empty', 'Enter a phone number.')
  const cc = options.defaultCountryCode?.replace(/\D/g, '')
  let full: string
  if (trimmed.startsWith('+')) full = digitsOnly
  else if (digitsOnly.startsWith('00')) full = digitsOnly.slice(2)
  else if (cc === '1' && digitsOnly.startsWith('011')) full = digitsOnly.slice(3)
  else if (cc) {
    let national = digitsOnly
    if (cc === '1' && national.length === 11 && national.startsWith('1')) national = national.slice(1)
    else if (cc !== '1' && national.startsWith('0')) national = national.slice(1)
    full = cc + national
  } else {
    return fail('missing-country-code', 'Start the number with + and the country code, e.g. +44 20 7946 0018.')
  }
  if (full.startsWith('0')) return fail('invalid-country-code', 'Country codes never start with 0.')
  if (full.startsWith('1') && full.length !== 11) {
    return fail(full.length < 11 ? 'too-short' : 'too-long', 'North American numbers have 10 digits after +1.')
  }
  if (full.length < 7) return fail('too-short', 'This number is too short to be a full international number.')
  if (full.length > 15) return fail('too-long', 'International numbers have at most 15 digits.')
  return { ok: true, e164: `+${full}` }
}

/** Options for masking: whether to keep the country code visible (`+44 •••• 0018`). */
export interface MaskOptions {
  readonly keepCountryCode?: boolean
}

/**
 * Masks a number down to its last digits for display, logs and audit: 7+ digits keep the last 4, 5–6 digits
 * the last 2, shorter ones nothing (so a short number is never shown whole). The mask has a fixed width so it
 * does not leak the length. Empty input gives `''`.
 */
export function maskPhone(raw: string | null | undefined, options: MaskOptions = {}): string {
  if (!raw) return ''
  const digits = raw.replace(/\D/g, '')
  if (digits === '') return ''
  const keep = digits.length >= 7 ? 4 : digits.length >= 5 ? 2 : 0
  const tail = keep === 0 ? '' : ` ${digits.slice(-keep)}`
  const cc = options.keepCountryCode && raw.trim().startsWith('+') ? countryCodeOf(`+${digits}`) : null
  return `${cc ? `+${cc} ` : ''}${PHONE_MASK}${tail}`
}

// A run of 7–15 digits with common separators, not glued to letters or dashes (so ids and hashes survive).
const PHONE_IN_TEXT = /(?<![\w-])\+?\d[\d ().-]{5,}\d(?![\w-])/g
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/

/** Masks anything phone-like inside free text (log lines, error messages), leaving dates and ids alone. */
export function maskPhoneNumbersIn(text: string): string {
  return text.replace(PHONE_IN_TEXT, (match) => {
    const count = match.replace(/\D/g, '').length
    if (count < 7 || count > 15 || ISO_DATE.test(match)) return match
    return maskPhone(match)
  })
}
