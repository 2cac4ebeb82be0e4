import { describe, expect, it } from 'vitest'
import { countryCodeOf, isE164, maskPhone, maskPhoneNumbersIn, normalizeE164 } from '../../../src-main/core/phone'

describe('normalizeE164', () => {
  it.each([
    ['+1 (317) 555-0123', {}, '+13175550123'],
    ['tel:+44 20 7946 0018', {}, '+442079460018'],
    ['0044 20 7946 0018', {}, '+442079460018'],
    ['020 7946 0018', { defaultCountryCode: '44' }, '+442079460018'],
    ['(317) 555-0123', { defaultCountryCode: '1' }, '+13175550123'],
    ['1 317 555 0123', { defaultCountryCode: '1' }, '+13175550123'],
    ['011 33 1 23 45 67 89', { defaultCountryCode: '1' }, '+33123456789'],
    ['+49.30.1234567', {}, '+49301234567']
  ])('%s → %s', (input, options, expected) => {
    expect(normalizeE164(input, options)).toEqual({ ok: true, e164: expected })
  })

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['+1 317 555 0123 x12', 'invalid-characters'],
    ['3175550123', 'missing-country-code'],
    ['+0 317 555 0123', 'invalid-country-code'],
    ['+1 317 555 012', 'too-short'],
    ['+1 317 555 01234', 'too-long'],
    ['+44 12', 'too-short'],
    ['+44 1234 5678 9012 345', 'too-long'],
    ['+1-800-FLOWERS', 'invalid-characters']
  ])('refuses %j with %s', (input, code) => {
    const result = normalizeE164(input)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.code).toBe(code)
      expect(result.message.length).toBeGreaterThan(10)
    }
  })

  it('a normalised number is E.164 and normalising it again is a no-op', () => {
    const first = normalizeE164('020 7946 0018', { defaultCountryCode: '44' })
    expect(first.ok && isE164(first.e164)).toBe(true)
    if (first.ok) expect(normalizeE164(first.e164)).toEqual(first)
  })
})

describe('countryCodeOf', () => {
  it.each([
    ['+13175550123', '1'],
    ['+79161234567', '7'],
    ['+442079460018', '44'],
    ['+353861234567', '353'],
    ['+5511912345678', '55'],
    ['12345', null]
  ])('%s → %s', (n, cc) => expect(countryCodeOf(n)).toBe(cc))
})

describe('maskPhone', () => {
  it('keeps only the last four digits of a full number behind a fixed-width mask', () => {
    expect(maskPhone('+13175550123')).toBe('•••• 0123')
    expect(maskPhone('+44 20 7946 0018')).toBe('•••• 0018')
    expect(maskPhone('+353861234567')).toBe('•••• 4567')
  })

  it('never shows a short number whole', () => {
    expect(maskPhone('12345')).toBe('•••• 45')
    expect(maskPhone('911')).toBe('••••')
    expect(maskPhone('')).toBe('')
    expect(maskPhone(null)).toBe('')
    expect(maskPhone('no digits')).toBe('')
  })

  it('can keep the country code for international context', () => {
    expect(maskPhone('+442079460018', { keepCountryCode: true })).toBe('+44 •••• 0018')
    expect(maskPhone('02079460018', { keepCountryCode: true })).toBe('•••• 0018')
  })

  it('does not reveal the length of the number', () => {
    expect(maskPhone('+13175550123').length).toBe(maskPhone('+353861234567').length)
  })
})

describe('maskPhoneNumbersIn', () => {
  it('masks phone numbers in free text but leaves names, dates and ids alone', () => {
    const text =
      "Ann O'Neil asked to be called on +1 317 555 0123 after 2025-03-04T10:00:00.000Z (conv 8f14e45f-ceea-467f-a0e6-123456789012)"
    const masked = maskPhoneNumbersIn(text)
    expect(masked).toContain("Ann O'Neil")
    expect(masked).toContain('•••• 0123')
    expect(masked).not.toContain('555')
    expect(masked).toContain('2025-03-04T10:00:00.000Z')
    expect(masked).toContain('8f14e45f-ceea-467f-a0e6-123456789012')
  })

  it('leaves short numbers such as counts and years alone', () => {
    expect(maskPhoneNumbersIn('3 attempts in 2025, 120 s')).toBe('3 attempts in 2025, 120 s')
  })
})
