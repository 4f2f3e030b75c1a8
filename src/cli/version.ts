// The CLI's version: package.json's, so `npm version` is the one place it changes. Only the
// `version` field is imported (esbuild keeps no other part of package.json in the bundle).
import { version } from '../../package.json';

export const VERSION: string = version;
