import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** The join address as a QR code: an SVG drawn by the qrcode library, shown as an image (never as markup). */
export function QrCode({ url }: { url: string }) {
  const [source, setSource] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
      .then((svg) => current && setSource(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`))
      .catch(() => current && setSource(null));
    return () => {
      current = false;
    };
  }, [url]);
  if (!source) return <div className="qr-placeholder" />;
  return <img className="qr" src={source} alt="QR code to join this session" />;
}
