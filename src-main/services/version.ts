/** The app's version, stamped into the bundles by scripts/build.mjs from package.json. */
export const APP_VERSION = process.env.FAZHI_VERSION ?? '0.1.0';
