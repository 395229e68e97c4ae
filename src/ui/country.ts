/** Country codes as words in the reader's language ("KP" → "North Korea"); shared by the popup and the options page. */

function locale(): string {
  return (typeof navigator !== 'undefined' && navigator.language) || 'en';
}

/** "KP" → "North Korea"; anything that is not a two-letter code, or unknown to the browser, is shown as given. */
export function countryName(code: string | undefined): string {
  if (!code) return '';
  if (!/^[A-Za-z]{2}$/.test(code)) return code;
  try {
    return new Intl.DisplayNames([locale()], { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}
