/**
 * The Content-Security-Policy both shells enforce. Scripts only from the app itself; inline styles are allowed
 * because Spark's Stencil components inject `<style>` elements (reference/spark.md §2); no plugins, no framing,
 * no forms posting elsewhere, and network access only back to the app's own origin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "worker-src 'self'"
].join('; ')

/** Directives that only work as an HTTP header (ignored in a `<meta>` tag). */
export const HEADER_ONLY_CSP = "frame-ancestors 'none'"
