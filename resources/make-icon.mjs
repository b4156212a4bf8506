// Draws Keepsake's app icon (resources/icon.png, 1024×1024) from geometry, so the repository holds
// the recipe and not only the pixels: a rounded indigo square with a white bookmark ribbon and a
// small amber dot (a remembered thing). Run: node resources/make-icon.mjs
import { writeFileSync } from 'node:fs'
import { deflateSync, crc32 } from 'node:zlib'

const SIZE = 1024
const px = new Uint8Array(SIZE * SIZE * 4)

/** Coverage of a pixel by a shape, 4×4 supersampled so edges are smooth. */
function paint(inside, [r, g, b]) {
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      let hits = 0
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++) if (inside(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4)) hits++
      if (hits === 0) continue
      const a = hits / 16
      const i = (y * SIZE + x) * 4
      const under = px[i + 3] / 255
      const out = a + under * (1 - a)
      px[i] = Math.round((r * a + px[i] * under * (1 - a)) / out)
      px[i + 1] = Math.round((g * a + px[i + 1] * under * (1 - a)) / out)
      px[i + 2] = Math.round((b * a + px[i + 2] * under * (1 - a)) / out)
      px[i + 3] = Math.round(out * 255)
    }
  }
}

const roundedSquare = (m, radius) => (x, y) => {
  const cx = Math.min(Math.max(x, m + radius), SIZE - m - radius)
  const cy = Math.min(Math.max(y, m + radius), SIZE - m - radius)
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2
}

// A bookmark: a tall rectangle with a V notch cut from its bottom edge.
const ribbon = (left, right, top, bottom, notch) => (x, y) => {
  if (x < left || x > right || y < top || y > bottom) return false
  const mid = (left + right) / 2
  const depth = notch * (1 - Math.abs(x - mid) / ((right - left) / 2))
  return y <= bottom - depth
}

const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r ** 2

paint(roundedSquare(64, 200), [67, 56, 202])
paint(ribbon(352, 672, 176, 848, 176), [255, 255, 255])
paint(circle(512, 400, 72), [245, 158, 11])

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length)
  out.writeUInt32BE(data.length, 0)
  out.write(type, 4, 'ascii')
  Buffer.from(data).copy(out, 8)
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length)
  return out
}

const header = Buffer.alloc(13)
header.writeUInt32BE(SIZE, 0)
header.writeUInt32BE(SIZE, 4)
header[8] = 8 // bit depth
header[9] = 6 // RGBA
const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1))
for (let y = 0; y < SIZE; y++) {
  rows[y * (SIZE * 4 + 1)] = 0 // no filter
  Buffer.from(px.buffer, y * SIZE * 4, SIZE * 4).copy(rows, y * (SIZE * 4 + 1) + 1)
}
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(rows, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
])
writeFileSync(new URL('./icon.png', import.meta.url), png)
console.log(`wrote resources/icon.png (${png.length} bytes)`)
