/**
 * Loads the flow YAML and data-action JSON templates from `resources/`. The folder is found by walking up from
 * this file, so the same code works from the sources (tests, `tsx`) and from the bundle in `out/main/`.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { SetupTemplates } from '../../core/setup/desired-state'
import { FLOW_ROLES, type FlowRole } from '../../core/setup/setup-model'
import { FLOW_FILES, SOLUTION_ACTIONS } from '../../core/setup/solution-catalog'

/** Finds the project's `resources/` folder (the one holding `flows/` and `data-actions/`). */
export function findResourcesDir(start: string = import.meta.dirname): string {
  let dir = resolve(start)
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'resources')
    if (existsSync(join(candidate, 'flows')) && existsSync(join(candidate, 'data-actions'))) return candidate
    const parent = dirname(dir)
    if (parent === dir) break
    dir = parent
  }
  throw new Error(`[Provisioning] cannot find resources/flows and resources/data-actions above ${start}`)
}

/** Reads every template setup deploys. Throws when one is missing (a packaging bug, not a user error). */
export function loadSetupTemplates(resourcesDir: string = findResourcesDir()): SetupTemplates {
  const flows = {} as Record<FlowRole, string>
  for (const role of FLOW_ROLES) flows[role] = readFileSync(join(resourcesDir, 'flows', FLOW_FILES[role]), 'utf8')
  const actions: Record<string, string> = {}
  for (const action of SOLUTION_ACTIONS)
    actions[action.file] = readFileSync(join(resourcesDir, 'data-actions', action.file), 'utf8')
  return { flows, actions }
}

/** The contact-list CSV template (UTF-8 with BOM, CRLF), for people who fill a list by hand. */
export function loadContactListTemplate(resourcesDir: string = findResourcesDir()): string {
  return readFileSync(join(resourcesDir, 'contact-list-template.csv'), 'utf8')
}
