import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import { CONFIG_PATH, type AppConfig } from './src/config';

/**
 * The applicant app. `npm run build -w web` writes web/dist, which `npm start` serves on :5173 (with its own
 * config.json) and the stack uploads (with the one written at deploy); `npm run dev` serves the sources with hot reload
 * on :5174 (an origin of the dev stage's corsOrigins) against the local API of `npm start` on its default port.
 */
const DEV_CONFIG: AppConfig = { apiUrl: 'http://localhost:3000', auth: { kind: 'local' } };

/** The dev server's /config.json; a build has none (config.json is the server's, never the bundle's). */
const devConfig: Plugin = {
  name: 'practice-cases-dev-config',
  apply: 'serve',
  configureServer(server) {
    server.middlewares.use(CONFIG_PATH, (_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(DEV_CONFIG));
    });
  },
};

export default defineConfig({
  plugins: [preact(), devConfig],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  server: { port: 5174, strictPort: true },
});
