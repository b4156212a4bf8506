import { connect, createServer, type Socket } from 'node:net'

/** A TCP proxy in front of a relay whose link can be cut and restored: one device going offline. */
export interface CutProxy {
  /** `ws://127.0.0.1:<port>`: give this to the device instead of the relay's URL. */
  url: string
  /** Drops every open connection and refuses new ones until `restore`. */
  cut(): void
  restore(): void
  close(): Promise<void>
}

export async function startCutProxy(targetPort: number): Promise<CutProxy> {
  let cut = false
  const open = new Set<Socket>()
  const server = createServer((client) => {
    if (cut) {
      client.destroy()
      return
    }
    const upstream = connect(targetPort, '127.0.0.1')
    for (const s of [client, upstream]) {
      open.add(s)
      s.once('close', () => open.delete(s))
      s.on('error', () => {
        client.destroy()
        upstream.destroy()
      })
    }
    client.pipe(upstream).pipe(client)
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const address = server.address()
  if (typeof address !== 'object' || address === null) throw new Error('no proxy address')
  return {
    url: `ws://127.0.0.1:${address.port}`,
    cut() {
      cut = true
      for (const s of open) s.destroy()
    },
    restore() {
      cut = false
    },
    close() {
      for (const s of open) s.destroy()
      return new Promise((done) => server.close(() => done()))
    },
  }
}
