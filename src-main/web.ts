import { defaultRendererDir, runWebShell } from './shell/web-shell'

/** `npm run web`: the console in the system browser, same host and contract as the desktop app. */
void runWebShell(process.argv.slice(2), defaultRendererDir(import.meta.dirname))
