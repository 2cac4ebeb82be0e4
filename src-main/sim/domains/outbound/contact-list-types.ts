/** Stored shapes of the outbound contact-list domain (public JSON follows the SDK's `ContactList` / `DialerContact`). */

export interface PhoneColumnRecord {
  readonly columnName: string
  readonly type: string
  readonly callableTimeColumn?: string
}

/** A stored contact list. */
export interface ContactListRecord {
  readonly id: string
  name: string
  version: number
  readonly dateCreated: string
  dateModified: string
  columnNames: string[]
  phoneColumns: PhoneColumnRecord[]
  /** Other writable fields we keep verbatim (emailColumns, division, attemptLimits, trimWhitespace…). */
  extras: Record<string, unknown>
}

/** The last attempt on one phone column (`DialerContact.callRecords`). */
export interface CallRecordEntry {
  lastAttempt: string
  lastResult: string
}

/** A stored contact with its dial-queue bookkeeping. */
export interface ContactRecord {
  readonly id: string
  readonly contactListId: string
  data: Record<string, string>
  callable: boolean
  phoneNumberStatus: Record<string, { callable: boolean }>
  callRecords: Record<string, CallRecordEntry>
  readonly dateCreated: string
  /** Waiting in the dial queue (set on add unless `doNotQueue`, cleared when dialled). */
  queued: boolean
  /** Identifies the contact's current place in the dial queue; re-queueing issues a new ticket. */
  ticket: number
  /** Number of dial attempts the dialer made for this contact. */
  attempts: number
}

/** Query options of `POST …/contacts` (OutboundApi.postOutboundContactlistContacts). */
export interface AddContactsOptions {
  readonly priority: boolean
  readonly clearSystemData: boolean
  readonly doNotQueue: boolean
}
