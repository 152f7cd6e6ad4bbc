import { createHash } from 'node:crypto';
import { htmlCsp } from './security-headers';

describe(htmlCsp.name, () => {
  it('allows exactly the inline scripts of the page, by hash, and no other inline script', () => {
    const inline = 'window.ui = 1;';
    const csp = htmlCsp(
      `<script src="/a.js"></script><script>${inline}</script><script type="module">m()</script>`,
    );
    const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    expect(csp).toContain(`script-src 'self' ${hash(inline)} ${hash('m()')};`);
    expect(csp).not.toContain("script-src 'self' 'unsafe-inline'");
    expect(csp).toMatch(/^default-src 'none'; /);
    expect(csp).toContain("frame-ancestors 'none'");
  });
});
