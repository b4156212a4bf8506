import type { AppError } from '../../shared/errors'

/** What an over-long prompt's error said about the server's window, when it said anything. */
export type OverflowDetail = {
  /** The context the server runs the model with, in the server's tokens. */
  limit: number | null
  /** How many of the server's tokens the refused prompt was. */
  promptTokens: number | null
}

/** An HTTP failure of a model server, named for what it is. */
export type ProviderFailure = { error: AppError; overflow?: OverflowDetail }

/**
 * Names an HTTP error answer of a model server by what the person can do about it: a refused key, a
 * model the server does not have, a model without tools, or a prompt longer than its context. The
 * wordings are those of Ollama, llama.cpp's server, LM Studio, vLLM, OpenAI and Anthropic; anything
 * else stays a `provider-error` carrying the server's own message.
 */
export function classifyHttpFailure(
  /** The HTTP status, or null for an error the server sent inside a stream it had begun. */
  status: number | null,
  reason: string,
  body: string,
  where: string,
  model: string | null,
  /** Whether an API key was sent; a refusal then means that key, otherwise the lack of one. */
  keySent = true,
): ProviderFailure {
  const text = `${reason}\n${body}`
  const said =
    status === null
      ? `The model at ${where} stopped with an error: ${reason}`
      : `The model at ${where} answered HTTP ${status}: ${reason}`
  const overflow = readOverflow(text)
  if (overflow !== null) {
    const limit =
      overflow.limit === null ? '' : ` (${overflow.limit.toLocaleString('en-US')} tokens)`
    const needed =
      overflow.promptTokens === null
        ? ''
        : `; this prompt was ${overflow.promptTokens.toLocaleString('en-US')} of its tokens`
    return {
      error: {
        code: 'context-overflow',
        message: `The conversation is longer than the model's context window${limit}${needed}. The next turn sends a shorter recent window.`,
      },
      overflow,
    }
  }
  if (NO_TOOLS.some((re) => re.test(text))) {
    const name = model === null ? 'This model' : `The model ${model}`
    return {
      error: {
        code: 'provider-no-tools',
        message: `${name} does not accept tools (the server said: ${reason}).`,
      },
    }
  }
  if (status === null) return { error: { code: 'provider-error', message: said } }
  if (status === 401 || status === 403 || /invalid[ _-]api[ _-]key|incorrect api key/i.test(text)) {
    const said = `HTTP ${status}: ${reason.replace(/\.$/, '')}`
    const message = keySent
      ? `The server at ${where} refused the API key (${said}).`
      : `The server at ${where} wants an API key, and none is saved (${said}).`
    return { error: { code: 'provider-auth', message } }
  }
  if (
    (status === 404 || status === 400) &&
    /model/i.test(text) &&
    /not[ _-]?found|does not exist|invalid model|no such model|try pulling/i.test(text)
  ) {
    const name = model === null ? 'the model' : `"${model}"`
    return {
      error: {
        code: 'provider-model-missing',
        message: `The server at ${where} does not have ${name} (${reason}).`,
      },
    }
  }
  return { error: { code: 'provider-error', message: said } }
}

const NO_TOOLS = [
  /does not support tools/i,
  /does not support tool[ _]use/i,
  /tools param requires --jinja/i,
  /tool[ _]?(?:use|calling|choice)? (?:is )?not supported/i,
  /"auto" tool choice requires --enable-auto-tool-choice/i,
]

const OVERFLOW = [
  /exceeds? the available context size/i,
  /exceed_context_size_error/i,
  /context[ _]length[ _]exceeded/i,
  /maximum context length is/i,
  /context length of only \d+/i,
  /when context the overflows/i,
  /prompt is too long/i,
  /input (?:length|is too long|tokens? exceed)/i,
  /too many tokens/i,
  /context window (?:is )?(?:full|exceeded)/i,
  /reached context length of \d+/i,
]

/** The server's limit and the prompt's size, from whichever wording the server used. */
export function readOverflow(text: string): OverflowDetail | null {
  if (!OVERFLOW.some((re) => re.test(text))) return null
  const num = (s: string | undefined): number | null => {
    if (s === undefined) return null
    const n = Number(s.replace(/,/g, ''))
    return Number.isInteger(n) && n > 0 ? n : null
  }
  const first = (patterns: RegExp[]): number | null => {
    for (const re of patterns) {
      const n = num(re.exec(text)?.[1])
      if (n !== null) return n
    }
    return null
  }
  return {
    limit: first([
      /"n_ctx"\s*:\s*(\d+)/,
      /available context size \(([\d,]+) tokens\)/i,
      /\(\d[\d,]* tokens > ([\d,]+)\)/,
      /maximum context length is ([\d,]+)/i,
      /context length of only ([\d,]+)/i,
      /reached context length of ([\d,]+)/i,
      /tokens > ([\d,]+) maximum/i,
    ]),
    promptTokens: first([
      /"n_prompt_tokens"\s*:\s*(\d+)/,
      /request \(([\d,]+) tokens\)/i,
      /\(([\d,]+) tokens > [\d,]+\)/,
      /you requested ([\d,]+) tokens/i,
      /your messages resulted in ([\d,]+) tokens/i,
      /prompt contains at least ([\d,]+) input tokens/i,
      /keep the first ([\d,]+) tokens/i,
      /prompt is too long: ([\d,]+) tokens/i,
    ]),
  }
}
