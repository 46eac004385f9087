/**
 * Start-up: the runtime configuration (/config.json), the session this tab kept, then the app. A configuration that
 * cannot be read is said plainly: nothing else can work without it.
 */
import { render } from 'preact';
import { App } from './app';
import { CONFIG_PATH, parseConfig, type AppConfig } from './config';
import { applyLocale, initialLocale, translator } from './i18n/i18n';
import { restoreLocal } from './session/local';
import type { Session } from './session/session';
import './styles.css';

async function restore(config: AppConfig): Promise<Session | undefined> {
  if (config.auth.kind === 'local') return restoreLocal();
  const { restoreCognito } = await import('./session/cognito');
  return restoreCognito(config.auth);
}

async function start(root: HTMLElement): Promise<void> {
  const locale = initialLocale();
  applyLocale(locale);
  try {
    const response = await fetch(CONFIG_PATH, { cache: 'no-store' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const config = parseConfig(await response.json());
    render(<App config={config} initialLocale={locale} initialSession={await restore(config)} />, root);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    render(<p role="alert">{translator(locale)('error.config', { reason })}</p>, root);
  }
}

const root = document.getElementById('app');
if (root) void start(root);
