// @ts-check
import eslint from '@eslint/js'
import prettier from 'eslint-config-prettier'
import vue from 'eslint-plugin-vue'
import tseslint from 'typescript-eslint'

const nodeBuiltins = [
  'fs',
  'path',
  'os',
  'http',
  'https',
  'net',
  'tls',
  'crypto',
  'child_process',
  'stream',
  'url',
  'util',
  'worker_threads',
  'dgram',
  'dns'
]
const nodeModules = [...nodeBuiltins, ...nodeBuiltins.map((m) => `${m}/*`), 'node:*']

/**
 * The layering of DESIGN §2 / STYLE §1, enforced rather than hoped for:
 * renderer → only types from src-main/contract; core → nothing with I/O; sim ↔ console kept apart.
 */
export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test/bench/results/**', '.notes/**'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'], sourceType: 'module' } }
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports (STYLE §7).' }],
      'no-undef': 'off', // TypeScript checks names; the rule misfires on DOM and Node globals
      'vue/multi-word-component-names': 'off',
      'vue/no-deprecated-slot-attribute': 'off'
    }
  },
  {
    files: ['src-renderer/**/*.{ts,vue}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer never touches Electron; use src-renderer/api.ts.' },
            { name: 'ws', message: 'The renderer talks to main only through the contract.' },
            { name: 'purecloud-platform-client-v2', message: 'SDK calls live in main (DESIGN §2).' }
          ],
          patterns: [
            { group: nodeModules, message: 'No Node modules in the renderer.' },
            {
              group: ['**/src-main/**', '!**/src-main/contract', '!**/src-main/contract/**'],
              message: 'The renderer may import only src-main/contract.'
            },
            {
              group: ['**/src-main/contract', '**/src-main/contract/**'],
              allowTypeImports: true,
              message: 'Import only types from the contract (import type).'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['src-main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'ws', 'purecloud-platform-client-v2'].map((name) => ({
            name,
            message: 'core/ is pure: no Electron, network or SDK.'
          })),
          patterns: [
            { group: nodeModules, message: 'core/ is pure: no Node I/O modules.' },
            {
              group: ['**/sim/**', '**/genesys/**', '**/host/**', '**/shell/**', '**/contract/**'],
              message: 'core/ imports nothing above it.'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['src-main/sim/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The demo org runs in plain Node.' }],
          patterns: [
            {
              group: ['**/genesys/**', '**/host/**', '**/shell/**', '**/contract/**'],
              message: 'The demo org never imports the console (only core/).'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['src-main/genesys/**/*.ts', 'src-main/host/**/*.ts', 'src-main/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Only the Electron shell (src-main/index.ts, preload.ts, shell/electron-*) imports electron.'
            }
          ],
          patterns: [
            { group: ['**/sim/**', '!**/sim/server'], message: 'The console imports the demo org only to start it (sim/server).' }
          ]
        }
      ]
    }
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/shell/electron-ipc.ts', 'src-main/preload.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'ipcMain', message: 'Use registerIpc (shell/electron-ipc.ts), which checks senders and validates payloads.' },
        { object: 'ipcRenderer', message: 'Only preload.ts talks to ipcRenderer.' }
      ]
    }
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/shell/external-links.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'shell', property: 'openExternal', message: 'Use openExternalSafely (allow-list checked).' }
      ]
    }
  },
  {
    files: ['test/**/*.ts', '**/*.config.ts', 'eslint.config.js', '**/*.d.ts'],
    rules: {
      'no-restricted-syntax': 'off',
      '@typescript-eslint/no-restricted-imports': 'off',
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-empty-object-type': 'off'
    }
  },
  {
    files: ['**/*.vue', 'electron.vite.config.ts', 'vitest.config.ts'],
    rules: { 'no-restricted-syntax': 'off' }
  },
  prettier
)
