// The Content-Security-Policy every page carries as a <meta>. Nothing on the site is inline (styles and
// scripts are bundled files, see astro.config.mjs), so the policy needs no hashes: scripts, styles,
// fetches and workers come from the site itself, nothing from another origin, no plugins, forms post
// only here. frame-ancestors cannot be set from <meta>; set it as a header where the host allows.
// A static policy (rather than Astro's security.csp) also spares every page a hash computation:
// Astro hashes each page's stylesheet entries even when they are files.
const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

/** The <meta> element, ready to place first in <head> (a constant: no reader input in it). */
export const CSP_META = `<meta http-equiv="content-security-policy" content="${CSP_DIRECTIVES.join('; ')}">`;
