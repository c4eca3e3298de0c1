import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { renderMarkdown } from '../../server/src/domain/render';

interface Tag {
  name: string;
  attrs: string;
  raw: string;
}

/** Every real HTML tag in `html` (escaped text such as `&lt;img&gt;` is not a tag). */
function tags(html: string): Tag[] {
  const out: Tag[] = [];
  for (const m of html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)) {
    out.push({ name: m[1].toLowerCase(), attrs: m[2], raw: m[0] });
  }
  return out;
}

function tagNames(html: string): Set<string> {
  return new Set(tags(html).map((t) => t.name));
}

/** The href values of all <a> tags, decoded of the HTML entities sanitize-html may emit. */
function hrefs(html: string): string[] {
  return tags(html)
    .filter((t) => t.name === 'a')
    .flatMap((t) =>
      [...t.attrs.matchAll(/\bhref\s*=\s*"([^"]*)"/gi)].map((m) => m[1].replace(/&amp;/g, '&')),
    );
}

function assertNoScriptableOutput(html: string): void {
  const names = tagNames(html);
  for (const bad of [
    'script',
    'img',
    'iframe',
    'svg',
    'object',
    'embed',
    'style',
    'link',
    'meta',
    'form',
    'input',
  ]) {
    assert.ok(!names.has(bad), `<${bad}> survived in ${JSON.stringify(html)}`);
  }
  for (const t of tags(html)) {
    assert.doesNotMatch(t.attrs, /\bon[a-z]+\s*=/i, `event handler attribute survived: ${t.raw}`);
    assert.doesNotMatch(t.attrs, /\bsrc\s*=/i, `src attribute survived: ${t.raw}`);
  }
  for (const href of hrefs(html)) {
    // Browsers ignore ASCII whitespace and control characters inside a scheme.
    const squeezed = [...href].filter((c) => c.charCodeAt(0) > 0x20).join('');
    assert.doesNotMatch(squeezed, /^(javascript|vbscript|data):/i, `unsafe href survived: ${href}`);
  }
}

describe('renderMarkdown: formatting', () => {
  it('renders headings', () => {
    const html = renderMarkdown('# Құпиялылық саясаты\n\n## 1. Жалпы ережелер\n\n### Details');
    assert.match(html, /<h1>Құпиялылық саясаты<\/h1>/);
    assert.match(html, /<h2>1\. Жалпы ережелер<\/h2>/);
    assert.match(html, /<h3>Details<\/h3>/);
  });

  it('renders paragraphs with emphasis', () => {
    const html = renderMarkdown('We **never** sell _your_ data.');
    assert.equal(html.trim(), '<p>We <strong>never</strong> sell <em>your</em> data.</p>');
  });

  it('renders unordered and ordered lists', () => {
    const html = renderMarkdown('- name\n- email\n\n1. collect\n2. store\n');
    assert.match(html, /<ul>\s*<li>name<\/li>\s*<li>email<\/li>\s*<\/ul>/);
    assert.match(html, /<ol>\s*<li>collect<\/li>\s*<li>store<\/li>\s*<\/ol>/);
  });

  it('keeps the start number of an ordered list', () => {
    const html = renderMarkdown('3. third\n4. fourth\n');
    assert.match(html, /<ol start="3">/);
  });

  it('renders links with href and title', () => {
    const html = renderMarkdown('[Privacy](https://example.kz/privacy "Policy")');
    assert.equal(
      html.trim(),
      '<p><a href="https://example.kz/privacy" title="Policy">Privacy</a></p>',
    );
  });

  it('keeps mailto: and tel: links', () => {
    const html = renderMarkdown('[DPO](mailto:dpo@example.kz) or [call](tel:+77001234567)');
    assert.deepEqual(hrefs(html), ['mailto:dpo@example.kz', 'tel:+77001234567']);
  });

  it('linkifies bare https URLs', () => {
    const html = renderMarkdown('See https://example.kz/privacy for details.');
    assert.deepEqual(hrefs(html), ['https://example.kz/privacy']);
  });

  it('renders code, blockquotes and rules', () => {
    const html = renderMarkdown('> quoted\n\n---\n\n`code`\n\n```\nblock\n```\n');
    const names = tagNames(html);
    for (const n of ['blockquote', 'hr', 'code', 'pre'])
      assert.ok(names.has(n), `missing <${n}> in ${html}`);
  });

  it('renders tables and keeps only the text-align style', () => {
    const html = renderMarkdown('| Data | Kept |\n|:-----|-----:|\n| email | 3 years |\n');
    assert.match(html, /<table>/);
    assert.match(html, /<th style="text-align:left">Data<\/th>/);
    assert.match(html, /<td style="text-align:right">3 years<\/td>/);
  });
});

describe('renderMarkdown: unsafe input', () => {
  it('does not let <script> survive as a tag', () => {
    const html = renderMarkdown(
      'Hello <script>alert(1)</script> world\n\n<script>alert(2)</script>',
    );
    assert.doesNotMatch(html, /<script/i);
    assert.ok(!tagNames(html).has('script'));
    assertNoScriptableOutput(html);
    // The text is kept, escaped, so nothing silently disappears from the policy.
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });

  it('does not let upper-case or attribute-laden <SCRIPT> survive', () => {
    const html = renderMarkdown(
      '<SCRIPT type="text/javascript" src="https://evil.example/x.js"></SCRIPT>',
    );
    assert.doesNotMatch(html, /<script/i);
    assertNoScriptableOutput(html);
  });

  it('produces no javascript: href from [x](javascript:alert(1))', () => {
    const html = renderMarkdown('[x](javascript:alert(1))');
    assert.doesNotMatch(html, /href\s*=\s*["']?\s*javascript:/i);
    assert.deepEqual(hrefs(html), []);
    assertNoScriptableOutput(html);
  });

  it('produces no javascript: href from obfuscated variants', () => {
    const inputs = [
      '[x](JaVaScRiPt:alert(1))',
      '[x](&#106;avascript:alert(1))',
      '[x](&#x6A;avascript:alert(1))',
      '[x](javascript&#58;alert(1))',
      '[x](<javascript:alert(1)>)',
      '[x](%6Aavascript:alert(1))',
      '<javascript:alert(1)>',
      '[x][ref]\n\n[ref]: javascript:alert(1)',
      '[x](vbscript:msgbox(1))',
      '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
      'javascript:alert(1)',
    ];
    for (const input of inputs) {
      const html = renderMarkdown(input);
      assertNoScriptableOutput(html);
      for (const href of hrefs(html)) {
        // What a browser would actually follow (WHATWG URL parsing, relative to a page).
        const protocol = new URL(href, 'https://example.kz/policy/').protocol;
        assert.ok(
          ['http:', 'https:', 'mailto:', 'tel:'].includes(protocol),
          `${input} → ${html} (${protocol})`,
        );
      }
    }
  });

  it('drops hrefs with schemes outside the allow-list (second line of defence), keeping the text', () => {
    for (const input of [
      '[x](ftp://files.example/p)',
      '[x](intent://scan/#Intent;end)',
      '[x](ms-settings:privacy)',
      '[x](sms:+77001234567)',
    ]) {
      const html = renderMarkdown(input);
      assert.deepEqual(hrefs(html), [], `${input} → ${html}`);
      assert.match(html, /<a>x<\/a>/, `${input} → ${html}`);
    }
  });

  it('drops protocol-relative links (allowProtocolRelative: false)', () => {
    const html = renderMarkdown('[p](//evil.example/phish)');
    assert.deepEqual(hrefs(html), []);
    assert.match(html, />p</); // the link text stays
  });

  it('yields no <img> and no onerror from <img src=x onerror=alert(1)>', () => {
    const html = renderMarkdown('<img src=x onerror=alert(1)>');
    assert.ok(!tagNames(html).has('img'), html);
    assert.doesNotMatch(html, /<img/i);
    for (const t of tags(html)) assert.doesNotMatch(t.raw, /onerror/i);
    assertNoScriptableOutput(html);
  });

  it('yields no <img> from Markdown image syntax either', () => {
    const html = renderMarkdown(
      '![logo](https://evil.example/x.png "t")\n\n![a](x" onerror="alert(1))',
    );
    assert.doesNotMatch(html, /<img/i);
    assertNoScriptableOutput(html);
  });

  it('does not let an <iframe> survive', () => {
    const html = renderMarkdown(
      '<iframe src="https://evil.example/"></iframe>\n\nText <iframe srcdoc="<script>alert(1)</script>"></iframe>',
    );
    assert.doesNotMatch(html, /<iframe/i);
    assertNoScriptableOutput(html);
  });

  it('does not let raw HTML attributes or event handlers through', () => {
    const inputs = [
      '<a href="javascript:alert(1)">x</a>',
      '<p onclick="alert(1)">x</p>',
      '<svg onload=alert(1)>',
      '<div style="background:url(javascript:alert(1))">x</div>',
      '<style>body{display:none}</style>',
      '<form action="https://evil.example"><input name=x></form>',
      '<object data="x.swf"></object><embed src="x.swf">',
      '<details open ontoggle=alert(1)>',
    ];
    for (const input of inputs) {
      const html = renderMarkdown(input);
      assertNoScriptableOutput(html);
      assert.ok(
        !tags(html).some((t) => /style=/i.test(t.attrs)),
        `style attribute from raw HTML survived: ${html}`,
      );
    }
  });

  it('keeps only allow-listed tags in any output', () => {
    const allowed = new Set([
      'h1',
      'h2',
      'h3',
      'h4',
      'h5',
      'h6',
      'p',
      'br',
      'hr',
      'blockquote',
      'pre',
      'code',
      'ul',
      'ol',
      'li',
      'strong',
      'em',
      's',
      'a',
      'table',
      'thead',
      'tbody',
      'tr',
      'th',
      'td',
    ]);
    const html = renderMarkdown(
      '# T\n\n<b>bold</b> <div>x</div> <span>y</span> ~~gone~~\n\n![i](x.png)\n\n<script>1</script>\n\n| a |\n|---|\n| b |\n',
    );
    for (const name of tagNames(html))
      assert.ok(allowed.has(name), `unexpected <${name}> in ${html}`);
  });
});
