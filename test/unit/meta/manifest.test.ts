/** Meta: the permissions we ask for are exactly the reviewed list; the CSP stays strict. */
import { describe, expect, it } from 'vitest';
import manifest from '../../../manifest.json';

/**
 * Reviewed list. storage + unlimitedStorage: settings and the local knowledge base (feeds are large). The popup
 * learns the page's address and title from the content script, so no "tabs" or "activeTab" is needed. Host
 * access is optional and asked only when the reader imports from an address. Changing this list needs a
 * review and a README update.
 */
const REVIEWED_PERMISSIONS = ['storage', 'unlimitedStorage'];
const REVIEWED_OPTIONAL_HOSTS = ['https://*/*'];

describe('manifest', () => {
  it('asks for exactly the reviewed permissions', () => {
    expect([...manifest.permissions].sort()).toEqual(REVIEWED_PERMISSIONS);
    expect(manifest.optional_host_permissions).toEqual(REVIEWED_OPTIONAL_HOSTS);
    expect(manifest).not.toHaveProperty('host_permissions');
  });

  it('exposes no web-accessible resources to pages', () => {
    expect(manifest).not.toHaveProperty('web_accessible_resources');
  });

  it('keeps a strict CSP for extension pages', () => {
    const csp = manifest.content_security_policy.extension_pages;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/unsafe-(eval|inline)|https?:/);
  });

  it('serves Chrome and Firefox from one manifest', () => {
    expect(manifest.background.service_worker).toBe('background.js');
    expect(manifest.background.scripts).toEqual(['background.js']);
    expect(manifest.browser_specific_settings.gecko.id).toMatch(/@/);
    expect(manifest.browser_specific_settings.gecko.data_collection_permissions.required).toEqual(['none']);
  });
});
