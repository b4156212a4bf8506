import { memo, useState } from 'react'
import Markdown, { type Components, type ExtraProps } from 'react-markdown'
import { Icon } from '../icons'

type HastContent = NonNullable<ExtraProps['node']>['children'][number]

const textOf = (nodes: readonly HastContent[]): string =>
  nodes
    .map((n) => (n.type === 'text' ? n.value : n.type === 'element' ? textOf(n.children) : ''))
    .join('')

function CodeBlock({ code, language }: { code: string; language: string | null }) {
  const [copied, setCopied] = useState(false)
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(code)
      setCopied(true)
      setTimeout(() => setCopied(false), 1500)
    } catch {
      // The clipboard can be refused (an unfocused window); selecting the text by hand still works.
    }
  }
  return (
    <div className="code-block">
      <div className="code-head">
        <span>{language ?? 'code'}</span>
        <button type="button" className="text-button small" onClick={() => void copy()}>
          <Icon name={copied ? 'check' : 'copy'} size={13} />
          {copied ? 'Copied' : 'Copy code'}
        </button>
      </div>
      <pre tabIndex={0}>
        <code>{code.replace(/\n$/, '')}</code>
      </pre>
    </div>
  )
}

const SAFE_LINK = /^(?:https?:\/\/|mailto:)/i

const components: Components = {
  pre({ node }) {
    const code = node?.children.find((c) => c.type === 'element' && c.tagName === 'code')
    if (!code || code.type !== 'element') return null
    const classes = code.properties.className
    const lang = Array.isArray(classes)
      ? classes
          .map(String)
          .find((c) => c.startsWith('language-'))
          ?.slice('language-'.length)
      : undefined
    return <CodeBlock code={textOf(code.children)} language={lang ?? null} />
  },
  a({ href, children }) {
    // Only web and mail links open (in the system browser). Anything else — a `javascript:` link
    // the renderer neutralised to '', a relative path that would open a second copy of the app —
    // is shown as the plain text it is.
    if (!href || !SAFE_LINK.test(href)) return <span className="inert-link">{children}</span>
    return (
      <a href={href} target="_blank" rel="noreferrer noopener">
        {children}
      </a>
    )
  },
}

/** Anything Markdown could turn into markup: emphasis, code, links, headings, quotes, lists, entities. */
const MARKDOWN_SIGNS = /[*_`#>[\]|~\\<&]|^\s*(?:[-+=]|\d+[.)])(?:\s|$)|^ {4}|^\t/m

/**
 * Renders a reply's Markdown. Raw HTML is dropped and images are not loaded (nothing is fetched
 * from the network on the person's behalf); code blocks get a Copy button.
 */
export const MarkdownText = memo(function MarkdownText({ text }: { text: string }) {
  // Most replies are plain sentences; skipping the parser keeps long histories cheap to scroll.
  if (!MARKDOWN_SIGNS.test(text)) {
    return (
      <div className="markdown">
        {text.split(/\n{2,}/).map((para, i) => (
          <p key={i}>{para}</p>
        ))}
      </div>
    )
  }
  return (
    <div className="markdown">
      <Markdown skipHtml disallowedElements={['img']} unwrapDisallowed components={components}>
        {text}
      </Markdown>
    </div>
  )
})
