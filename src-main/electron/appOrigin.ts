/**
 * The renderer is served from one custom, privileged origin. Every security decision in the shell
 * (navigation, IPC sender checks, request filtering) compares against this, so it lives in one place.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'fazhi';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/**
 * True when `url` is on our app origin. Node's URL parser treats `app:` as a non-special scheme
 * (origin "null", host case kept), while Chromium canonicalises it as a standard scheme, so the
 * comparison is on protocol and lower-cased host rather than on `URL.origin`.
 */
export function isAppUrl(url: unknown): boolean {
  if (typeof url !== 'string') return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return u.protocol === `${APP_SCHEME}:` && u.host.toLowerCase() === APP_HOST && u.username === '' && u.password === '';
}
