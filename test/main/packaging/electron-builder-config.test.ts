/**
 * The packaging configuration, checked without building (that needs Electron binaries from the internet):
 * electron-builder's own loader and schema validation (app-builder-lib's `getConfig` + `validateConfiguration`
 * against its `scheme.json`, exactly what `electron-builder` runs first), then what the schema cannot know:
 * the four targets, the icon files, and that no package main needs at run time is left out of the app.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const root = join(import.meta.dirname, '../../..')
const require = createRequire(import.meta.url)

interface BuilderConfig {
  appId?: string
  directories?: { output?: string; buildResources?: string }
  files?: { filter?: string[] }[]
  linux?: { target?: string[]; icon?: string; maintainer?: string; executableName?: string }
  mac?: { target?: string[]; icon?: string }
  win?: { target?: string[]; icon?: string }
  [key: string]: unknown
}

const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, fromOptions: unknown): Promise<BuilderConfig>
  validateConfiguration(config: BuilderConfig, logger: unknown): Promise<void>
}
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown }

const validate = (config: BuilderConfig) => validateConfiguration(config, new DebugLogger(false))

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : []
  })
}

/** Packages main imports at run time (type-only imports are erased by the build). */
function runtimeImports(): Map<string, string> {
  const found = new Map<string, string>()
  for (const file of sourceFiles(join(root, 'src-main'))) {
    const text = readFileSync(file, 'utf8')
    for (const m of text.matchAll(/^import\s+(type\s+)?[^'"]*?from\s+'([^'.][^']*)'/gm)) {
      if (m[1] || m[2]!.startsWith('node:')) continue
      const name = m[2]!.startsWith('@') ? m[2]!.split('/').slice(0, 2).join('/') : m[2]!.split('/')[0]!
      found.set(name, relative(root, file))
    }
  }
  return found
}

describe('electron-builder configuration', () => {
  it("passes electron-builder's own schema validation", async () => {
    const config = await getConfig(root, null, null)
    await expect(validate(config)).resolves.toBeUndefined()
    // The validator is live: the same config with a misspelt option is refused.
    await expect(validate({ ...config, nsis: { oneClik: true } } as BuilderConfig)).rejects.toThrow(/configuration\.nsis/)
    await expect(validate({ ...config, linux: { ...config.linux, targets: ['AppImage'] } } as BuilderConfig)).rejects.toThrow(
      /configuration\.linux/
    )
  })

  it('builds AppImage and deb for Linux, dmg for macOS and NSIS for Windows, with the app icon', async () => {
    const config = await getConfig(root, null, null)
    expect(config.linux?.target).toEqual(expect.arrayContaining(['AppImage', 'deb']))
    expect(config.mac?.target).toEqual(['dmg'])
    expect(config.win?.target).toEqual(['nsis'])
    for (const platform of [config.linux, config.mac, config.win]) expect(platform?.icon).toBe('resources/icon.png')
    expect(config.directories).toEqual({ output: 'dist', buildResources: 'resources' })
    expect(config.appId).toMatch(/^[a-z0-9]+(\.[a-z0-9-]+){2,}$/)
    expect(config.linux?.maintainer).toMatch(/<[^@\s]+@[^>\s]+>$/)
    expect(config.linux?.executableName).toBe('callback-console')
  })

  it('ships a 512×512 RGBA PNG icon and its SVG source', () => {
    const png = readFileSync(join(root, 'resources/icon.png'))
    expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true)
    expect([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]]).toEqual([512, 512, 8, 6])
    const svg = readFileSync(join(root, 'resources/icon.svg'), 'utf8')
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="512" height="512" viewBox="0 0 512 512">/)
    expect(svg).not.toMatch(/<script|href=/i)
  })

  it('packs the built app and resources, and leaves out only packages main never loads', () => {
    const raw = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as { files: string[] }
    expect(raw.files).toEqual(expect.arrayContaining(['package.json', 'out/**/*', 'resources/**/*']))
    const excluded = raw.files
      .filter((f) => f.startsWith('!node_modules/'))
      .map((f) => f.slice('!node_modules/'.length).replace(/\/\*\*$/, ''))
    const imports = runtimeImports()
    expect([...imports.keys()]).toEqual(expect.arrayContaining(['zod', 'ws', 'purecloud-platform-client-v2']))
    for (const pkg of excluded) {
      const users = [...imports].filter(([name]) => name === pkg || name.startsWith(`${pkg}/`))
      expect(users, `${pkg} is excluded but main imports it`).toEqual([])
    }
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      main: string
      dependencies: Record<string, string>
    }
    expect(pkg.main).toBe('out/main/index.js')
    for (const name of imports.keys())
      if (name !== 'electron') expect(Object.keys(pkg.dependencies), `${name} must be a dependency`).toContain(name)
  })
})
