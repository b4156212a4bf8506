import { useEffect, useState } from 'react'
import { toDataURL } from 'qrcode'

/** The pairing code as a QR code, for a laptop with a camera; the text form sits beside it. */
export function PairingQr({ code }: { code: string }) {
  const [image, setImage] = useState<{ code: string; url: string } | null>(null)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    let live = true
    toDataURL(code, { errorCorrectionLevel: 'M', margin: 1, width: 184 })
      .then((url) => live && setImage({ code, url }))
      .catch(() => live && setFailed(true))
    return () => {
      live = false
    }
  }, [code])
  if (failed) return <p className="hint">The QR code could not be drawn; copy the code instead.</p>
  if (image?.code !== code) return <div className="sync-qr placeholder" aria-hidden="true" />
  return <img className="sync-qr" src={image.url} alt="Pairing QR code" width={184} height={184} />
}
