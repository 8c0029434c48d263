import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompileIcu } from './vite-precompile-icu.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react(), precompileIcu()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // The server's CSP forbids inline scripts; keep every asset a separate file.
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app; a separate chunk stays cached across deploys.
        codeSplitting: {
          groups: [
            // The charts (the garden, the opportunity report) and everything recharts brings: only those pages load them.
            {
              name: 'charts',
              test: /node_modules[\\/](@mantine[\\/]charts|recharts|d3-[^\\/]+|victory-vendor|@reduxjs|redux|redux-thunk|react-redux|reselect|immer|decimal\.js-light|es-toolkit|eventemitter3|internmap|tiny-invariant)[\\/]/,
            },
            { name: 'mantine', test: /node_modules[\\/]@(mantine|tabler|floating-ui)/ },
            // The ego map's WebGL renderer and layout: only /garden/map loads them (egoMapRenderer.ts is imported on demand).
            { name: 'graph-drawing', test: /node_modules[\\/](sigma|graphology[^\\/]*|events)[\\/]/ },
            { name: 'vendor', test: /node_modules/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
