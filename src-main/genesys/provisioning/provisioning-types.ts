/**
 * What the provisioning engine reports: progress events while it works (the wizard's step list and the CLI's
 * lines come from these), and the results of preflight, apply, verify and teardown — always values. The shapes
 * are the contract's (contract/setup-views.ts), so the wizard gets exactly what the engine reports.
 */
import type { ProgressEvent } from '../../contract/setup-views'

export type {
  AppliedStep,
  ApplyResult,
  EngineFailure,
  LimitCheck,
  PermissionReport,
  PreflightReport,
  ProgressEvent,
  TeardownResult,
  VerifyCheck,
  VerifyResult
} from '../../contract/setup-views'

/** Receives progress events as they happen. */
export type ProgressListener = (event: ProgressEvent) => void
