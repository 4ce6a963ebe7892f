import { readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { defineConfig, type Plugin } from 'vitest/config'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import { svelteTesting } from '@testing-library/svelte/vite'

const outDir = resolve(import.meta.dirname, 'dist')

// Wails embeds all:frontend/dist and Go must compile on a clean clone, so dist/.gitkeep is committed.
// Vite's emptyOutDir would delete it; instead we empty dist ourselves, sparing .gitkeep, and make sure
// it exists once the bundle is written.
function keepGitkeep(): Plugin {
  return {
    name: 'wayline-keep-gitkeep',
    apply: 'build',
    buildStart() {
      for (const entry of readdirSync(outDir)) {
        if (entry !== '.gitkeep') rmSync(join(outDir, entry), { recursive: true, force: true })
      }
    },
    closeBundle() {
      writeFileSync(join(outDir, '.gitkeep'), '')
    },
  }
}

export default defineConfig({
  plugins: [svelte(), svelteTesting(), keepGitkeep()],
  build: {
    outDir,
    emptyOutDir: false,
    // The app runs from disk or localhost: no CDN, and every asset (the font too) ships inside dist.
    assetsInlineLimit: 0,
    target: 'es2022',
    // elkjs (about 1.5 MB) is loaded on its own with the first process map; nothing else comes close.
    chunkSizeWarningLimit: 1600,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/test/setup.ts'],
  },
})
