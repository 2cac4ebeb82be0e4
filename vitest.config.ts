import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

/** Three projects that mirror the layers: node (main side), DOM (renderer), and real-browser e2e. */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'main',
          environment: 'node',
          include: ['test/main/**/*.test.ts'],
          testTimeout: 20_000
        }
      },
      {
        plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('gux-') } } })],
        test: { name: 'renderer', environment: 'happy-dom', include: ['test/renderer/**/*.test.ts'] }
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false
        }
      }
    ]
  }
})
