import { cpSync, existsSync } from 'node:fs'
import { resolve } from 'node:path'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import { CONTENT_SECURITY_POLICY } from './src-main/shell/csp'

const root = import.meta.dirname

/**
 * Spark's icons and translations are fetched at run time from `resourcesUrl`; copying them next to the built
 * renderer keeps the app fully offline (reference/spark.md §2). The CSP meta tag comes from the same constant
 * the web server and the app:// protocol send, so the three never drift apart.
 */
function sparkAssetsAndCsp(): Plugin {
  const sparkDist = resolve(root, 'node_modules/genesys-spark-components/dist/genesys-webcomponents')
  return {
    name: 'callback-console:spark-assets-and-csp',
    transformIndexHtml: (html) =>
      html.replace('<!--CSP-->', `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`),
    closeBundle() {
      const target = resolve(root, 'out/renderer/spark-assets')
      for (const folder of ['icons', 'i18n']) {
        const from = resolve(sparkDist, folder)
        if (existsSync(from)) cpSync(from, resolve(target, folder), { recursive: true })
      }
    }
  }
}

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(root, 'src-main/index.ts'),
          web: resolve(root, 'src-main/web.ts'),
          launch: resolve(root, 'src-main/launch.ts'),
          sim: resolve(root, 'src-main/sim/cli.ts'),
          'provision-cli': resolve(root, 'src-main/provision-cli.ts')
        }
      }
    }
  },
  preload: {
    build: {
      lib: { entry: resolve(root, 'src-main/preload.ts') },
      rollupOptions: { output: { format: 'cjs' } }
    }
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    base: './',
    build: {
      chunkSizeWarningLimit: 1500,
      rollupOptions: {
        input: resolve(root, 'src-renderer/index.html'),
        // Spark's lazy phone-input chunk embeds libphonenumber's Closure code with a direct eval; we never load it.
        onwarn(warning, warn) {
          if (warning.code === 'EVAL' && warning.id?.includes('genesys-spark-components')) return
          warn(warning)
        }
      }
    },
    plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('gux-') } } }), sparkAssetsAndCsp()]
  }
})
