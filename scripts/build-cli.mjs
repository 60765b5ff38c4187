// `npm run build:cli` — the command line as plain JavaScript in dist-cli/ (see scripts/buildCli.cjs).
import { createRequire } from 'node:module';

createRequire(import.meta.url)('./buildCli.cjs').buildCli();
