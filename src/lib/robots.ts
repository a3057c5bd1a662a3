// robots.txt: every page may be crawled (the portal exists to be found); the sitemap is named only when
// content/site.yaml gives the site's address, because the Sitemap line must be an absolute URL.
// Crawlers read robots.txt only at the root of a host: deployed under a sub-path, the host's own applies.

/** The file's text for a site address (content/site.yaml `url`, '' while it has none). */
export function robotsTxt(siteUrl: string): string {
  const lines = ['User-agent: *', 'Allow: /'];
  if (siteUrl) lines.push('', `Sitemap: ${new URL('sitemap-index.xml', siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href}`);
  return `${lines.join('\n')}\n`;
}
