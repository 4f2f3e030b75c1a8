// The CLI's version: package.json's, so `npm version` is the one place it changes.
import packageJson from '../../package.json';

export const VERSION: string = packageJson.version;
