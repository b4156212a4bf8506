import { EventEmitter } from 'node:events'
import * as decoding from 'lib0/decoding'
import type WebSocket from 'ws'

// Hocuspocus frames: varString documentName, varUint messageType; an auth message then has a varUint
// auth type (client → relay: token; relay → client: permission denied or authenticated).
const MESSAGE_AUTH = 2
const AUTH_PERMISSION_DENIED = 1
const AUTH_AUTHENTICATED = 2

/** Close codes the gate uses (4000–4999 is the application range). */
export const GATE_CLOSE = {
  /** The relay refused a credential; nothing more will be read from this socket. */
  refused: { code: 4403, reason: 'refused' },
  /** More bytes arrived for unauthenticated documents than the relay holds. */
  tooMuchBeforeAuth: { code: 4413, reason: 'too much data before authentication' },
  /** No document was authenticated in time. */
  authDeadline: { code: 4408, reason: 'authentication timed out' },
  /** A frame that is not a Hocuspocus message. */
  malformed: { code: 4400, reason: 'malformed message' },
} as const

/** How much the gate lets through before a document is authenticated, and for how long. */
export interface PreAuthLimits {
  /** Bytes of messages for not-yet-authenticated documents one socket may have outstanding. */
  maxPendingBytes: number
  /** A socket that has authenticated no document by then is closed. */
  authDeadlineMs: number
}

/** One frame's header, or null when it is not a Hocuspocus frame. */
const readHeader = (
  data: Uint8Array,
): { documentName: string; type: number; authType: number | null } | null => {
  try {
    const decoder = decoding.createDecoder(data)
    const documentName = decoding.readVarString(decoder)
    const type = decoding.readVarUint(decoder)
    const authType = type === MESSAGE_AUTH ? decoding.readVarUint(decoder) : null
    return { documentName, type, authType }
  } catch {
    return null
  }
}

const asBytes = (data: WebSocket.RawData): Uint8Array =>
  Array.isArray(data)
    ? Buffer.concat(data)
    : data instanceof ArrayBuffer
      ? new Uint8Array(data)
      : data

/**
 * Wraps a relay WebSocket so Hocuspocus holds nothing for a stranger: messages for a document that is
 * not authenticated yet count against `maxPendingBytes` (over it, the socket closes), a refused
 * credential closes the socket right after the refusal is sent, a socket that authenticates nothing
 * within `authDeadlineMs` closes, and a frame that is not a Hocuspocus message closes the socket with
 * one warning line instead of a stack trace. Hocuspocus sees the returned object as its socket.
 * @example hocuspocus.handleConnection(gateSocket(ws, limits, warn) as unknown as WebSocket, request)
 */
export function gateSocket(
  ws: WebSocket,
  limits: PreAuthLimits,
  warn: (message: string) => void,
): EventEmitter {
  const gated = new EventEmitter()
  const authenticated = new Set<string>()
  const pendingByDoc = new Map<string, number>()
  let pendingBytes = 0
  let closing = false

  const shut = (why: { code: number; reason: string }): void => {
    if (closing) return
    closing = true
    clearTimeout(deadline)
    ws.close(why.code, why.reason)
    // A peer that ignores the close handshake must not keep the socket (and its buffers) alive.
    setTimeout(() => ws.terminate(), 1000).unref()
  }

  const deadline = setTimeout(() => {
    if (authenticated.size === 0) shut(GATE_CLOSE.authDeadline)
  }, limits.authDeadlineMs)
  deadline.unref()

  ws.on('message', (raw: WebSocket.RawData) => {
    if (closing) return
    const data = asBytes(raw)
    const header = readHeader(data)
    if (header === null) {
      warn('closed a connection that sent a malformed message')
      shut(GATE_CLOSE.malformed)
      return
    }
    if (!authenticated.has(header.documentName)) {
      pendingBytes += data.byteLength
      pendingByDoc.set(
        header.documentName,
        (pendingByDoc.get(header.documentName) ?? 0) + data.byteLength,
      )
      if (pendingBytes > limits.maxPendingBytes) {
        shut(GATE_CLOSE.tooMuchBeforeAuth)
        return
      }
    }
    gated.emit('message', data)
  })
  ws.on('pong', () => gated.emit('pong'))
  ws.once('close', (code: number, reason: Buffer) => {
    clearTimeout(deadline)
    gated.emit('close', code, reason)
  })

  const watchOutgoing = (data: Uint8Array): 'refused' | null => {
    const header = readHeader(data)
    if (header === null || header.type !== MESSAGE_AUTH) return null
    if (header.authType === AUTH_AUTHENTICATED) {
      authenticated.add(header.documentName)
      pendingBytes -= pendingByDoc.get(header.documentName) ?? 0
      pendingByDoc.delete(header.documentName)
      return null
    }
    return header.authType === AUTH_PERMISSION_DENIED ? 'refused' : null
  }

  Object.defineProperties(gated, {
    readyState: { get: () => ws.readyState },
    binaryType: {
      get: () => ws.binaryType,
      set: (value: WebSocket['binaryType']) => (ws.binaryType = value),
    },
  })
  Object.assign(gated, {
    send(data: Uint8Array, callback?: (error?: Error) => void): void {
      const verdict = watchOutgoing(data)
      ws.send(data, callback)
      if (verdict === 'refused') shut(GATE_CLOSE.refused)
    },
    close(code?: number, reason?: string): void {
      closing = true
      clearTimeout(deadline)
      ws.close(code, reason)
    },
    ping(): void {
      ws.ping()
    },
  })
  return gated
}
